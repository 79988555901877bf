import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { weightsChecksum } from '@mu/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallCnnCheckpoint } from './helpers/checkpointUpload.js';
import { startTestServer, type TestServer } from './helpers/testServer.js';

// Weights carry their sha256, recorded when stored and checked when loaded: weights spoiled to
// NaN at the right size are refused as corrupt, not run until "training diverged".
describe('checkpoint weights checksum', () => {
  let s: TestServer;
  const { meta, weights } = smallCnnCheckpoint('original', null);
  const upload = (m: object, w: Uint8Array<ArrayBuffer>) =>
    s.upload('/api/imports/checkpoints', [
      { field: 'meta', name: 'o.json', content: JSON.stringify(m) },
      { field: 'weights', name: 'o.weights.bin', content: w },
    ]);
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('records the sha256 of an uploaded checkpoint in its stored metadata', async () => {
    const up = await upload(meta, weights);
    expect(up.status).toBe(201);
    const stored = JSON.parse(readFileSync(path.join(s.dataDir, 'checkpoints', `${up.body.id}.json`), 'utf8'));
    expect(stored.weightsSha256).toBe(weightsChecksum(weights));
  });

  it('refuses an upload whose weights do not match the checksum its metadata carries (400)', async () => {
    const other = new Uint8Array(new Float32Array(weights.byteLength / 4).fill(0.02).buffer);
    const res = await upload({ ...meta, weightsSha256: weightsChecksum(weights) }, other);
    expect([res.status, res.body.message]).toEqual([400, 'checkpoint weights are corrupt (checksum mismatch)']);
  });

  it('fails a job whose base weights were spoiled to NaN on disk as corrupt, not as diverged', async () => {
    const up = await upload(meta, weights);
    const file = path.join(s.dataDir, 'checkpoints', `${up.body.id}.weights.bin`);
    writeFileSync(file, new Uint8Array(new Float32Array(weights.byteLength / 4).fill(Number.NaN).buffer));
    const created = await s.post('/api/jobs', { kind: 'unlearn', dataset: 'cifar10-mini', architecture: 'small-cnn', forgetClass: 3, method: 'ga', baseModelId: up.body.id });
    expect(created.status).toBe(201);
    const done = await s.finished(created.body.id, 240_000);
    expect(done).toMatchObject({ status: 'failed', error: `checkpoint weights are corrupt (checksum mismatch): ${up.body.id}`, resultIds: [], checkpointIds: [] });
  }, 300_000);
});
