import { embeddingSample, loadDataset } from '@mu/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/testServer.js';

// GET /api/datasets/:id/samples/:sample: the image indices behind an engine record's
// embedding.sampleId, computed with the engine's own rule.
let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s?.close());

describe('embedding sample route', () => {
  it('lists the indices and labels of the seeded sample, as the engine picks them', async () => {
    const data = await loadDataset('cifar10-mini');
    const expected = embeddingSample('cifar10-mini', data.train.labels, 10);
    const r = await s.get('/api/datasets/cifar10-mini/samples/seeded-2048-200');
    expect(r.status).toBe(200);
    expect(r.body.sampleId).toBe(expected.sampleId);
    expect(r.body.indices).toEqual(expected.indices);
    expect(r.body.trueClass).toEqual(expected.indices.map((i) => data.train.labels[i]));
  });

  it.each([
    ['a sample name with a path', '/api/datasets/cifar10-mini/samples/..%2F..%2Fetc', 400, /^params\.sample must match pattern/],
    ['an unknown sample kind', '/api/datasets/cifar10-mini/samples/random-5', 400, /^params\.sample must match pattern/],
    ['the reference sample of another dataset', '/api/datasets/cifar10-mini/samples/reference-2000', 404, /^unknown sample: cifar10-mini\/reference-2000 \(reference-2000 exists only for cifar10\)$/],
    ['no image per class', '/api/datasets/cifar10-mini/samples/seeded-2048-0', 404, /^unknown sample: cifar10-mini\/seeded-2048-0/],
    ['an unknown dataset', '/api/datasets/cifar100/samples/seeded-2048-200', 404, /^unknown dataset: cifar100/],
  ])('%s answers %i naming the problem', async (_name, url, status, message) => {
    const r = await s.get(url);
    expect(r.status).toBe(status);
    expect(r.body.message).toMatch(message);
  });
});
