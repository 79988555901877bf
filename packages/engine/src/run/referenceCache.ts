import type { AttackValues } from '../metrics/attackValues.js';
import type { CkaGrams } from './ckaGrams.js';
import type { EvaluationPlan } from './evaluationPlan.js';

/** What evaluating other models needs of a reference model, for one plan. */
export interface ReferenceOutputs {
  /** Attack values on every forget-class training image, in `plan.forgetIndices` order (Retrained). */
  attack?: AttackValues;
  /** Gram matrices of the four CKA lists (Original and Retrained). */
  grams?: CkaGrams;
}

/**
 * Outputs of reference models, kept between evaluations so that evaluating several models
 * against the same Original and Retrained runs each reference once. Keyed by model id and plan
 * (dataset, checksum, forget class, CKA settings). Only complete outputs are stored: an aborted
 * evaluation never leaves a partial entry. With the CPU-default CKA settings the Gram matrices
 * of one model take 0.8 MB per layer (n × n float32 per mini-batch, 10 batches of 200).
 *
 *   const cache = new ReferenceCache();
 *   for (const m of models) records.push(await evaluateModel({ ...input, model: m, cache }));
 */
export class ReferenceCache {
  private readonly entries = new Map<string, ReferenceOutputs>();

  /** The stored outputs of a model for a plan (an empty object when none). */
  get(modelId: string, plan: EvaluationPlan): ReferenceOutputs {
    return { ...this.entries.get(key(modelId, plan)) };
  }

  /** Adds outputs of a model for a plan (fields already stored are replaced). */
  put(modelId: string, plan: EvaluationPlan, outputs: ReferenceOutputs): void {
    const k = key(modelId, plan);
    this.entries.set(k, { ...this.entries.get(k), ...defined(outputs) });
  }

  /** Forgets every output of a model (e.g. when its weights change or it stops being a reference). */
  delete(modelId: string): void {
    for (const k of this.entries.keys()) if (k.startsWith(`${modelId}\0`)) this.entries.delete(k);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

function key(modelId: string, plan: EvaluationPlan): string {
  return `${modelId}\0${plan.key}`;
}

function defined(outputs: ReferenceOutputs): ReferenceOutputs {
  return Object.fromEntries(Object.entries(outputs).filter(([, v]) => v !== undefined));
}
