import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { findDataset } from '@mu/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasRedis } from './helpers/redisServer.js';
import { startRemoteCluster, type RemoteCluster } from './helpers/remoteCluster.js';
import type { ServerProcess } from './helpers/serverProcess.js';
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

describe.runIf(hasRedis())('remote workers', () => {
  let cluster: RemoteCluster;
  let server: ServerProcess;
  beforeAll(async () => {
    cluster = await startRemoteCluster(TOKEN);
    server = cluster.server;
  }, 180_000);
  afterAll(async () => {
    await cluster?.stop();
  }, 120_000);

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

    const children = (await server.get(`/api/jobs?parentId=${sweep.body.id}`)).body as { id: string; status: string; resultIds: string[]; spec: { params: { lr: number }; seed: number } }[];
    expect(children.map((c) => [c.status, c.resultIds.length])).toEqual(Array(6).fill(['succeeded', 1]));
    const points = children.map((c) => `${c.spec.params.lr}/${c.spec.seed}`);
    expect(new Set(points).size).toBe(6);
    const results = (await server.get('/api/results')).body as { id: string }[];
    expect(results.map((r) => r.id).sort()).toEqual(children.flatMap((c) => c.resultIds).sort());

    const ranBy = workers.map((w) => children.filter((c) => w.output().includes(`job ${c.id}: succeeded`)).length);
    expect(ranBy.every((n) => n > 0)).toBe(true);
    expect(ranBy[0] + ranBy[1]).toBe(6);
  }, 1_000_000);
});
