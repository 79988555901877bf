/**
 * Responsiveness check: latency of GET /api/health while sprite sheets are being made. Starts the
 * server as `pnpm start` does (a child process, fresh data folder, loopback), keeps 20 requests
 * for 1,024-tile cifar10-mini sprite sheets in flight (each asks for other indices, so no sheet
 * comes from a cache), and meanwhile asks for /api/health one request after another. Prints the
 * health latency percentiles and the sprite throughput; writes bench-output/server-sprites.json.
 *
 *   pnpm bench:server [--sprites 20] [--tiles 1024] [--duration 10]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { describeDataset, findRepoRoot } from '@mu/engine';
import { spawnServer } from '../test/helpers/serverProcess.js';

const { values } = parseArgs({
  strict: false,
  options: {
    sprites: { type: 'string', default: '20' },
    tiles: { type: 'string', default: '1024' },
    duration: { type: 'string', default: '10' },
  },
});
const concurrency = Number(values.sprites);
const tiles = Number(values.tiles);
const durationMs = Number(values.duration) * 1000;
const DATASET = 'cifar10-mini';
const trainSize = describeDataset(DATASET).splits.train;

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mu-bench-sprites-'));
const server = await spawnServer({ MU_DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
try {
  // The dataset is read once before measuring: the load is encoding, not the first file read.
  const warm = await fetch(`${server.url}/api/datasets/${DATASET}/thumbnails?indices=0`);
  if (warm.status !== 200) throw new Error(`sprite request failed: ${warm.status} ${await warm.text()}`);

  let next = 0;
  let sprites = 0;
  let spriteErrors = 0;
  const deadline = performance.now() + durationMs;
  const spriteLoop = async () => {
    while (performance.now() < deadline) {
      const start = next++ * 7919;
      const indices = Array.from({ length: tiles }, (_, k) => (start + k) % trainSize).join(',');
      const res = await fetch(`${server.url}/api/datasets/${DATASET}/thumbnails?indices=${indices}`);
      await res.arrayBuffer();
      if (res.status === 200) sprites++;
      else spriteErrors++;
    }
  };
  const latencies: number[] = [];
  const healthLoop = async () => {
    // Let the sprite requests start first.
    await new Promise((resolve) => setTimeout(resolve, 200));
    while (performance.now() < deadline) {
      const t0 = performance.now();
      const res = await fetch(`${server.url}/api/health`);
      await res.arrayBuffer();
      latencies.push(performance.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  console.error(`server ${server.url}: ${concurrency} concurrent ${tiles}-tile ${DATASET} sprite requests for ${durationMs / 1000} s, /api/health polled every 20 ms`);
  await Promise.all([healthLoop(), ...Array.from({ length: concurrency }, spriteLoop)]);

  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] * 10) / 10;
  const summary = {
    date: new Date().toISOString(),
    cpus: os.cpus().length,
    loadAverage: os.loadavg()[0],
    spriteConcurrency: concurrency,
    tilesPerSprite: tiles,
    durationSeconds: durationMs / 1000,
    sprites: { done: sprites, perSecond: sprites / (durationMs / 1000), errors: spriteErrors },
    healthLatencyMs: { samples: latencies.length, p50: at(0.5), p99: at(0.99), max: at(1) },
  };
  console.log(
    `GET /api/health under ${concurrency} concurrent ${tiles}-tile sprite requests: p50 ${summary.healthLatencyMs.p50} ms, ` +
      `p99 ${summary.healthLatencyMs.p99} ms, max ${summary.healthLatencyMs.max} ms (${latencies.length} requests); ` +
      `${sprites} sprites (${summary.sprites.perSecond.toFixed(1)}/s), ${spriteErrors} errors; load average ${summary.loadAverage.toFixed(2)} on ${summary.cpus} CPUs`,
  );
  const out = path.join(findRepoRoot()!, 'bench-output');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'server-sprites.json'), `${JSON.stringify(summary, null, 2)}\n`);
  if (spriteErrors > 0) process.exitCode = 1;
} finally {
  server.child.kill('SIGTERM');
  await server.exited;
  rmSync(dataDir, { recursive: true, force: true });
}
