import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallCnnCheckpoint } from './helpers/checkpointUpload.js';
import { startTestServer, type TestServer } from './helpers/testServer.js';

describe('POST /api/checkpoints/:id/designate', () => {
  let s: TestServer;
  const upload = async (role: 'original' | 'unlearned', forgetClass: number | null) => {
    const { meta, weights } = smallCnnCheckpoint(role, forgetClass);
    const r = await s.upload('/api/imports/checkpoints', [
      { field: 'meta', name: 'm.json', content: JSON.stringify(meta) },
      { field: 'weights', name: 'w.bin', content: weights },
    ]);
    expect(r.status).toBe(201);
    return r.body.id as string;
  };
  const designatedOriginal = async () => (await s.get('/api/baselines?dataset=cifar10-mini&architecture=small-cnn')).body.original?.id;

  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('makes an earlier Original the reference, until another one is designated', async () => {
    const first = await upload('original', null);
    const second = await upload('original', null);
    // An upload is stored as created when it arrives: the later one is the reference.
    const [older, newer] = [first, second];
    expect(await designatedOriginal()).toBe(newer);
    const r = await s.post(`/api/checkpoints/${older}/designate`, {});
    expect([r.status, r.body.id]).toEqual([200, older]);
    expect(await designatedOriginal()).toBe(older);
    await s.post(`/api/checkpoints/${newer}/designate`, {});
    expect(await designatedOriginal()).toBe(newer);
  });

  it('refuses unlearned models (400) and unknown ids (404), changing nothing', async () => {
    const before = await designatedOriginal();
    const unlearned = await upload('unlearned', 3);
    const r = await s.post(`/api/checkpoints/${unlearned}/designate`, {});
    expect(r.status).toBe(400);
    expect(r.body.message).toBe(`checkpoint ${unlearned} is an unlearned model; only Original and Retrained models can be designated as references`);
    const missing = await s.post('/api/checkpoints/deadbeef/designate', {});
    expect([missing.status, missing.body.message]).toEqual([404, 'unknown checkpoint: deadbeef']);
    expect(await designatedOriginal()).toBe(before);
  });
});
