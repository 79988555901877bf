import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStateDict } from '@mu/engine';
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

  it.each(['pth', 'safetensors'] as const)('hands out the weights as a PyTorch .%s with torchvision names and layout', async (format) => {
    const r = await fetch(`${s.url}/api/checkpoints/${id}/weights?format=${format}`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-disposition')).toBe(`attachment; filename="${id}.${format}"`);
    const read = readStateDict(new Uint8Array(await r.arrayBuffer()));
    expect(read.format).toBe(format);
    const conv = read.stateDict.get('block1.conv.weight')!;
    expect(conv.shape).toEqual([32, 3, 3, 3]);
    expect([...conv.values].every((v) => Math.abs(Number(v) - 0.01) < 1e-9)).toBe(true);
    expect(read.stateDict.get('block1.bn.num_batches_tracked')!.dtype).toBe('I64');
    expect(read.stateDict.size).toBe(meta.tensors.length + 3);
  });

  it('refuses an unknown format with 400', async () => {
    const r = await s.get(`/api/checkpoints/${id}/weights?format=onnx`);
    expect(r.status).toBe(400);
    expect(r.body.message).toContain('format');
  });

  it('answers an unknown checkpoint with 404 and a malformed id with 400', async () => {
    const missing = await s.get('/api/checkpoints/deadbeef/weights');
    expect([missing.status, missing.body.message]).toEqual([404, 'unknown checkpoint: deadbeef']);
    expect((await s.get('/api/checkpoints/..%2Fx/weights')).status).toBe(400);
  });
});
