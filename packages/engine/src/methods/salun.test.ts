import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../models/model.js';
import { baseModel, decayFactor, setUpBackend, sources, testRun, trainableValues } from './methodTestKit.js';
import { saliencyMask } from './saliencyMask.js';
import salun from './salun.js';

let base: Model;
beforeAll(async () => {
  await setUpBackend();
  base = await baseModel();
});
afterAll(() => base.dispose());

describe('salun', () => {
  it('updates the salient weights; every masked weight changes only by weight decay', async () => {
    const params = { epochs: 1, batchSize: 16, lr: 0.5, maskRatio: 0.3 };
    // The same mask the method computes: the whole forget set, in inference mode, from the same weights.
    const { mask } = await saliencyMask(base, sources().forget.batches({ batchSize: 16, shuffle: false }), { ratio: 0.3 });
    const masks = await Promise.all(base.trainable.map(async (v) => (await mask.get(v.name)!.data()) as Float32Array));
    tf.dispose([...mask.values()]);

    const run = await testRun(salun, base, params);
    const before = await trainableValues(run.ctx.model);
    await salun.unlearn(run.ctx);
    expect(run.messages).toEqual(['computing saliency mask']);
    // the mask pass, then per epoch the forget phase (relabelled) and the retain phase
    expect(run.forget.visited).toHaveLength(2 * 7);
    expect(run.retain.visited).toHaveLength(57);
    expect(run.steps).toBe(5);

    const c = decayFactor(5, 0.5);
    const after = await trainableValues(run.ctx.model);
    let frozen = 0;
    let moved = 0;
    after.forEach((w, t) =>
      w.forEach((v, i) => {
        if (masks[t][i] === 0) {
          expect(v).toBeCloseTo(c * before[t][i], 6);
          frozen++;
        } else if (Math.abs(v - c * before[t][i]) > 1e-5) moved++;
      }),
    );
    expect(frozen).toBeGreaterThan(0.6 * base.paramCount);
    expect(moved).toBeGreaterThan(0.5 * (base.paramCount - frozen));
    run.dispose();
  });
});
