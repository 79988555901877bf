import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../../random.js';
import { normalData, onBothBackends, relativeError } from './backendParity.js';

/** Max error relative to the largest output entry; float32 round-off measures ~1e-7. */
const TOLERANCE = 1e-5;

/** [label, a shape (untransposed [.., M, K]), b shape (untransposed [.., K, N])]. */
const shapes: [string, number[], number[]][] = [
  ['2-D', [37, 53], [53, 29]],
  ['Dense-gradient sized', [64, 120], [120, 84]],
  ['batched', [3, 17, 24], [3, 24, 19]],
  ['a broadcast over b', [1, 20, 16], [4, 16, 12]],
  ['b broadcast over a', [5, 9, 33], [33, 21]],
  ['rank-4 over rank-2', [2, 3, 7, 11], [11, 6]],
  ['rank-4 a broadcast over b', [1, 1, 7, 11], [2, 3, 11, 6]],
  ['tiny batched', [6, 3, 4], [6, 4, 2]],
];

/** Stores operands as matMul reads them: [.., K, M] when transposed. */
function operand(data: Float32Array, shape: number[], transposed: boolean): tf.Tensor {
  const t = tf.tensor(data, shape);
  if (!transposed) return t;
  const perm = shape.map((_, i) => i);
  [perm[perm.length - 2], perm[perm.length - 1]] = [perm[perm.length - 1], perm[perm.length - 2]];
  return tf.transpose(t, perm);
}

let worst = 0;

describe('matMul on wasm matches the cpu backend', () => {
  const rng = createRng(7);
  const cases = shapes.flatMap(([name, aShape, bShape]) =>
    [false, true].flatMap((transposeA) =>
      [false, true].map((transposeB) => [`${name}, transposeA=${transposeA}, transposeB=${transposeB}`, aShape, bShape, transposeA, transposeB] as const),
    ),
  );
  it.each(cases)('%s', async (_, aShape, bShape, transposeA, transposeB) => {
    const aData = normalData(rng, tf.util.sizeFromShape(aShape));
    const bData = normalData(rng, tf.util.sizeFromShape(bShape));
    const { wasm, cpu } = await onBothBackends(() => {
      // Lay the operands out transposed on the cpu side too, so both compute the same product.
      const a = tf.tensor(operand(aData, aShape, transposeA).dataSync(), transposedShape(aShape, transposeA));
      const b = tf.tensor(operand(bData, bShape, transposeB).dataSync(), transposedShape(bShape, transposeB));
      return tf.matMul(a, b, transposeA, transposeB);
    });
    const error = relativeError(wasm.values[0], cpu.values[0]);
    worst = Math.max(worst, error);
    expect(error).toBeLessThanOrEqual(TOLERANCE);
    expect(wasm.leakedTensors).toBe(0);
    expect(wasm.leakedData).toBe(0);
  });

  // The cpu backend broadcasts only a batch of 1, so both sides broadcasting is checked against
  // explicitly tiled operands.
  it('broadcasts batch dims of both operands ([2,1] with [1,3])', async () => {
    const aData = normalData(rng, 2 * 7 * 11);
    const bData = normalData(rng, 3 * 6 * 11);
    const { wasm, cpu } = await onBothBackends(() => {
      const a = tf.tensor(aData, [2, 1, 7, 11]);
      const b = tf.tensor(bData, [1, 3, 6, 11]);
      if (tf.getBackend() === 'wasm') return tf.matMul(a, b, false, true);
      return tf.matMul(tf.tile(a, [1, 3, 1, 1]), tf.tile(b, [2, 1, 1, 1]), false, true);
    });
    expect(relativeError(wasm.values[0], cpu.values[0])).toBeLessThanOrEqual(TOLERANCE);
    expect(wasm.leakedData).toBe(0);
  });

  it('returns the broadcast output shape', async () => {
    await tf.setBackend('wasm');
    const product = tf.matMul(tf.ones([2, 1, 7, 11]), tf.ones([3, 6, 11]), false, true);
    expect(product.shape).toEqual([2, 3, 7, 6]);
    expect(product.dataSync()[0]).toBe(11);
    product.dispose();
  });

  afterAll(() => console.log(`matMul: worst relative error ${worst.toExponential(2)}`));
});

function transposedShape(shape: number[], transposed: boolean): number[] {
  if (!transposed) return shape;
  return [...shape.slice(0, -2), shape[shape.length - 1], shape[shape.length - 2]];
}
