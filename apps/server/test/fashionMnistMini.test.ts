import { embeddingSample, findDataset, loadDataset } from '@mu/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingData } from '../../../test-support/sharedData.js';
import { startTestServer, type TestServer } from './helpers/testServer.js';

// fashion-mnist-mini is served like any dataset: listed, sampled, and trained on with its recipe.
// Its files are Fashion-MNIST's (Debian's dataset-fashion-mnist, installed by setup.sh).
const missing = missingData('dataset fashion-mnist-mini', findDataset('fashion-mnist-mini').location !== null);

describe.skipIf(missing)('the fashion-mnist-mini dataset on the server', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s?.close());

  it('lists it, available, with its own split sizes', async () => {
    const r = await s.get('/api/datasets');
    expect(r.status).toBe(200);
    expect(r.body.find((d: { id: string }) => d.id === 'fashion-mnist-mini')).toMatchObject({
      label: 'Fashion-MNIST mini', splits: { train: 5_000, test: 1_000 }, inputShape: [32, 32, 1], available: true, problem: null,
    });
  });

  it('draws its embedding sample from its 5,000 training images', async () => {
    const data = await loadDataset('fashion-mnist-mini');
    const r = await s.get('/api/datasets/fashion-mnist-mini/samples/seeded-2048-200');
    expect(r.status).toBe(200);
    expect(r.body.sampleId).toBe('fashion-mnist-mini/seeded-2048-200');
    expect(r.body.indices).toEqual(embeddingSample('fashion-mnist-mini', data.train.labels, 10).indices);
    expect(Math.max(...r.body.indices)).toBeLessThan(5_000);
  });

  it('takes an Original job with the quick-fashion-mnist recipe', async () => {
    const r = await s.post('/api/jobs', { kind: 'original', dataset: 'fashion-mnist-mini', architecture: 'small-cnn', recipe: 'quick-fashion-mnist', epochs: 1 });
    expect(r.status).toBe(201);
    expect(r.body.spec).toMatchObject({ dataset: 'fashion-mnist-mini', recipe: 'quick-fashion-mnist' });
    expect((await s.post(`/api/jobs/${r.body.id}/cancel`, {})).status).toBeLessThan(300);
  });
});
