import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallCnnCheckpoint } from './helpers/checkpointUpload.js';
import { hasRedis, startRedis, type RedisServer } from './helpers/redisServer.js';
import { spawnServer, type ServerProcess } from './helpers/serverProcess.js';
import { spawnWorker, type WorkerProcess } from './helpers/workerProcess.js';

// A worker killed mid-job: its BullMQ lock expires and the job runs again on the other worker.
const TOKEN = 'worker-token-for-tests-4567';

describe.runIf(hasRedis())('a remote worker killed mid-job', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mu-server-killed-'));
  let redis: RedisServer;
  let server: ServerProcess;
  const workers: WorkerProcess[] = [];
  beforeAll(async () => {
    redis = await startRedis();
    server = await spawnServer({ MU_DATA_DIR: dataDir, MU_QUEUE_URL: redis.url, MU_WORKER_TOKEN: TOKEN });
    const { meta, weights } = smallCnnCheckpoint('original', null);
    const up = await server.upload('/api/imports/checkpoints', [
      { field: 'meta', name: 'o.json', content: JSON.stringify(meta) },
      { field: 'weights', name: 'o.weights.bin', content: weights },
    ]);
    expect(up.status).toBe(201);
  }, 180_000);
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop()));
    if (server && server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    await redis?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);

  it('retries the job on the other worker, which stores its one result', async () => {
    workers.push(...(await Promise.all([0, 1].map((i) => spawnWorker(['--server', server.url, '--token', TOKEN, '--name', `k${i}`, '--lock-seconds', '5'])))));
    const created = await server.post('/api/jobs', { kind: 'unlearn', dataset: 'cifar10-mini', architecture: 'small-cnn', method: 'ga', forgetClass: 3, params: { epochs: 3 } });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    await server.events(`/api/jobs/${id}/events`, { until: (e) => e.event === 'progress' && e.data.stage === 'unlearning', timeoutMs: 300_000 });
    const victim = workers.findIndex((w) => w.output().includes(`job ${id}: unlearn`));
    expect(victim).toBeGreaterThanOrEqual(0);
    workers[victim].child.kill('SIGKILL');
    expect(await workers[victim].exited).toBe('SIGKILL');

    const done = await server.finished(id, 600_000);
    expect(done).toMatchObject({ status: 'succeeded', error: null });
    expect(done.resultIds).toHaveLength(1);
    expect(workers[1 - victim].output()).toContain(`job ${id}: succeeded`);
    expect((await server.get('/api/results')).body.map((r: { id: string }) => r.id)).toEqual(done.resultIds);
  }, 900_000);
});
