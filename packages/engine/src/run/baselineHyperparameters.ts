import type { ResultConfig } from '@mu/schema';
import type { TrainConfig } from '../train/trainConfig.js';

/**
 * The hyperparameters of an Original or Retrained record, from its checkpoint's training config.
 * A checkpoint without one (an upload) gives null for each value: unknown, never a guess.
 *
 *   baselineHyperparameters({}) // {epochs: null, lr: null, batchSize: null, …}
 */
export function baselineHyperparameters(config: Partial<TrainConfig>): ResultConfig['hyperparameters'] {
  const schedule = config.schedule;
  return {
    epochs: config.epochs ?? null,
    lr: config.lr ?? null,
    batchSize: config.batchSize ?? null,
    momentum: config.momentum ?? null,
    weightDecay: config.weightDecay ?? null,
    nesterov: config.nesterov ?? null,
    schedule: schedule?.kind ?? null,
    ...(schedule?.kind === 'cosine' ? { etaMin: schedule.etaMin } : {}),
    augment: config.augment ?? null,
    gradClip: config.gradClip ?? null,
  };
}
