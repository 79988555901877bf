import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasRedis } from './helpers/redisServer.js';
import { startRemoteCluster, type RemoteCluster } from './helpers/remoteCluster.js';

// A worker killed mid-job: its BullMQ lock expires and the job runs again on the other worker.
const TOKEN = 'worker-token-for-tests-4567';

describe.runIf(hasRedis())('a remote worker killed mid-job', () => {
  let cluster: RemoteCluster;
  beforeAll(async () => {
    cluster = await startRemoteCluster(TOKEN);
  }, 180_000);
  afterAll(async () => {
    await cluster?.stop();
  }, 120_000);

  it('retries the job on the other worker, which stores its one result', async () => {
    const { server } = cluster;
    const workers = await cluster.addWorkers(['k0', 'k1'], ['--lock-seconds', '5']);
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
