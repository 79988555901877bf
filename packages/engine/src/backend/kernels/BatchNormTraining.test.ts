import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { batchNormTraining } from '../../models/batchNormTraining.js';
import { createRng } from '../../random.js';
import { nativeConvolutions } from '../nativeConvolutions.js';
import { normalData, onBothBackends, relativeError, runOn } from './backendParity.js';
import { BatchNormTraining } from './BatchNormTraining.js';
import { NATIVE_CONV_FLAG } from './nativeConv.js';

const rng = createRng(13);
// N·H·W ≥ 8: with a handful of values per channel dx nearly cancels to 0 and only round-off is left to compare.
const randomShape = (): [number, number, number, number] => [2 + rng.int(4), 2 + rng.int(8), 2 + rng.int(8), 1 + rng.int(40)];
const shapes: [number, number, number, number][] = [[8, 4, 4, 16], [2, 2, 2, 3], [4, 3, 5, 1], ...Array.from({ length: 6 }, randomShape)];

/** [y, mean, variance, dx, dγ, dβ] of a batch norm on seeded data of this shape. */
function compute(shape: [number, number, number, number]): () => tf.Tensor[] {
  const channels = shape[3];
  const size = tf.util.sizeFromShape(shape);
  // An offset and spread per channel, as activations have, to exercise the variance's cancellation.
  const x = normalData(rng, size).map((v, i) => 3 * v * (1 + (i % channels)) + (i % channels) - 2);
  const dy = normalData(rng, size);
  const gamma = normalData(rng, channels);
  const beta = normalData(rng, channels);
  return () => {
    const stats: tf.Tensor[] = [];
    const inputs = [tf.tensor4d(x, shape), tf.tensor1d(gamma), tf.tensor1d(beta)] as const;
    const y = batchNormTraining(...inputs, 1e-5, (mean, variance) => stats.push(tf.keep(mean.clone()), tf.keep(variance.clone())));
    const f = (xs: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => batchNormTraining(xs as tf.Tensor4D, g as tf.Tensor1D, b as tf.Tensor1D, 1e-5, () => {});
    const grads = tf.grads(f)([...inputs], tf.tensor4d(dy, shape));
    return [y, ...stats, ...grads];
  };
}

describe('BatchNormTraining kernels on wasm', () => {
  it.each(shapes)('match the composed tfjs ops on cpu: values, batch statistics and gradients, shape [%i, %i, %i, %i]', async (...shape) => {
    const { wasm, cpu } = await onBothBackends(compute(shape));
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

const native = nativeConvolutions();

// CI builds the addon (scripts/setup.sh), so a missing one fails there; elsewhere the tests skip.
describe.skipIf(native.addon == null && process.env.CI !== 'true')('BatchNormTraining kernels on the native addon', () => {
  afterEach(() => vi.restoreAllMocks());

  it('loads the addon', () => {
    expect(native.addon == null ? native.reason : native.version).toMatch(/^oneDNN /);
  });

  it.each([...shapes, [64, 8, 8, 32]] as [number, number, number, number][])(
    'matches the JavaScript passes and is bit-identical with 1 thread and 4, shape [%i, %i, %i, %i]',
    async (...shape) => {
      const addon = native.addon!;
      const run = compute(shape);
      const calls = [vi.spyOn(addon, 'batchNormForward'), vi.spyOn(addon, 'batchNormBackward')];
      // The kernels set the addon's threads only when the backend's count changes, so these stick.
      const threads = addon.threads();
      const withThreads = (count: number) => {
        addon.setThreads(count);
        return runOn('wasm', run).finally(() => addon.setThreads(threads));
      };
      const threaded = await withThreads(4);
      expect(calls.map((spy) => spy.mock.calls.length > 0)).toEqual([true, true]);
      const single = await withThreads(1);
      expect(single.values).toEqual(threaded.values);
      tf.env().set(NATIVE_CONV_FLAG, false);
      const javascript = await runOn('wasm', run).finally(() => tf.env().set(NATIVE_CONV_FLAG, true));
      const tolerances = [1e-5, 1e-5, 1e-5, 1e-4, 1e-4, 1e-5];
      threaded.values.forEach((v, i) => expect(relativeError(v, javascript.values[i]), `output ${i}`).toBeLessThan(tolerances[i]));
      expect(threaded.leakedData).toBe(0);
    },
  );
});
