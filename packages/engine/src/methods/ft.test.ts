import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../models/model.js';
import ft from './ft.js';
import { baseModel, setUpBackend, testRun, trainableValues } from './methodTestKit.js';

let base: Model;
beforeAll(async () => {
  await setUpBackend();
  base = await baseModel();
});
afterAll(() => base.dispose());

describe('ft', () => {
  it('trains on the retain set only, one pass per epoch, and reports each epoch', async () => {
    const run = await testRun(ft, base, { epochs: 2, batchSize: 16, lr: 0.05 });
    const before = await trainableValues(run.ctx.model);
    await ft.unlearn(run.ctx);
    expect(run.forget.visited).toEqual([]);
    expect(run.retain.visited).toHaveLength(2 * 57);
    expect(new Set(run.retain.visited).size).toBe(57);
    expect(run.epochs.map((e) => [e.done, e.total])).toEqual([[1, 2], [2, 2]]);
    expect(run.epochs.every((e) => e.loss! > 0)).toBe(true);
    expect(await trainableValues(run.ctx.model)).not.toEqual(before);
    run.dispose();
  });
});
