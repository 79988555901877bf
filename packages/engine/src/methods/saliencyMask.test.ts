import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../models/model.js';
import type { DataBatch } from '../data/dataSource.js';
import { baseModel, setUpBackend, sources } from './methodTestKit.js';
import { kthLargest, saliencyMask } from './saliencyMask.js';

let model: Model;
beforeAll(async () => {
  await setUpBackend();
  model = await baseModel();
});
afterAll(() => model.dispose());

describe('kthLargest', () => {
  it('ranks all arrays together', () => {
    expect(kthLargest([[0.1, 5], [3, -1, 4]], 1)).toBe(5);
    expect(kthLargest([[0.1, 5], [3, -1, 4]], 3)).toBe(3);
    expect(kthLargest([[2, 2, 2]], 2)).toBe(2);
    expect(kthLargest([[1]], 0)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('saliencyMask', () => {
  it('marks ⌊ratio·N⌋ elements (plus ties) over all trainable weights, keyed by variable name', async () => {
    const { forget } = sources();
    const tensors = tf.memory().numTensors;
    const { mask, ones, total, threshold } = await saliencyMask(model, forget.batches({ batchSize: 4, shuffle: false }), { ratio: 0.3 });
    expect(total).toBe(model.paramCount);
    expect([...mask.keys()]).toEqual(model.trainable.map((v) => v.name));
    const counted = [...mask.values()].reduce((n, m) => n + tf.tidy(() => tf.sum(m).dataSync()[0]), 0);
    expect(counted).toBe(ones);
    expect(ones).toBeGreaterThanOrEqual(Math.floor(0.3 * total));
    expect(ones).toBeLessThan(Math.floor(0.3 * total) + 20);
    expect(threshold).toBeGreaterThan(0);
    // every mask is 0 or 1 and has its variable's shape
    model.trainable.forEach((v) => expect(mask.get(v.name)!.shape).toEqual(v.shape));
    tf.dispose([...mask.values()]);
    expect(tf.memory().numTensors).toBe(tensors);
  });

  it('uses only the first maxBatches batches when asked', async () => {
    const { forget } = sources();
    const first = await saliencyMask(model, forget.batches({ batchSize: 2, shuffle: false }), { ratio: 0.5, maxBatches: 1 });
    const all = await saliencyMask(model, forget.batches({ batchSize: 2, shuffle: false }), { ratio: 0.5 });
    expect(first.threshold).not.toBe(all.threshold);
    tf.dispose([...first.mask.values(), ...all.mask.values()]);
  });

  it("the reference rule (mean |g| per batch) and the published one (|Σg|) agree on one batch and differ when batches' gradients cancel", async () => {
    const { forget } = sources();
    const batches = async () => {
      const out: DataBatch[] = [];
      for await (const b of forget.batches({ batchSize: 64, shuffle: false })) out.push(b);
      return out;
    };
    async function* twice() {
      const [b] = await batches();
      yield { ...b, x: b.x.clone() };
      // The same images labelled as class 0: the fc-bias gradient of the true class flips sign (p − 1 < 0 → p > 0).
      yield { ...b, y: tf.zerosLike(b.y) };
    }
    const masks = async (rule: 'summed' | 'per-batch', source: AsyncIterable<DataBatch>) => {
      const { mask } = await saliencyMask(model, source, { ratio: 0.5, rule });
      const values = await Promise.all([...mask.values()].map((m) => m.data()));
      tf.dispose([...mask.values()]);
      return values.map((v) => Array.from(v));
    };
    const one = async () => (await batches()).values();
    const iterate = (it: IterableIterator<DataBatch>) => (async function* () { yield* it; })();
    expect(await masks('per-batch', iterate(await one()))).toEqual(await masks('summed', iterate(await one())));
    const summed = (await masks('summed', twice())).flat();
    const perBatch = (await masks('per-batch', twice())).flat();
    const differing = summed.filter((v, i) => v !== perBatch[i]).length;
    expect(differing).toBeGreaterThan(0);
  });
});
