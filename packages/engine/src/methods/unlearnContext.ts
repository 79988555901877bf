import type { DataSource } from '../data/dataSource.js';
import type { Model } from '../models/model.js';
import type { Rng } from '../random.js';
import { freezeModel } from './frozenModel.js';
import { trainingOps } from './trainingOps.js';
import type { MethodInfo, MethodParams, MethodProgress, UnlearnContext } from './types.js';

export interface UnlearnContextParts {
  model: Model;
  /** The untouched base model; the context exposes it read-only. The caller disposes it. */
  original: Model;
  forget: DataSource;
  retain: DataSource;
  /** Already resolved (`resolveParams`). */
  params: MethodParams;
  info: MethodInfo;
  /** The run's `method` stream. */
  rng: Rng;
  progress?: Partial<MethodProgress>;
  signal?: AbortSignal;
}

/**
 * Assembles a method's context (methods.md §6): freezes `original`, hands over the training
 * ops, and fills progress callbacks that are not given with no-ops (`forgetAccuracy` then
 * answers NaN).
 *
 *   await method.unlearn(createUnlearnContext({ model, original, forget, retain, params, info, rng: createRng(seed).fork('method') }));
 */
export function createUnlearnContext(parts: UnlearnContextParts): UnlearnContext {
  const progress: MethodProgress = {
    epoch: () => {},
    step: () => {},
    message: () => {},
    forgetAccuracy: async () => Number.NaN,
    ...parts.progress,
  };
  return {
    model: parts.model,
    original: freezeModel(parts.original),
    forget: parts.forget,
    retain: parts.retain,
    params: parts.params,
    info: parts.info,
    rng: parts.rng,
    progress,
    signal: parts.signal ?? new AbortController().signal,
    ops: trainingOps,
  };
}
