import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasRedis } from './helpers/redisServer.js';
import { startRemoteCluster, type RemoteCluster } from './helpers/remoteCluster.js';
import type { WorkerProcess } from './helpers/workerProcess.js';

// One remote worker through a cancel, a Redis restart and a server restart: each sweep completes
// with one result per grid point, nothing lost, and the database intact.
const TOKEN = 'worker-token-for-tests-89ab';
const unlearn = { kind: 'unlearn', dataset: 'cifar10-mini', architecture: 'small-cnn', method: 'ga', forgetClass: 3 };

interface Child {
  id: string;
  status: string;
  resultIds: string[];
  progress: { stage: string } | null;
}

async function poll(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe.runIf(hasRedis())('remote jobs through a cancel and restarts', () => {
  let cluster: RemoteCluster;
  let worker: WorkerProcess;
  beforeAll(async () => {
    cluster = await startRemoteCluster(TOKEN);
    [worker] = await cluster.addWorkers(['f0']);
  }, 180_000);
  afterAll(async () => {
    await cluster?.stop();
  }, 120_000);

  const children = async (sweepId: string) => (await cluster.server.get(`/api/jobs?parentId=${sweepId}`)).body as Child[];

  /** Starts a 2-point sweep and waits until the worker is inside one of its jobs. */
  async function sweepInProgress(): Promise<string> {
    const sweep = await cluster.server.post('/api/jobs', { ...unlearn, kind: 'sweep', params: { epochs: 2 }, grid: { lr: [1e-3, 1e-2] }, seeds: [1] });
    expect(sweep.status).toBe(201);
    await poll(async () => (await children(sweep.body.id)).some((c) => c.status === 'running' && c.progress?.stage === 'unlearning'), 300_000);
    return sweep.body.id as string;
  }

  /** The sweep ended well: every grid point has one result, stored once, and SQLite is intact. */
  async function expectComplete(sweepId: string): Promise<void> {
    const done = await cluster.server.finished(sweepId, 600_000);
    expect(done).toMatchObject({ status: 'succeeded', error: null });
    const jobs = await children(sweepId);
    expect(jobs.map((c) => [c.status, c.resultIds.length])).toEqual([['succeeded', 1], ['succeeded', 1]]);
    const results = (await cluster.server.get('/api/results')).body as { id: string }[];
    for (const id of jobs.flatMap((c) => c.resultIds)) expect(results.filter((r) => r.id === id)).toHaveLength(1);
    const db = new Database(path.join(cluster.dataDir, 'mu.sqlite'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  }

  it('cancels a job a remote worker runs: it ends cancelled with nothing stored, and the worker takes the next job', async () => {
    const long = await cluster.server.post('/api/jobs', { ...unlearn, params: { epochs: 4 } });
    const next = await cluster.server.post('/api/jobs', { ...unlearn, params: { epochs: 1 }, seed: 2 });
    expect([long.status, next.status]).toEqual([201, 201]);
    await poll(async () => (await cluster.server.get(`/api/jobs/${long.body.id}`)).body.progress?.stage === 'unlearning', 300_000);
    expect((await cluster.server.post(`/api/jobs/${long.body.id}/cancel`)).status).toBe(202);
    expect(await cluster.server.finished(long.body.id, 120_000)).toMatchObject({ status: 'cancelled', error: null, resultIds: [], checkpointIds: [] });

    expect(await cluster.server.finished(next.body.id, 300_000)).toMatchObject({ status: 'succeeded', error: null });
    expect(worker.output()).toContain(`job ${long.body.id}: cancelled`);
    expect(worker.output()).toContain(`job ${next.body.id}: succeeded`);
    const results = (await cluster.server.get('/api/results?role=unlearned')).body as { id: string }[];
    expect(results.map((r) => r.id)).toEqual((await cluster.server.get(`/api/jobs/${next.body.id}`)).body.resultIds);
  }, 600_000);

  it('completes a sweep across a Redis restart', async () => {
    const sweepId = await sweepInProgress();
    await cluster.restartRedis();
    await expectComplete(sweepId);
  }, 900_000);

  it('completes a sweep across a server restart', async () => {
    const sweepId = await sweepInProgress();
    await cluster.restartServer();
    await expectComplete(sweepId);
    expect(cluster.server.output()).not.toContain('interrupted');
  }, 900_000);
});
