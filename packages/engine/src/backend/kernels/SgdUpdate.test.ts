import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../random.js';
import { Sgd, type SgdOptions } from '../../train/sgd.js';
import { normalData, onBothBackends } from './backendParity.js';
import { SgdUpdate } from './SgdUpdate.js';

const rng = createRng(17);
const options: SgdOptions[] = [
  { momentum: 0.9, nesterov: false, weightDecay: 5e-4 },
  { momentum: 0.9, nesterov: true, weightDecay: 5e-4 },
  { momentum: 0.5, nesterov: false, weightDecay: 0 },
  { momentum: 0, nesterov: false, weightDecay: 1e-2 },
];

describe('SgdUpdate kernel on wasm', () => {
  it.each(options)('gives bit-identical weights to the tfjs ops on cpu over three steps: %o', async (sgdOptions) => {
    const shapes = [[3, 3, 1 + rng.int(8), 1 + rng.int(8)], [1 + rng.int(30)], [1 + rng.int(20), 10]];
    const initial = shapes.map((s) => normalData(rng, tf.util.sizeFromShape(s)));
    const grads = [0, 1, 2].map(() => shapes.map((s) => normalData(rng, tf.util.sizeFromShape(s))));
    const lrs = [0.1, 0.05, 0.0123];
    const compute = () => {
      const weights = shapes.map((s, i) => tf.variable(tf.tensor(initial[i], s), true, `sgd-parity-${i}`));
      const sgd = new Sgd(weights, sgdOptions);
      grads.forEach((step, k) => sgd.apply(Object.fromEntries(step.map((g, i) => [weights[i].name, tf.tensor(g, shapes[i])])), lrs[k]));
      sgd.dispose();
      const values = weights.map((w) => w.clone());
      tf.dispose(weights);
      return values;
    };
    const { wasm, cpu } = await onBothBackends(compute);
    expect(tf.getKernel(SgdUpdate, 'wasm')).toBeDefined();
    expect(wasm.values).toEqual(cpu.values);
    expect(wasm.values[0]).not.toEqual(initial[0]);
    expect(wasm.leakedTensors).toBe(0);
    expect(wasm.leakedData).toBe(0);
  });
});
