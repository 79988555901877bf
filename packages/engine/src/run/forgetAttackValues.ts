import type { LoadedDataset } from '../data/loadDataset.js';
import { type AttackValues, attackValues } from '../metrics/attackValues.js';
import type { Model } from '../models/model.js';
import type { EvaluationPlan } from './evaluationPlan.js';
import { inferencePass } from './inferencePass.js';

/**
 * Attack values (entropy, confidence; metrics.md §7) of `model` on every training image of the
 * forget class, in ascending index order: what a reference Retrained model contributes to the
 * attack of every other model.
 *
 *   const retrainedFull = await forgetAttackValues(retrained, data, plan, { signal });
 */
export async function forgetAttackValues(
  model: Model,
  data: LoadedDataset,
  plan: EvaluationPlan,
  hooks: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void; batchSize?: number } = {},
): Promise<AttackValues> {
  const { logits } = await inferencePass(model, data.train, data.descriptor, { indices: plan.forgetIndices, ...hooks });
  return attackValues(logits.data, logits.cols);
}
