import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../random.js';
import { FORGET_CLASS, setUpBackend, sources } from './methodTestKit.js';
import { nonForgetLabel, relabel } from './randomLabels.js';

beforeAll(setUpBackend);

describe('nonForgetLabel', () => {
  it('is r = int(C − 1), shifted past the forget class', () => {
    const draws = Array.from({ length: 2000 }, ((rng) => () => nonForgetLabel(rng, 3, 10))(createRng(1)));
    const expected = Array.from({ length: 2000 }, ((rng) => () => ((r) => (r < 3 ? r : r + 1))(rng.int(9)))(createRng(1)));
    expect(draws).toEqual(expected);
    expect(new Set(draws)).toEqual(new Set([0, 1, 2, 4, 5, 6, 7, 8, 9]));
  });
});

describe('relabel', () => {
  const labelsOf = async (which: 'all' | 'forget-class', seed: number, passes = 1) => {
    const { forget, retain } = sources();
    const rng = createRng(seed);
    const out: { before: number[]; after: number[] }[] = [];
    for (let p = 0; p < passes; p++) {
      for (const source of [retain, forget]) {
        for await (const b of relabel(source.batches({ batchSize: 16, shuffle: false }), { rng, forgetClass: FORGET_CLASS, numClasses: 10, which })) {
          out.push({ before: [...b.index].map((i) => i % 10), after: [...(await b.y.data())] });
          expect(b.y.dtype).toBe('int32');
          tf.dispose([b.x, b.y]);
        }
      }
    }
    return out;
  };

  it('RL: replaces only forget-class labels, never by the forget class, reproducibly', async () => {
    const tensors = tf.memory().numTensors;
    const a = await labelsOf('forget-class', 4);
    expect(tf.memory().numTensors).toBe(tensors);
    for (const { before, after } of a) {
      before.forEach((label, i) => (label === FORGET_CLASS ? expect(after[i]).not.toBe(FORGET_CLASS) : expect(after[i]).toBe(label)));
    }
    expect(await labelsOf('forget-class', 4)).toEqual(a);
    expect(await labelsOf('forget-class', 5)).not.toEqual(a);
  });

  it('SalUn: replaces every label, drawing afresh on every visit', async () => {
    const twice = await labelsOf('all', 4, 2);
    const after = twice.flatMap((b) => b.after);
    expect(after).not.toContain(FORGET_CLASS);
    expect(after.slice(0, 64)).not.toEqual(after.slice(64));
  });
});
