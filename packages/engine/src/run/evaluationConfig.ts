import type { ResultConfig } from '@mu/schema';
import { CONFIDENCE_GRID, ENTROPY_GRID } from '../metrics/attackGrid.js';
import type { UmapParams } from '../metrics/umapEmbedding.js';
import type { EvaluationPlan } from './evaluationPlan.js';

/**
 * `config.evaluation` of a native record (results-schema.md §2.1): the embedding sample, feature
 * layer and UMAP settings, the attack temperatures and grids, and the CKA layers with the sample
 * counts and batch size actually used.
 *
 *   evaluationConfig(plan, UMAP_PARAMS, 'avgpool', 128).cka.samples.test // {forget: 100, other: 800}
 */
export function evaluationConfig(plan: EvaluationPlan, umap: UmapParams, featureLayer: string, featureDim: number): ResultConfig['evaluation'] {
  const { lists } = plan.cka;
  return {
    embedding: {
      sampleId: plan.embedding.sampleId,
      featureLayer,
      featureDim,
      umap: { nNeighbors: umap.nNeighbors, minDist: umap.minDist, spread: umap.spread, init: 'pca', nEpochs: umap.nEpochs, metric: 'euclidean', seed: umap.seed },
    },
    // δ of metrics.md §8 (the attackScore default).
    attack: { entropyTemperature: 2, confidenceTemperature: 1, entropyGrid: { ...ENTROPY_GRID }, confidenceGrid: { ...CONFIDENCE_GRID }, delta: 1e-5 },
    cka: {
      layers: [...plan.cka.layers],
      samples: {
        train: { forget: lists.train.forget.length, other: lists.train.other.length },
        test: { forget: lists.test.forget.length, other: lists.test.other.length },
      },
      batchSize: plan.cka.batchSize,
      selection: 'first-n',
    },
  };
}
