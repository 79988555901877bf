import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../random.js';
import { normalData, onBothBackends } from './backendParity.js';

const cases: [string, number[], number, number, 'valid' | 'same'][] = [
  ['2×2 stride 2 (small CNN)', [3, 8, 8, 5], 2, 2, 'valid'],
  ['odd input, last row/column dropped', [2, 7, 9, 3], 2, 2, 'valid'],
  ['3×3 stride 3', [1, 9, 9, 4], 3, 3, 'valid'],
];

describe('MaxPoolGrad on wasm', () => {
  const rng = createRng(11);
  it.each(cases)('matches cpu: %s', async (_, shape, filter, stride, pad) => {
    const data = normalData(rng, tf.util.sizeFromShape(shape));
    const { wasm, cpu } = await onBothBackends(() =>
      tf.grad((x: tf.Tensor) => {
        // Distinct weights per output, so a gradient routed to the wrong input shows.
        const pooled = tf.maxPool(x as tf.Tensor4D, filter, stride, pad);
        return tf.sum(tf.mul(pooled, tf.range(1, 1 + pooled.size).reshape(pooled.shape)));
      })(tf.tensor(data, shape)),
    );
    expect(wasm.values[0]).toEqual(cpu.values[0]);
    expect(wasm.leakedTensors).toBe(0);
    expect(wasm.leakedData).toBe(0);
  });

  it('routes a tie to the first maximum of the window, as the stock kernel does', async () => {
    const { wasm, cpu } = await onBothBackends(() =>
      tf.grad((x: tf.Tensor) => tf.sum(tf.maxPool(x as tf.Tensor4D, 2, 2, 'valid')))(tf.zeros([1, 2, 2, 1])),
    );
    expect(Array.from(wasm.values[0])).toEqual([1, 0, 0, 0]);
    expect(wasm.values[0]).toEqual(cpu.values[0]);
  });
});
