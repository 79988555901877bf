import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallCnnCheckpoint } from './helpers/checkpointUpload.js';
import { startTestServer, type TestServer } from './helpers/testServer.js';

// Jobs that go wrong: a method that throws, one that diverges, one stuck past the cancel grace.
// The methods come from a test methods folder; the Original is an uploaded checkpoint.
const methodsDir = fileURLToPath(new URL('./fixtures/methods', import.meta.url));
const job = { kind: 'unlearn', dataset: 'cifar10-mini', architecture: 'small-cnn', forgetClass: 3 };

describe('failing and stuck jobs', () => {
  let s: TestServer;
  const files = () => readdirSync(path.join(s.dataDir, 'checkpoints')).sort();
  beforeAll(async () => {
    s = await startTestServer({ methodsDir, cancelGraceMs: 1500 });
    const { meta, weights } = smallCnnCheckpoint('original', null);
    const up = await s.upload('/api/imports/checkpoints', [
      { field: 'meta', name: 'o.json', content: JSON.stringify(meta) },
      { field: 'weights', name: 'o.weights.bin', content: weights },
    ]);
    expect(up.status).toBe(201);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('publishes the custom methods of the methods folder', async () => {
    const ids = (await s.get('/api/methods')).body.filter((m: { builtIn: boolean }) => !m.builtIn).map((m: { id: string }) => m.id);
    expect(ids.sort()).toEqual(['test-diverge', 'test-stuck', 'test-throw']);
  });

  it('a method that throws ends the job as failed, with its message and nothing stored', async () => {
    const before = files();
    const created = await s.post('/api/jobs', { ...job, method: 'test-throw' });
    expect(created.status).toBe(201);
    const done = await s.finished(created.body.id, 120_000);
    expect(done).toMatchObject({ status: 'failed', error: 'deliberate failure in test-throw', resultIds: [], checkpointIds: [] });
    expect(files()).toEqual(before);
  });

  it('a diverging run ends as failed, naming the divergence', async () => {
    const created = await s.post('/api/jobs', { ...job, method: 'test-diverge' });
    const done = await s.finished(created.body.id, 120_000);
    expect(done.status).toBe('failed');
    expect(done.error).toMatch(/^model diverged \(non-finite weights in /);
    expect((await s.get('/api/results')).body).toEqual([]);
  });

  it('a job that ignores cancellation is stopped by terminating its worker, and the next job runs on a new one', async () => {
    const stuck = await s.post('/api/jobs', { ...job, method: 'test-stuck' });
    const after = await s.post('/api/jobs', { ...job, method: 'test-throw' });
    await s.events(`/api/jobs/${stuck.body.id}/events`, { until: (e) => e.event === 'progress' && e.data.stage === 'unlearning' });
    expect((await s.post(`/api/jobs/${stuck.body.id}/cancel`)).status).toBe(202);
    // test-stuck spins for ten minutes: only terminating its worker after the grace period ends it this soon.
    const done = await s.finished(stuck.body.id, 120_000);
    expect(done.status).toBe('cancelled');
    expect((await s.get('/api/health')).body.status).toBe('ok');
    expect((await s.finished(after.body.id, 120_000)).error).toBe('deliberate failure in test-throw');
  });
});
