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
import { startRemoteCluster, uploadOriginal } from '../test/helpers/remoteCluster.js';
import { spawnServer, type ServerProcess } from '../test/helpers/serverProcess.js';

const { values } = parseArgs({ strict: true, options: { epochs: { type: 'string', default: '1' } } });
const TOKEN = 'bench-worker-token-0123456789';

/** Posts the sweep and returns the seconds until it has finished. */
async function timeSweep(server: ServerProcess): Promise<number> {
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

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mu-bench-queue-'));
try {
  const embeddedServer = await spawnServer({ MU_DATA_DIR: dataDir, LOG_LEVEL: 'warn', MU_JOB_CONCURRENCY: '1' });
  const embedded = await uploadOriginal(embeddedServer)
    .then(() => timeSweep(embeddedServer))
    .finally(async () => {
      embeddedServer.child.kill('SIGTERM');
      await embeddedServer.exited;
    });
  console.error(`embedded queue, 1 worker thread: ${embedded.toFixed(1)} s`);

  const cluster = await startRemoteCluster(TOKEN);
  const distributed = await cluster
    .addWorkers(['bench-0', 'bench-1'])
    .then(() => timeSweep(cluster.server))
    .finally(() => cluster.stop());
  // Other processes on the machine change both wall times: the load average says how busy it was.
  const loadAverage = os.loadavg().map((l) => Number(l.toFixed(2)));
  const summary = { date: new Date().toISOString(), jobs: 6, epochs: Number(values.epochs), cpus: os.cpus().length, loadAverage, embeddedSeconds: embedded, bullmqTwoWorkersSeconds: distributed, speedUp: embedded / distributed };
  console.log(`6-job sweep: embedded 1 thread ${embedded.toFixed(1)} s; BullMQ 2 workers × 1 thread ${distributed.toFixed(1)} s; speed-up ×${summary.speedUp.toFixed(2)} on ${summary.cpus} CPUs (load average ${loadAverage.join(', ')})`);
  const out = path.join(findRepoRoot()!, 'bench-output');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'queue.json'), `${JSON.stringify(summary, null, 2)}\n`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
