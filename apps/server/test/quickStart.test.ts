import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/testServer.js';

const request = { dataset: 'cifar10-mini', architecture: 'small-cnn', forgetClass: 2, recipe: 'quick', epochs: 1 };
type JobRow = { id: string; kind: string; status: string; spec: Record<string, unknown> };

describe('POST /api/jobs/quick-start', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => {
    for (const j of (await s.get('/api/jobs')).body as JobRow[]) if (j.status === 'queued' || j.status === 'running') await s.post(`/api/jobs/${j.id}/cancel`, {});
    await s?.close();
  });

  it('reports the backend before any job ran (the compute worker starts with the server)', async () => {
    await expect.poll(async () => (await s.get('/api/health')).body.backend?.name ?? null, { timeout: 120_000, interval: 200 }).not.toBeNull();
    expect((await s.get('/api/jobs')).body).toEqual([]);
  });

  it('queues Original, Retrained, then the five built-in methods for the class', async () => {
    const res = await s.post('/api/jobs/quick-start', request);
    expect(res.status).toBe(201);
    const jobs = res.body as JobRow[];
    expect(jobs.map((j) => (j.kind === 'unlearn' ? j.spec.method : j.kind))).toEqual(['original', 'retrained', 'ft', 'ga', 'rl', 'scrub', 'salun']);
    expect(jobs[0].spec).toMatchObject({ recipe: 'quick', epochs: 1 });
    expect(jobs[1].spec).toMatchObject({ recipe: 'quick', epochs: 1, forgetClass: 2 });
    expect(jobs.slice(2).every((j) => j.spec.forgetClass === 2)).toBe(true);
  });

  it('does not queue the reference models twice', async () => {
    const res = await s.post('/api/jobs/quick-start', request);
    expect(res.status).toBe(201);
    expect((res.body as JobRow[]).map((j) => j.kind)).toEqual(['unlearn', 'unlearn', 'unlearn', 'unlearn', 'unlearn']);
  });

  it('refuses a recipe meant for another dataset with a 400, queueing nothing', async () => {
    const before = ((await s.get('/api/jobs')).body as JobRow[]).length;
    const res = await s.post('/api/jobs/quick-start', { ...request, dataset: 'cifar10-mini', recipe: 'quick-fashion-mnist', forgetClass: 5 });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('recipe quick-fashion-mnist does not fit dataset cifar10-mini');
    expect(((await s.get('/api/jobs')).body as JobRow[]).length).toBe(before);
  });
});
