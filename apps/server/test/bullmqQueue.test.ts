import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bullmqJobId, REMOTE_QUEUE } from '../src/jobs/remoteQueue.js';
import { freePort, hasRedis, startRedis, type RedisServer } from './helpers/redisServer.js';
import { spawnServer, type ServerProcess } from './helpers/serverProcess.js';

// MU_QUEUE_URL: the server checks the Redis at start and puts compute jobs on the BullMQ queue.
const job = { kind: 'original', dataset: 'cifar10-mini', architecture: 'small-cnn', epochs: 1 };

describe.runIf(hasRedis())('BullMQ queue (MU_QUEUE_URL)', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mu-server-bullmq-'));
  let redis: RedisServer;
  let server: ServerProcess | undefined;
  beforeAll(async () => {
    redis = await startRedis();
  }, 60_000);
  afterAll(async () => {
    if (server && server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    await redis?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('refuses to start with one line when MU_QUEUE_URL is not a Redis URL, without showing it', async () => {
    const refused = spawnServer({ MU_DATA_DIR: dataDir, MU_QUEUE_URL: 'http://user:secret@127.0.0.1:6379' });
    const error = await refused.then(() => null, (e: Error) => e.message);
    expect(error).toMatch(/exited \(2\)/);
    expect(error).toContain('error: invalid MU_QUEUE_URL: (hidden) (expected redis://host:port or rediss://host:port)');
    expect(error).not.toContain('secret');
  }, 120_000);

  it('refuses to start with one line when the Redis cannot be reached', async () => {
    const port = await freePort();
    const refused = spawnServer({ MU_DATA_DIR: dataDir, MU_QUEUE_URL: `redis://:secret@127.0.0.1:${port}`, MU_WORKER_TOKEN: 'w'.repeat(24) });
    const error = await refused.then(() => null, (e: Error) => e.message);
    expect(error).toMatch(/exited \(1\)/);
    expect(error).toMatch(new RegExp(`error: cannot reach the job queue at redis://127\\.0\\.0\\.1:${port} \\(.+\\)`));
    expect(error).not.toContain('secret');
  }, 120_000);

  it('puts compute jobs on the BullMQ queue, reports the mode in /api/health, cancels a waiting job there, and keeps one across a restart', async () => {
    server = await spawnServer({ MU_DATA_DIR: dataDir, MU_QUEUE_URL: redis.url, MU_WORKER_TOKEN: 'w'.repeat(24) });
    expect((await server.get('/api/health')).body).toMatchObject({ status: 'ok', queue: { mode: 'bullmq', workers: [] } });
    const created = await server.post('/api/jobs', job);
    expect(created.status).toBe(201);

    const queue = new Queue(REMOTE_QUEUE, { connection: { host: '127.0.0.1', port: redis.port } });
    try {
      const waiting = await queue.getJob(bullmqJobId(created.body.id));
      expect(waiting?.data).toMatchObject({ id: created.body.id, spec: job, inputs: { originalId: null, baseId: null } });
      expect(await waiting!.getState()).toBe('waiting');

      expect((await server.post(`/api/jobs/${created.body.id}/cancel`)).status).toBe(202);
      expect(await server.finished(created.body.id, 60_000)).toMatchObject({ status: 'cancelled', error: null });
      expect(await queue.getJob(bullmqJobId(created.body.id))).toBeUndefined();

      // A restart keeps a job that is still in Redis running, instead of marking it interrupted.
      const kept = await server.post('/api/jobs', job);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe('0');
      server = await spawnServer({ MU_DATA_DIR: dataDir, MU_QUEUE_URL: redis.url, MU_WORKER_TOKEN: 'w'.repeat(24) });
      expect((await server.get(`/api/jobs/${kept.body.id}`)).body).toMatchObject({ status: 'running', error: null });
      expect(await (await queue.getJob(bullmqJobId(kept.body.id)))!.getState()).toBe('waiting');
      expect((await server.post(`/api/jobs/${kept.body.id}/cancel`)).status).toBe(202);
      expect(await server.finished(kept.body.id, 60_000)).toMatchObject({ status: 'cancelled' });
    } finally {
      await queue.close();
    }
  }, 180_000);
});
