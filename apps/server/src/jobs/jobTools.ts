import type { EvaluationSettings, ReferenceCache } from '@mu/engine';
import type { JobOutputs } from '../store/store.js';
import type { ModelCache } from './modelCache.js';
import type { ProgressReporter } from './progressReporter.js';

/** What a job running in the worker gets: its cancel signal, progress, shared caches and the commit step. */
export interface JobTools {
  signal: AbortSignal;
  progress: ProgressReporter;
  models: ModelCache;
  cache: ReferenceCache;
  evaluation: EvaluationSettings | undefined;
  /** Hands the outputs to the main thread and resolves once they are stored (rejects if not). */
  commit(outputs: JobOutputs): Promise<void>;
}
