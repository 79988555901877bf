import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { clipByGlobalNorm } from './clip.js';
import { Sgd } from './sgd.js';

describe('Sgd', () => {
  it('follows PyTorch: decay into the gradient, buffer starts at g, Nesterov look-ahead', () => {
    const w = tf.variable(tf.tensor1d([1]), true, 'sgd-w');
    const sgd = new Sgd([w], { momentum: 0.9, nesterov: true, weightDecay: 0.1 });
    // step 1: g = 2 + 0.1·1 = 2.1, b = 2.1, d = 2.1 + 0.9·2.1 = 3.99, w = 1 − 0.1·3.99 = 0.601
    sgd.apply({ [w.name]: tf.tensor1d([2]) }, 0.1);
    expect(w.dataSync()[0]).toBeCloseTo(0.601, 6);
    // step 2: g = 2 + 0.0601 = 2.0601, b = 0.9·2.1 + 2.0601 = 3.9501, d = 2.0601 + 0.9·3.9501, w −= 0.1·d
    sgd.apply({ [w.name]: tf.tensor1d([2]) }, 0.1);
    expect(w.dataSync()[0]).toBeCloseTo(0.601 - 0.1 * (2.0601 + 0.9 * 3.9501), 5);
    sgd.dispose();
    w.dispose();
  });

  it('without Nesterov steps along the momentum buffer', () => {
    const w = tf.variable(tf.tensor1d([0]), true, 'sgd-w2');
    const sgd = new Sgd([w], { momentum: 0.5, nesterov: false, weightDecay: 0 });
    sgd.apply({ [w.name]: tf.tensor1d([1]) }, 1);
    sgd.apply({ [w.name]: tf.tensor1d([1]) }, 1);
    expect(w.dataSync()[0]).toBeCloseTo(-(1 + 1.5), 6);
    sgd.dispose();
    w.dispose();
  });
});

describe('clipByGlobalNorm', () => {
  it('rescales to maxNorm/(norm + 1e-6) only above the limit', async () => {
    const grads = { a: tf.tensor1d([3]), b: tf.tensor1d([4]) };
    const { grads: clipped, norm } = await clipByGlobalNorm(grads, 1);
    expect(norm).toBeCloseTo(5, 6);
    expect(clipped.a.dataSync()[0]).toBeCloseTo(3 / (5 + 1e-6), 6);
    expect((await clipByGlobalNorm(grads, 10)).grads).toBe(grads);
    expect((await clipByGlobalNorm(grads, 0)).grads).toBe(grads);
  });
});
