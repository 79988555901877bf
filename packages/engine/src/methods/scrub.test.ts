import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../models/model.js';
import { baseModel, decayFactor, setUpBackend, testRun, trainableValues } from './methodTestKit.js';
import scrub from './scrub.js';

let base: Model;
beforeAll(async () => {
  await setUpBackend();
  base = await baseModel();
});
afterAll(() => base.dispose());

describe('scrub', () => {
  it('with alpha = gamma = 0 and maxSteps = 0 changes the weights only by weight decay', async () => {
    const run = await testRun(scrub, base, { epochs: 1, batchSize: 16, lr: 0.5, alpha: 0, gamma: 0, maxSteps: 0 });
    const before = await trainableValues(run.ctx.model);
    await scrub.unlearn(run.ctx);
    expect(run.forget.visited).toEqual([]);
    expect(run.steps).toBe(4);
    const c = decayFactor(4, 0.5);
    expect(c).toBeLessThan(0.998);
    const after = await trainableValues(run.ctx.model);
    after.forEach((w, t) => w.forEach((v, i) => expect(v).toBeCloseTo(c * before[t][i], 6)));
    run.dispose();
  });

  it('takes max steps over the forget set in the first maxSteps epochs only, then min steps over the retain set', async () => {
    const run = await testRun(scrub, base, { epochs: 2, batchSize: 16, lr: 0.01, maxSteps: 1 });
    const before = await trainableValues(run.ctx.model);
    await scrub.unlearn(run.ctx);
    expect(run.forget.visited).toHaveLength(7);
    expect(run.retain.visited).toHaveLength(2 * 57);
    expect(run.epochs.map((e) => e.done)).toEqual([1, 2]);
    expect(await trainableValues(run.ctx.model)).not.toEqual(before);
    // the teacher is untouched
    expect(await run.ctx.original.values()).toEqual(await base.values());
    run.dispose();
  });

  it('runs the reference Fisher variant: estimates the Fisher diagonal first, then clips both phases', async () => {
    const run = await testRun(scrub, base, { epochs: 1, batchSize: 16, lr: 0.01, referenceFisherVariant: true });
    const before = await trainableValues(run.ctx.model);
    await scrub.unlearn(run.ctx);
    expect(run.messages).toEqual(['estimating the Fisher diagonal']);
    // Fisher pass (all 57 retain images: fewer than 1,000) + one min-step pass
    expect(run.retain.visited).toHaveLength(2 * 57);
    const after = await trainableValues(run.ctx.model);
    expect(after.every((w) => w.every(Number.isFinite))).toBe(true);
    expect(after).not.toEqual(before);
    run.dispose();
  });
});
