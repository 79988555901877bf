import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../models/model.js';
import ga from './ga.js';
import { baseModel, meanCrossEntropy, setUpBackend, sources, testRun } from './methodTestKit.js';

let base: Model;
beforeAll(async () => {
  await setUpBackend();
  base = await baseModel(true);
});
afterAll(() => base.dispose());

describe('ga', () => {
  it('raises the forget-set cross-entropy, visiting only the forget set', async () => {
    const run = await testRun(ga, base, { epochs: 3, batchSize: 4, lr: 0.01 });
    const { forget } = sources();
    const before = await meanCrossEntropy(run.ctx.model, forget);
    await ga.unlearn(run.ctx);
    const after = await meanCrossEntropy(run.ctx.model, forget);
    expect(after).toBeGreaterThan(before + 0.5);
    expect(run.retain.visited).toEqual([]);
    expect(run.forget.visited.sort((a, b) => a - b)).toEqual([3, 13, 23, 33, 43, 53, 63].flatMap((i) => [i, i, i]));
    // the reported loss is the positive CE, rising as the ascent proceeds
    const losses = run.epochs.map((e) => e.loss!);
    expect(losses.every((l) => l > 0)).toBe(true);
    expect(losses[2]).toBeGreaterThan(losses[0]);
    run.dispose();
  });
});
