import type { ResultHeadline } from '../api/types.js';

/** A result row for tests: an unlearned FT run unless overridden. */
export function row(over: Partial<ResultHeadline> & { id: string }): ResultHeadline {
  return {
    modelId: over.id,
    role: 'unlearned',
    label: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    dataset: 'cifar10-mini',
    architecture: 'small-cnn',
    forgetClass: 0,
    method: { id: 'ft', label: 'Fine-Tuning', version: '1' },
    hyperparameters: { epochs: 2, lr: 0.01, batchSize: 64 },
    seed: 2048,
    baseModelId: null,
    metrics: { UA: 0.1, RA: 0.9, TUA: 0.1, TRA: 0.85, PS: 0.5, psBasis: 'full', RTE: 10 },
    source: 'engine',
    weightsAvailable: true,
    warnings: 0,
    ...over,
  };
}
