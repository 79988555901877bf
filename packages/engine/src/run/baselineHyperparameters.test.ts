import { describe, expect, it } from 'vitest';
import { resolveTrainConfig } from '../train/trainConfig.js';
import { baselineHyperparameters } from './baselineHyperparameters.js';

describe('baselineHyperparameters', () => {
  it('takes every value from the training config', () => {
    const config = resolveTrainConfig({ dataset: 'cifar10-mini', architecture: 'small-cnn', epochs: 3 }, 10);
    expect(baselineHyperparameters(config)).toEqual({
      epochs: 3, lr: config.lr, batchSize: config.batchSize, momentum: config.momentum, weightDecay: config.weightDecay,
      nesterov: config.nesterov, schedule: 'cosine', etaMin: 0, augment: config.augment, gradClip: config.gradClip,
    });
  });

  it('is null, not 0 or false, for each value of a checkpoint without a training config', () => {
    expect(baselineHyperparameters({})).toEqual({
      epochs: null, lr: null, batchSize: null, momentum: null, weightDecay: null, nesterov: null, schedule: null, augment: null, gradClip: null,
    });
  });
});
