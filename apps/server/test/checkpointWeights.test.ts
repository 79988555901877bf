import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallCnnCheckpoint } from './helpers/checkpointUpload.js';
import { startTestServer, type TestServer } from './helpers/testServer.js';

describe('GET /api/checkpoints/:id/weights', () => {
  let s: TestServer;
  const { meta, weights } = smallCnnCheckpoint();
  let id: string;
  beforeAll(async () => {
    s = await startTestServer();
    const up = await s.upload('/api/imports/checkpoints', [
      { field: 'meta', name: 'm.json', content: JSON.stringify(meta) },
      { field: 'weights', name: 'w.bin', content: weights },
    ]);
    expect(up.status).toBe(201);
    id = up.body.id;
  });
  afterAll(async () => {
    await s?.close();
  });

  it('hands out the stored weights byte for byte, as a download', async () => {
    const r = await fetch(`${s.url}/api/checkpoints/${id}/weights`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/octet-stream');
    expect(r.headers.get('content-disposition')).toBe(`attachment; filename="${id}.weights.bin"`);
    expect(new Uint8Array(await r.arrayBuffer())).toEqual(weights);
  });

  it('answers an unknown checkpoint with 404 and a malformed id with 400', async () => {
    const missing = await s.get('/api/checkpoints/deadbeef/weights');
    expect([missing.status, missing.body.message]).toEqual([404, 'unknown checkpoint: deadbeef']);
    expect((await s.get('/api/checkpoints/..%2Fx/weights')).status).toBe(400);
  });
});
