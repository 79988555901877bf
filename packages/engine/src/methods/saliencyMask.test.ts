import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../models/model.js';
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
});
