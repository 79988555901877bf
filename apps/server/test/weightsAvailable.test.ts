import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallCnnCheckpoint } from './helpers/checkpointUpload.js';
import { fixtureUploads } from './helpers/fixtures.js';
import { startTestServer, type TestServer } from './helpers/testServer.js';

// weightsAvailable (list rows) and weights.available (the record) follow the checkpoint folder
// when served: stored true while the weights existed, they say false once the file is gone.
describe('weightsAvailable follows the weights file', () => {
  let s: TestServer;
  let resultId: string;
  let modelId: string;
  const row = async () => ((await s.get('/api/results?role=unlearned')).body as { id: string; weightsAvailable: boolean }[]).find((r) => r.id === resultId)!;

  beforeAll(async () => {
    s = await startTestServer();
    expect((await s.upload('/api/imports/results', fixtureUploads())).status).toBe(201);
    const { meta, weights } = smallCnnCheckpoint();
    const up = await s.upload('/api/imports/checkpoints', [
      { field: 'meta', name: 'm.json', content: JSON.stringify(meta) },
      { field: 'weights', name: 'w.bin', content: weights },
    ]);
    modelId = up.body.id;
    // An imported unlearned record, pointed at the uploaded weights as an engine run's would be.
    const first = ((await s.get('/api/results?role=unlearned')).body as { id: string }[])[0];
    const record = (await s.get(`/api/results/${first.id}`)).body;
    resultId = record.id;
    s.server.store.results.put({ ...record, modelId, weights: { available: true, format: null, bytes: null } }, { replace: true });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('is true while the weights file is there', async () => {
    expect((await row()).weightsAvailable).toBe(true);
    expect((await s.get(`/api/results/${resultId}`)).body.weights.available).toBe(true);
  });

  it('turns false in the list and in the record once the file is gone, with a new ETag', async () => {
    const etag = (await s.get('/api/results')).headers.get('etag')!;
    rmSync(path.join(s.dataDir, 'checkpoints', `${modelId}.weights.bin`));
    const again = await s.request('GET', '/api/results', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(200);
    expect((await row()).weightsAvailable).toBe(false);
    expect((await s.get(`/api/results/${resultId}`)).body.weights.available).toBe(false);
    expect((await s.get(`/api/checkpoints/${modelId}/weights`)).status).toBe(404);
  });
});
