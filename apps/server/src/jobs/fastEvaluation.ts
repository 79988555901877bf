import type { EvaluationSettings } from '@mu/engine';

/**
 * Small UMAP and CKA settings for `MU_EVALUATION=fast` (tests and demos), used by the embedded
 * workers and by remote workers of a server in that mode; records store what was used.
 */
export const FAST_EVALUATION: EvaluationSettings = {
  ckaSampling: { train: { forget: 60, other: 120 }, test: { forget: 60, other: 120 }, batchSize: 60 },
  umap: { nEpochs: 40 },
};
