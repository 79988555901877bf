import type { Embedding } from '@mu/schema';
import { argmaxRows } from '../metrics/argmaxRows.js';
import type { FeatureMatrix } from '../metrics/featureMatrix.js';
import { pointProbabilities } from '../metrics/pointProbabilities.js';
import { round } from '../metrics/round.js';
import { type UmapParams, umapEmbedding } from '../metrics/umapEmbedding.js';

/** Temperature of the stored point probabilities (metrics.md §5). */
export const POINT_PROB_TEMPERATURE = 2;

/**
 * The record's embedding (metrics.md §5–§6, results-schema.md §2.5) from the embedding sample's
 * logits and features: predicted class, seeded UMAP coordinates (2 dp) and the softmax at T = 2
 * in thousandths. Indices and true classes are not stored: the sample id names the list.
 *
 *   const embedding = await recordEmbedding(sample.sampleId, sampleLogits, features, UMAP_PARAMS, { signal });
 */
export async function recordEmbedding(
  sampleId: string,
  logits: FeatureMatrix,
  features: FeatureMatrix,
  umap: UmapParams,
  hooks: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {},
): Promise<Embedding> {
  if (logits.rows !== features.rows) throw new Error(`invalid embedding input: ${logits.rows} logit rows vs ${features.rows} feature rows`);
  const { x, y } = await umapEmbedding(features, { params: umap, signal: hooks.signal, onEpoch: hooks.onProgress });
  return {
    sampleId,
    indices: null,
    trueClass: null,
    pred: Array.from(argmaxRows(logits.data, logits.cols)),
    x: x.map((v) => round(v, 2)),
    y: y.map((v) => round(v, 2)),
    probs: pointProbabilities(logits.data, logits.cols, POINT_PROB_TEMPERATURE),
    probTemperature: POINT_PROB_TEMPERATURE,
    deterministic: true,
  };
}
