/**
 * The same 6-job sweep (ga on cifar10-mini / small-cnn, 1 epoch, lr × 3, seeds × 2, fast
 * evaluation) on the embedded queue with 1 worker thread, then on 2 `mu worker` processes with
 * 1 thread each through BullMQ on a throw-away redis-server; prints both wall times (sweep posted
 * → sweep finished, workers already started) and the speed-up. Writes bench-output/queue.json.
 *
 *   pnpm bench:queue [--epochs 1]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findRepoRoot } from '@mu/engine';
import { smallCnnCheckpoint } from '../test/helpers/checkpointUpload.js';
import { startRedis } from '../test/helpers/redisServer.js';
import { spawnServer, type ServerProcess } from '../test/helpers/serverProcess.js';
import { spawnWorker } from '../test/helpers/workerProcess.js';

const { values } = parseArgs({ strict: true, options: { epochs: { type: 'string', default: '1' } } });
const TOKEN = 'bench-worker-token-0123456789';

/** Uploads an Original, posts the sweep and returns the seconds until it has finished. */
async function timeSweep(server: ServerProcess): Promise<number> {
  const { meta, weights } = smallCnnCheckpoint('original', null);
  const up = await server.upload('/api/imports/checkpoints', [
    { field: 'meta', name: 'o.json', content: JSON.stringify(meta) },
    { field: 'weights', name: 'o.weights.bin', content: weights },
  ]);
  if (up.status !== 201) throw new Error(`upload failed: ${up.status} ${up.text}`);
  const start = performance.now();
  const sweep = await server.post('/api/jobs', {
    kind: 'sweep', dataset: 'cifar10-mini', architecture: 'small-cnn', method: 'ga', forgetClass: 3,
    params: { epochs: Number(values.epochs) }, grid: { lr: [1e-4, 1e-3, 1e-2] }, seeds: [1, 2],
  });
  if (sweep.status !== 201) throw new Error(`sweep refused: ${sweep.status} ${sweep.text}`);
  const done = await server.finished(sweep.body.id, 3_600_000);
  if (done.status !== 'succeeded') throw new Error(`sweep ${done.status}: ${done.error}`);
  return (performance.now() - start) / 1000;
}

async function stop(server: ServerProcess): Promise<void> {
  server.child.kill('SIGTERM');
  await server.exited;
}

const dirs = [mkdtempSync(path.join(os.tmpdir(), 'mu-bench-queue-')), mkdtempSync(path.join(os.tmpdir(), 'mu-bench-queue-'))];
try {
  const embeddedServer = await spawnServer({ MU_DATA_DIR: dirs[0], LOG_LEVEL: 'warn', MU_JOB_CONCURRENCY: '1' });
  const embedded = await timeSweep(embeddedServer).finally(() => stop(embeddedServer));
  console.error(`embedded queue, 1 worker thread: ${embedded.toFixed(1)} s`);

  const redis = await startRedis();
  const server = await spawnServer({ MU_DATA_DIR: dirs[1], LOG_LEVEL: 'warn', MU_QUEUE_URL: redis.url, MU_WORKER_TOKEN: TOKEN });
  const workers = await Promise.all([0, 1].map((i) => spawnWorker(['--server', server.url, '--token', TOKEN, '--name', `bench-${i}`])));
  const distributed = await timeSweep(server).finally(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    await stop(server);
    await redis.stop();
  });
  const summary = { date: new Date().toISOString(), jobs: 6, epochs: Number(values.epochs), cpus: os.cpus().length, embeddedSeconds: embedded, bullmqTwoWorkersSeconds: distributed, speedUp: embedded / distributed };
  console.log(`6-job sweep: embedded 1 thread ${embedded.toFixed(1)} s; BullMQ 2 workers × 1 thread ${distributed.toFixed(1)} s; speed-up ×${summary.speedUp.toFixed(2)} on ${summary.cpus} CPUs`);
  const out = path.join(findRepoRoot()!, 'bench-output');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'queue.json'), `${JSON.stringify(summary, null, 2)}\n`);
} finally {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
