import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { batchNormTraining } from '../../models/batchNormTraining.js';
import { createRng } from '../../random.js';
import { normalData, onBothBackends, relativeError } from './backendParity.js';
import { BatchNormTraining } from './BatchNormTraining.js';

const rng = createRng(13);
// N·H·W ≥ 8: with a handful of values per channel dx nearly cancels to 0 and only round-off is left to compare.
const randomShape = (): [number, number, number, number] => [2 + rng.int(4), 2 + rng.int(8), 2 + rng.int(8), 1 + rng.int(40)];
const shapes: [number, number, number, number][] = [[8, 4, 4, 16], [2, 2, 2, 3], [4, 3, 5, 1], ...Array.from({ length: 6 }, randomShape)];

describe('BatchNormTraining kernels on wasm', () => {
  it.each(shapes)('match the composed tfjs ops on cpu: values, batch statistics and gradients, shape [%i, %i, %i, %i]', async (...shape) => {
    const channels = shape[3];
    const size = tf.util.sizeFromShape(shape);
    // An offset and spread per channel, as activations have, to exercise the variance's cancellation.
    const x = normalData(rng, size).map((v, i) => 3 * v * (1 + (i % channels)) + (i % channels) - 2);
    const dy = normalData(rng, size);
    const gamma = normalData(rng, channels);
    const beta = normalData(rng, channels);
    const compute = () => {
      const stats: tf.Tensor[] = [];
      const inputs = [tf.tensor4d(x, shape), tf.tensor1d(gamma), tf.tensor1d(beta)] as const;
      const y = batchNormTraining(...inputs, 1e-5, (mean, variance) => stats.push(tf.keep(mean.clone()), tf.keep(variance.clone())));
      const f = (xs: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => batchNormTraining(xs as tf.Tensor4D, g as tf.Tensor1D, b as tf.Tensor1D, 1e-5, () => {});
      const grads = tf.grads(f)([...inputs], tf.tensor4d(dy, shape));
      return [y, ...stats, ...grads];
    };
    const { wasm, cpu } = await onBothBackends(compute);
    expect(tf.getKernel(BatchNormTraining, 'wasm')).toBeDefined();
    const [y, mean, variance, dx, dGamma, dBeta] = wasm.values.map((v, i) => relativeError(v, cpu.values[i]));
    expect(y).toBeLessThan(1e-5);
    expect(mean).toBeLessThan(1e-5);
    expect(variance).toBeLessThan(1e-5);
    expect(dx).toBeLessThan(1e-4);
    expect(dGamma).toBeLessThan(1e-4);
    expect(dBeta).toBeLessThan(1e-5);
    expect(wasm.leakedTensors).toBe(0);
    expect(wasm.leakedData).toBe(0);
  });

  it('is not registered for cpu, which keeps the composed ops', () => {
    expect(tf.getKernel(BatchNormTraining, 'cpu')).toBeUndefined();
  });
});
