import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { locateDataset } from '@mu/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/testServer.js';

// A copy of cifar10-mini whose training file has the right size but a label byte out of range:
// found on the search path, but it cannot be decoded. The server reports it unavailable with the
// reason and answers its images, sprites and samples with 503 naming the condition (never 500),
// and checks again once the file changes.
describe('a dataset whose files are corrupt', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'mu-corrupt-data-'));
  const dir = path.join(root, 'cifar10-mini');
  const trainFile = path.join(dir, 'train.bin');
  let good: Buffer;
  let s: TestServer;
  const savedPath = process.env.MU_DATA_PATH;

  beforeAll(async () => {
    const real = locateDataset('cifar10-mini');
    mkdirSync(dir);
    const gz = (file: string) => (file.endsWith('.gz') ? gunzipSync(readFileSync(file)) : readFileSync(file));
    good = gz(real.files.train[0]);
    writeFileSync(path.join(dir, 'test.bin'), gz(real.files.test[0]));
    const bad = Buffer.from(good);
    bad[0] = 200; // the label byte of record 0
    writeFileSync(trainFile, bad);
    // Searched first, so this copy is the one the server uses.
    process.env.MU_DATA_PATH = root;
    s = await startTestServer();
  });
  afterAll(async () => {
    await s?.close();
    if (savedPath === undefined) delete process.env.MU_DATA_PATH;
    else process.env.MU_DATA_PATH = savedPath;
    rmSync(root, { recursive: true, force: true });
  });

  const problem = 'its files are unreadable or corrupt: cifar10-mini: train.bin: record 0 has label 200 (expected 0..9)';

  it('is reported unavailable, with the reason, by GET /api/datasets/:id and then by the list', async () => {
    const one = await s.get('/api/datasets/cifar10-mini');
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: 'cifar10-mini', available: false, problem });
    const list = await s.get('/api/datasets');
    expect(list.body.find((d: { id: string }) => d.id === 'cifar10-mini')).toMatchObject({ available: false, problem });
  });

  it.each([
    ['an image', '/api/datasets/cifar10-mini/images/train/0'],
    ['a sprite sheet', '/api/datasets/cifar10-mini/thumbnails?indices=0,1,2'],
    ['an embedding sample', '/api/datasets/cifar10-mini/samples/seeded-2048-200'],
  ])('answers %s with 503 naming the condition, not the path', async (_name, url) => {
    const res = await s.get(url);
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ statusCode: 503, error: 'Service Unavailable', message: `dataset cifar10-mini is unavailable: ${problem}` });
    expect(res.text).not.toContain(root);
  });

  it('is checked again once the file changes', async () => {
    writeFileSync(trainFile, good);
    utimesSync(trainFile, new Date(), new Date(Date.now() + 60_000));
    expect((await s.get('/api/datasets/cifar10-mini')).body).toMatchObject({ available: true, problem: null });
    const image = await s.get('/api/datasets/cifar10-mini/images/train/0');
    expect([image.status, image.headers.get('content-type')]).toEqual([200, 'image/png']);
  });
});
