/**
 * Responsiveness check: latency of GET /api/health while sprite sheets are being made. Starts the
 * server as `pnpm start` does (a child process, fresh data folder, loopback), keeps 20 requests
 * for 1,024-tile cifar10-mini sprite sheets in flight (each asks for other indices, so no sheet
 * comes from a cache) from a worker thread, and meanwhile asks for /api/health one request after
 * another from the main thread, so that reading the sheets does not delay the timing. Prints the
 * health latency percentiles and the sprite throughput; writes bench-output/server-sprites.json.
 *
 *   pnpm bench:server [--sprites 20] [--tiles 1024] [--duration 10]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { describeDataset, findRepoRoot } from '@mu/engine';
import { spawnServer } from '../test/helpers/serverProcess.js';

const DATASET = 'cifar10-mini';

interface SpriteLoad {
  url: string;
  concurrency: number;
  tiles: number;
  durationMs: number;
}

/** The sprite requests: `concurrency` loops, each asking for a new sheet as soon as the last arrived. */
async function spriteLoad({ url, concurrency, tiles, durationMs }: SpriteLoad): Promise<{ sprites: number; errors: number }> {
  const trainSize = describeDataset(DATASET).splits.train;
  const deadline = performance.now() + durationMs;
  let next = 0;
  let sprites = 0;
  let errors = 0;
  const loop = async () => {
    while (performance.now() < deadline) {
      const start = next++ * 7919;
      const indices = Array.from({ length: tiles }, (_, k) => (start + k) % trainSize).join(',');
      const res = await fetch(`${url}/api/datasets/${DATASET}/thumbnails?indices=${indices}`);
      await res.arrayBuffer();
      if (res.status === 200) sprites++;
      else errors++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  return { sprites, errors };
}

/** Polls /api/health every 20 ms until `deadline`; the latency of each answer, sorted. */
async function healthLatencies(url: string, deadline: number): Promise<number[]> {
  const latencies: number[] = [];
  while (performance.now() < deadline) {
    const t0 = performance.now();
    const res = await fetch(`${url}/api/health`);
    await res.arrayBuffer();
    latencies.push(performance.now() - t0);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return latencies.sort((a, b) => a - b);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    strict: false,
    options: {
      sprites: { type: 'string', default: '20' },
      tiles: { type: 'string', default: '1024' },
      duration: { type: 'string', default: '10' },
    },
  });
  const load = { concurrency: Number(values.sprites), tiles: Number(values.tiles), durationMs: Number(values.duration) * 1000 };
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mu-bench-sprites-'));
  const server = await spawnServer({ MU_DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  try {
    // The dataset is read once before measuring: the load is encoding, not the first file read.
    const warm = await fetch(`${server.url}/api/datasets/${DATASET}/thumbnails?indices=0`);
    if (warm.status !== 200) throw new Error(`sprite request failed: ${warm.status} ${await warm.text()}`);

    console.error(`server ${server.url}: ${load.concurrency} concurrent ${load.tiles}-tile ${DATASET} sprite requests for ${load.durationMs / 1000} s, /api/health polled every 20 ms`);
    // Worker threads start without tsx on Node 20: the worker registers it, then loads this file.
    const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
    const worker = new Worker(boot, { eval: true, workerData: { url: server.url, ...load } satisfies SpriteLoad });
    const loaded = new Promise<{ sprites: number; errors: number }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    // Let the sprite requests start first.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const [latencies, { sprites, errors }] = await Promise.all([healthLatencies(server.url, performance.now() + load.durationMs - 200), loaded]);

    const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] * 10) / 10;
    const summary = {
      date: new Date().toISOString(),
      cpus: os.cpus().length,
      loadAverage: os.loadavg()[0],
      spriteConcurrency: load.concurrency,
      tilesPerSprite: load.tiles,
      durationSeconds: load.durationMs / 1000,
      sprites: { done: sprites, perSecond: sprites / (load.durationMs / 1000), errors },
      healthLatencyMs: { samples: latencies.length, p50: at(0.5), p99: at(0.99), max: at(1) },
    };
    console.log(
      `GET /api/health under ${load.concurrency} concurrent ${load.tiles}-tile sprite requests: p50 ${summary.healthLatencyMs.p50} ms, ` +
        `p99 ${summary.healthLatencyMs.p99} ms, max ${summary.healthLatencyMs.max} ms (${latencies.length} requests); ` +
        `${sprites} sprites (${summary.sprites.perSecond.toFixed(1)}/s), ${errors} errors; load average ${summary.loadAverage.toFixed(2)} on ${summary.cpus} CPUs`,
    );
    const out = path.join(findRepoRoot()!, 'bench-output');
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, 'server-sprites.json'), `${JSON.stringify(summary, null, 2)}\n`);
    if (errors > 0) process.exitCode = 1;
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (isMainThread) await main();
else parentPort!.postMessage(await spriteLoad(workerData as SpriteLoad));
