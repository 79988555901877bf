import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../models/model.js';
import { baseModel, setUpBackend, testRun, trainableValues } from './methodTestKit.js';
import ngplus from './ngplus.js';

let base: Model;
beforeAll(async () => {
  await setUpBackend();
  base = await baseModel();
});
afterAll(() => base.dispose());

describe('ngplus', () => {
  it('pairs every retain batch with the next forget batch, cycling the forget set', async () => {
    const run = await testRun(ngplus, base, { epochs: 2, batchSize: 16, lr: 0.01 });
    const before = await trainableValues(run.ctx.model);
    await ngplus.unlearn(run.ctx);
    expect(run.retain.visited).toHaveLength(2 * 57);
    // 4 steps per epoch, each with the whole 7-image forget set as its forget batch
    expect(run.forget.visited).toHaveLength(8 * 7);
    expect(run.epochs.map((e) => e.done)).toEqual([1, 2]);
    expect(await trainableValues(run.ctx.model)).not.toEqual(before);
    run.dispose();
  });
});
