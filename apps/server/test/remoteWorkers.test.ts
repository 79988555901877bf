import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { findDataset } from '@mu/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pytorchFixtureFile } from '../../../packages/engine/test/fixtures/pytorchFixture.js';
import { hasRedis } from './helpers/redisServer.js';
import { startRemoteCluster, uploadOriginal, type RemoteCluster } from './helpers/remoteCluster.js';
import type { ServerProcess } from './helpers/serverProcess.js';
import { startTestServer } from './helpers/testServer.js';
import { spawnWorker } from './helpers/workerProcess.js';

// A sweep on two `mu worker` processes through BullMQ: the server stores every output once.
const TOKEN = 'worker-token-for-tests-0123';
const scope = { dataset: 'cifar10-mini', architecture: 'small-cnn' };

async function poll(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

interface Child {
  id: string;
  status: string;
  resultIds: string[];
  spec: { params: { lr: number }; seed: number };
}

describe.runIf(hasRedis())('remote workers', () => {
  let cluster: RemoteCluster;
  let server: ServerProcess;
  let sweepChildren: Child[] = [];
  beforeAll(async () => {
    cluster = await startRemoteCluster(TOKEN);
    server = cluster.server;
  }, 180_000);
  afterAll(async () => {
    await cluster?.stop();
  }, 120_000);

  it('imports uploaded weights on the server\'s own threads: the file never leaves it, no worker is needed', async () => {
    const upload = await server.upload(`/api/imports/weights?dataset=cifar10-mini&architecture=small-cnn&role=unlearned&forgetClass=3`, [
      { field: 'file', name: 'mine.pth', content: new Uint8Array(pytorchFixtureFile('small-cnn.pth')) },
    ]);
    expect(upload.status).toBe(201);
    const done = await server.finished(upload.body.id, 300_000);
    expect(done).toMatchObject({ kind: 'import', status: 'succeeded', error: null });
    expect(done.resultIds).toHaveLength(1);
    expect((await server.get('/api/health')).body.queue).toEqual({ mode: 'bullmq', workers: [] });
    expect((await server.delete(`/api/results/${done.resultIds[0]}`)).status).toBe(204);
  }, 360_000);

  it('refuses a worker with a wrong token, with one error line', async () => {
    const refused = await spawnWorker(['--server', server.url, '--token', 'not-the-token-0000000']).then(() => null, (e: Error) => e.message);
    expect(refused).toMatch(/worker exited \(1\) before taking jobs/);
    expect(refused).toContain('error: the server refused POST /api/workers/hello: missing or wrong worker token (Authorization: Bearer <MU_WORKER_TOKEN>)');
  }, 180_000);

  it('refuses a worker whose copy of a dataset differs from the server\'s, naming it', async () => {
    const dataPath = mkdtempSync(path.join(os.tmpdir(), 'mu-worker-data-'));
    try {
      const source = findDataset('cifar10-mini').location!.dir;
      const copy = path.join(dataPath, 'cifar10-mini');
      mkdirSync(copy);
      for (const file of readdirSync(source)) copyFileSync(path.join(source, file), path.join(copy, file));
      const train = path.join(copy, 'train.bin.gz');
      const bytes = gunzipSync(readFileSync(train));
      bytes[1] = 255 - bytes[1]; // one pixel of the first image: still a valid file
      writeFileSync(train, gzipSync(bytes));
      const refused = await spawnWorker(['--server', server.url, '--token', TOKEN], { MU_DATA_PATH: dataPath }).then(() => null, (e: Error) => e.message);
      expect(refused).toMatch(/worker exited \(1\) before taking jobs/);
      expect(refused).toMatch(/error: the server refused POST \/api\/workers\/hello: dataset cifar10-mini differs from the server's \(checksum [0-9a-f]{12}… on the worker, [0-9a-f]{12}… on the server\)/);
    } finally {
      rmSync(dataPath, { recursive: true, force: true });
    }
  }, 300_000);

  it('runs a 6-job sweep on two worker processes, each taking some, with exactly one result per grid point', async () => {
    const workers = await cluster.addWorkers(['w0', 'w1']);
    const sweep = await server.post('/api/jobs', { kind: 'sweep', ...scope, method: 'ga', forgetClass: 3, params: { epochs: 1 }, grid: { lr: [1e-4, 1e-3, 1e-2] }, seeds: [1, 2] });
    expect(sweep.status).toBe(201);
    expect(sweep.body.childIds).toHaveLength(6);
    // Both workers are listed in /api/health, each with the job it runs, once each has one.
    await poll(async () => {
      const { workers: listed } = (await server.get('/api/health')).body.queue as { workers: { name: string; jobIds: string[]; backend: unknown }[] };
      return listed.length === 2 && listed.every((w) => w.jobIds.length === 1 && sweep.body.childIds.includes(w.jobIds[0]));
    }, 300_000);
    const done = await server.finished(sweep.body.id, 900_000);
    expect(done).toMatchObject({ status: 'succeeded', error: null });
    expect(done.resultIds).toHaveLength(6);

    const children = (await server.get(`/api/jobs?parentId=${sweep.body.id}`)).body as Child[];
    sweepChildren = children;
    expect(children.map((c) => [c.status, c.resultIds.length])).toEqual(Array(6).fill(['succeeded', 1]));
    const points = children.map((c) => `${c.spec.params.lr}/${c.spec.seed}`);
    expect(new Set(points).size).toBe(6);
    const results = (await server.get('/api/results')).body as { id: string }[];
    expect(results.map((r) => r.id).sort()).toEqual(children.flatMap((c) => c.resultIds).sort());

    const ranBy = workers.map((w) => children.filter((c) => w.output().includes(`job ${c.id}: succeeded`)).length);
    expect(ranBy.every((n) => n > 0)).toBe(true);
    expect(ranBy[0] + ranBy[1]).toBe(6);
  }, 1_000_000);

  it('gives the same numbers as the embedded queue for the same job and seed', async () => {
    const job = { kind: 'unlearn', ...scope, method: 'ga', forgetClass: 3, params: { epochs: 1, lr: 1e-3 }, seed: 1 };
    // The sweep's grid point when the sweep ran; a job of its own when this test runs alone.
    let point = sweepChildren.find((c) => c.spec.params.lr === 1e-3 && c.spec.seed === 1);
    if (!point) {
      if (cluster.workers.length === 0) await cluster.addWorkers(['w0']);
      point = await server.finished((await server.post('/api/jobs', job)).body.id, 600_000);
    }
    expect(point?.resultIds).toHaveLength(1);
    const remote = (await server.get(`/api/results/${point!.resultIds[0]}`)).body;
    const embedded = await startTestServer();
    try {
      await uploadOriginal(embedded);
      const created = await embedded.post('/api/jobs', job);
      expect(created.status).toBe(201);
      const done = await embedded.finished(created.body.id, 600_000);
      expect(done.status).toBe('succeeded');
      const local = (await embedded.get(`/api/results/${done.resultIds[0]}`)).body;
      const numbers = (r: { metrics: Record<string, unknown>; accuracy: unknown; predictions: unknown; attack: unknown }) => ({ metrics: { ...r.metrics, RTE: null }, accuracy: r.accuracy, predictions: r.predictions, attack: r.attack });
      expect(numbers(remote)).toEqual(numbers(local));
      // Where it ran (environment) may differ between machines, and each server has its own id for
      // the same Original (baseModelId); what ran may not differ.
      const what = (config: Record<string, unknown>) => ({ ...config, environment: null, baseModelId: null });
      expect(what(remote.config)).toEqual(what(local.config));
    } finally {
      await embedded.close();
    }
  }, 900_000);
});
