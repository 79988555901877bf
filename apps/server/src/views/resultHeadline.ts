import type { ResultRecord } from '@mu/schema';
import type { ResultHeadline } from '../schemas/api.js';

/**
 * A list row of a record: identity, configuration in brief and the headline metrics (about
 * 0.6 kB, against ~15 kB for a summary).
 *
 *   resultHeadline(record).metrics.UA
 */
export function resultHeadline(r: ResultRecord): ResultHeadline {
  return {
    id: r.id,
    modelId: r.modelId,
    role: r.role,
    label: r.label,
    createdAt: r.createdAt,
    dataset: r.config.dataset.id,
    architecture: r.config.architecture.id,
    forgetClass: r.config.forgetClass,
    method: r.config.method,
    hyperparameters: r.config.hyperparameters,
    seed: r.config.seed,
    baseModelId: r.config.baseModelId,
    metrics: r.metrics,
    source: r.provenance.source,
    weightsAvailable: r.weights.available,
    warnings: r.warnings.length,
  };
}
