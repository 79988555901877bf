import { QUICK_START_METHODS, type QuickStartRequest } from '@mu/schema';
import type { JobSpec } from '../schemas/job.js';
import type { Store } from '../store/store.js';

/**
 * The jobs of a Quick start, in queue order: the Original and the Retrained model of the class
 * (each skipped when one is designated or already queued), then each built-in method at its
 * defaults. The queue runs them one after the other, so the first comparison (Original vs
 * Retrained) exists before the first method starts.
 */
export function planQuickStart(request: QuickStartRequest, store: Store): JobSpec[] {
  const { dataset, architecture, forgetClass, recipe, epochs } = request;
  const scope = { dataset, architecture };
  const training = { ...scope, recipe, ...(epochs === undefined ? {} : { epochs }) };
  const same = (s: { dataset: string; architecture: string }) => s.dataset === dataset && s.architecture === architecture;
  const hasOriginal = store.checkpoints.designated({ role: 'original', ...scope }) !== null || store.jobs.pending('original', same);
  const hasRetrained =
    store.checkpoints.designated({ role: 'retrained', ...scope, forgetClass }) !== null ||
    store.jobs.pending('retrained', (s) => same(s) && s.kind === 'retrained' && s.forgetClass === forgetClass);
  return [
    ...(hasOriginal ? [] : [{ kind: 'original' as const, ...training }]),
    ...(hasRetrained ? [] : [{ kind: 'retrained' as const, ...training, forgetClass }]),
    ...QUICK_START_METHODS.map((method) => ({ kind: 'unlearn' as const, ...scope, forgetClass, method })),
  ];
}
