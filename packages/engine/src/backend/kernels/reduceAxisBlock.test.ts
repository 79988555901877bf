import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../../random.js';
import { normalData, onBothBackends, relativeError } from './backendParity.js';

/** float64 accumulation vs the cpu backend's float32, relative to the largest output entry. */
const TOLERANCE = 1e-5;

/** [label, shape, axis, keepDims]; axis-block cases run the fast path, the rest fall through. */
const cases: [string, number[], number | number[], boolean][] = [
  ['BatchNorm statistics: axes [0,1,2]', [4, 9, 7, 24], [0, 1, 2], false],
  ['axes [0,1,2] keepDims', [3, 5, 6, 8], [0, 1, 2], true],
  ['axes [0,1,2] with a remainder of rows', [3, 3, 3, 5], [0, 1, 2], false],
  ['axis [0]', [50, 33], [0], false],
  ['axis 0 of a rank-3 tensor', [6, 7, 5], 0, false],
  ['leading axes after a size-1 axis', [1, 8, 6, 5], [1, 2], false],
  ['fall-through: innermost axis', [6, 10], [1], false],
  ['global average pooling: axes [1,2]', [3, 4, 5, 6], [1, 2], false],
  ['middle axes keepDims', [3, 4, 5, 6], [1, 2], true],
  ['fall-through: axes with a kept axis between', [3, 4, 5, 6], [0, 2], false],
  ['fall-through: every axis', [4, 5, 6], [0, 1, 2], false],
  ['fall-through: negative axis', [4, 5, 6], -1, false],
];

const reductions = {
  Sum: (x: tf.Tensor, axis: number | number[], keepDims: boolean) => tf.sum(x, axis, keepDims),
  Mean: (x: tf.Tensor, axis: number | number[], keepDims: boolean) => tf.mean(x, axis, keepDims),
};
const worst = { Sum: 0, Mean: 0 };

for (const [name, reduce] of Object.entries(reductions) as [keyof typeof reductions, typeof reductions.Sum][]) {
  describe(`${name} on wasm matches the cpu backend`, () => {
    const rng = createRng(name.length);
    it.each(cases)('%s', async (_, shape, axis, keepDims) => {
      const data = normalData(rng, tf.util.sizeFromShape(shape));
      const { wasm, cpu } = await onBothBackends(() => reduce(tf.tensor(data, shape), axis, keepDims));
      const error = relativeError(wasm.values[0], cpu.values[0]);
      worst[name] = Math.max(worst[name], error);
      expect(error).toBeLessThanOrEqual(TOLERANCE);
      expect(wasm.leakedTensors).toBe(0);
      expect(wasm.leakedData).toBe(0);
    });
  });
}

describe('axis-block reductions by hand', () => {
  it('sums [[1, 2], [3, 6]] over axis 0 to [4, 8] and averages it to [2, 4]', async () => {
    await tf.setBackend('wasm');
    const x = tf.tensor2d([1, 2, 3, 6], [2, 2]);
    expect(Array.from(tf.sum(x, 0).dataSync())).toEqual([4, 8]);
    expect(Array.from(tf.mean(x, 0).dataSync())).toEqual([2, 4]);
    tf.dispose(x);
  });

  it('keeps the reduced axes as 1 with keepDims', async () => {
    await tf.setBackend('wasm');
    const total = tf.sum(tf.ones([2, 3, 4]), [0, 1], true);
    expect(total.shape).toEqual([1, 1, 4]);
    expect(Array.from(total.dataSync())).toEqual([6, 6, 6, 6]);
    total.dispose();
  });

  it('sums int32 through the stock kernel', async () => {
    await tf.setBackend('wasm');
    const total = tf.sum(tf.tensor2d([1, 2, 3, 4], [2, 2], 'int32'), 0);
    expect(total.dtype).toBe('int32');
    expect(Array.from(total.dataSync())).toEqual([4, 6]);
    total.dispose();
  });
});

afterAll(() => console.log(`Sum/Mean: worst relative error ${worst.Sum.toExponential(2)} / ${worst.Mean.toExponential(2)}`));
