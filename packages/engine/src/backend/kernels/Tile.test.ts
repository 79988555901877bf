import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../random.js';
import { normalData, onBothBackends } from './backendParity.js';

const cases: [string, number[], number[]][] = [
  ['BatchNorm gradient: per-channel vector over N,H,W', [1, 1, 1, 16], [4, 5, 6, 1]],
  ['every axis', [2, 3, 4], [3, 2, 2]],
  ['innermost only', [5, 1], [1, 70]],
  ['leading only', [3, 70], [40, 1]],
  ['identity', [4, 5], [1, 1]],
  ['rank 1', [7], [9]],
  ['size-1 axes in between', [2, 1, 3, 1], [1, 4, 1, 5]],
];

describe('Tile on wasm', () => {
  const rng = createRng(3);
  it.each(cases)('matches cpu exactly: %s', async (_, shape, reps) => {
    const data = normalData(rng, tf.util.sizeFromShape(shape));
    const { wasm, cpu } = await onBothBackends(() => tf.tile(tf.tensor(data, shape), reps));
    expect(wasm.values[0]).toEqual(cpu.values[0]);
    expect(wasm.leakedTensors).toBe(0);
    expect(wasm.leakedData).toBe(0);
  });

  it('tiles int32 and bool', async () => {
    const { wasm, cpu } = await onBothBackends(() => [
      tf.tile(tf.tensor2d([1, 2, 3, 4], [2, 2], 'int32'), [3, 2]).toFloat(),
      tf.tile(tf.tensor1d([true, false, true], 'bool'), [4]).toFloat(),
    ]);
    expect(wasm.values).toEqual(cpu.values);
  });

  it('repeats a small case by hand: [[1, 2]] × [2, 2] is [[1, 2, 1, 2], [1, 2, 1, 2]]', async () => {
    await tf.setBackend('wasm');
    const tiled = tf.tile(tf.tensor2d([[1, 2]]), [2, 2]);
    expect(tiled.arraySync()).toEqual([
      [1, 2, 1, 2],
      [1, 2, 1, 2],
    ]);
    tiled.dispose();
  });
});
