import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Model } from '../models/model.js';
import { baseModel, setUpBackend, testRun, trainableValues } from './methodTestKit.js';
import retrain from './retrain.js';

let base: Model;
beforeAll(async () => {
  await setUpBackend();
  base = await baseModel();
});
afterAll(() => base.dispose());

describe('retrain', () => {
  it("defaults to the Original recipe's epochs, lr and batch size", () => {
    expect(retrain.descriptor.params.map((p) => [p.key, p.default])).toEqual([['epochs', 200], ['lr', 0.1], ['batchSize', 128]]);
  });

  it('returns a fresh model trained on the retain set only, leaving ctx.model as it was', async () => {
    const run = await testRun(retrain, base, { epochs: 1, batchSize: 16, lr: 0.05 });
    const before = await trainableValues(run.ctx.model);
    const result = await retrain.unlearn(run.ctx);
    expect(result).toBeInstanceOf(Model);
    const trained = result as Model;
    expect(trained).not.toBe(run.ctx.model);
    expect(trained.shape).toEqual(run.ctx.model.shape);
    expect(await trainableValues(run.ctx.model)).toEqual(before);
    expect(await trainableValues(trained)).not.toEqual(before);
    expect(run.forget.visited).toEqual([]);
    expect(run.retain.visited).toHaveLength(57);
    expect(run.epochs).toHaveLength(1);
    trained.dispose();
    run.dispose();
  });
});
