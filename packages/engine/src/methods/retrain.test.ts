import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Model } from '../models/model.js';
import { baseModel, setUpBackend, testRun, trainableValues } from './methodTestKit.js';
import retrain, { retrainDefaults } from './retrain.js';
import { resolveParams } from './resolveParams.js';

let base: Model;
beforeAll(async () => {
  await setUpBackend();
  base = await baseModel();
});
afterAll(() => base.dispose());

describe('retrain', () => {
  it('defaults to the reference recipe, every part of it a parameter', () => {
    expect(Object.fromEntries(retrain.descriptor.params.map((p) => [p.key, p.default]))).toEqual({
      epochs: 200, lr: 0.1, batchSize: 128, momentum: 0.9, nesterov: true, weightDecay: 5e-4, schedule: 'cosine', etaMin: 0, augment: true, gradClip: 0,
    });
  });

  it("takes an Original's stored training configuration as its parameters", () => {
    const config = {
      dataset: 'cifar10-mini', architecture: 'small-cnn', excludeClass: null, epochs: 12, batchSize: 64, lr: 0.05, momentum: 0.8, nesterov: false,
      weightDecay: 1e-4, schedule: { kind: 'cosine', etaMin: 0.001 }, gradClip: 5, augment: false, seed: 2048, evaluateEachEpoch: true, preset: null, history: [],
    };
    expect(resolveParams(retrain.descriptor, retrainDefaults(config))).toEqual({
      epochs: 12, lr: 0.05, batchSize: 64, momentum: 0.8, nesterov: false, weightDecay: 1e-4, schedule: 'cosine', etaMin: 0.001, augment: false, gradClip: 5,
    });
    expect(retrainDefaults({ ...config, schedule: { kind: 'constant' } })).toMatchObject({ schedule: 'constant' });
    expect(retrainDefaults({ ...config, schedule: { kind: 'constant' } })).not.toHaveProperty('etaMin');
    expect(() => resolveParams(retrain.descriptor, retrainDefaults({ ...config, schedule: { kind: 'multistep', milestones: [5], gamma: 0.1 } }))).toThrow('invalid schedule');
    expect(retrainDefaults(undefined)).toEqual({});
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
