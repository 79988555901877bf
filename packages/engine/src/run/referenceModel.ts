import type { LoadedDataset } from '../data/loadDataset.js';
import type { AttackValues } from '../metrics/attackValues.js';
import type { Model } from '../models/model.js';
import type { EvaluationPlan } from './evaluationPlan.js';
import { forgetAttackValues } from './forgetAttackValues.js';
import type { ReferenceCache, ReferenceOutputs } from './referenceCache.js';

/** A designated reference model: its id, and its weights or what was already computed from them. */
export interface ReferenceModel {
  id: string;
  /** Needed unless `outputs` or the cache hold its attack values (Retrained) and CKA Gram matrices. */
  model?: Model;
  /** Pre-computed outputs for this evaluation's plan (e.g. the Retrained record's `attack.full` values). */
  outputs?: ReferenceOutputs;
}

/** A reference as one evaluation uses it: the evaluated model itself, or another model and its known outputs. */
export interface ResolvedReference {
  id: string;
  /** The reference is the evaluated model (same id): its own outputs are used. */
  self: boolean;
  model?: Model;
  outputs: ReferenceOutputs;
}

/**
 * Resolves a designated reference for evaluating `model` (id `modelId`): the same id means the
 * model itself; otherwise the outputs come from `ref.outputs`, then the cache. `null` stays null
 * unless `selfByDefault` (an Original is its own Original, a Retrained model its own Retrained).
 *
 *   resolveReference(input.retrained, role === 'retrained', modelId, model, plan, cache)
 */
export function resolveReference(
  ref: ReferenceModel | null,
  selfByDefault: boolean,
  modelId: string,
  model: Model,
  plan: EvaluationPlan,
  cache?: ReferenceCache,
): ResolvedReference | null {
  const r = ref ?? (selfByDefault ? { id: modelId } : null);
  if (r === null) return null;
  if (r.id === modelId) return { id: r.id, self: true, outputs: {} };
  const a = r.model?.shape;
  const b = model.shape;
  if (a !== undefined && (a.architecture !== b.architecture || a.inputChannels !== b.inputChannels || a.numClasses !== b.numClasses)) {
    throw new Error(
      `reference model ${r.id} is ${a.architecture} with ${a.inputChannels} channels and ${a.numClasses} classes (expected ${b.architecture}, ${b.inputChannels}, ${b.numClasses})`,
    );
  }
  const known = cache?.get(r.id, plan) ?? {};
  return { id: r.id, self: false, model: r.model, outputs: { attack: r.outputs?.attack ?? known.attack, grams: r.outputs?.grams ?? known.grams } };
}

/** The weights of a reference, or a one-line error naming what they were needed for. */
export function referenceWeights(ref: ResolvedReference, what: string): Model {
  if (ref.model === undefined) throw new Error(`reference model ${ref.id}: weights needed to compute its ${what}`);
  return ref.model;
}

/**
 * The Retrained model's attack values on every forget-class training image: known, or computed
 * now and added to the reference and the cache.
 *
 *   const r = await referenceAttackValues(retrained, data, plan, cache, { signal });
 */
export async function referenceAttackValues(
  ref: ResolvedReference,
  data: LoadedDataset,
  plan: EvaluationPlan,
  cache: ReferenceCache | undefined,
  hooks: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void; batchSize?: number } = {},
): Promise<AttackValues> {
  if (ref.outputs.attack === undefined) {
    ref.outputs.attack = await forgetAttackValues(referenceWeights(ref, 'attack values'), data, plan, hooks);
    cache?.put(ref.id, plan, { attack: ref.outputs.attack });
  }
  return ref.outputs.attack;
}
