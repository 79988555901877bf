import { TRAINING_RECIPES } from '@mu/schema';
import type { Job, MethodInfo, TimeEstimates } from '../api/types.js';
import { runCount } from './sweepPlan.js';

type Stage = keyof TimeEstimates['stageSeconds'];

/**
 * Server stages from the training or unlearning loop on, with the stored timing that estimates each
 * (the `evaluate` timing covers both splits, so it is counted once, at the train split).
 */
const STAGES: [string, Stage | null][] = [
  ['training', null], ['unlearning', null], ['evaluating train', 'evaluate'], ['evaluating test', null],
  ['embedding', 'embedding'], ['attack', 'attack'], ['cka', 'cka'], ['saving', null],
];

export interface EstimateInput {
  kind: Job['kind'];
  spec: Record<string, unknown>;
}

/** Epochs of a job: its own setting, else the method's default (unlearning) or its recipe's (references; the reference recipe when none is named). */
function epochsOf(job: EstimateInput, e: TimeEstimates, methodEpochs: (method: string) => number | null): number | null {
  if (job.kind === 'unlearn') {
    const params = (job.spec.params ?? {}) as Record<string, unknown>;
    return typeof params.epochs === 'number' ? params.epochs : methodEpochs(String(job.spec.method));
  }
  if (typeof job.spec.epochs === 'number') return job.spec.epochs;
  return TRAINING_RECIPES.find((r) => r.id === job.spec.recipe)?.epochs ?? e.recipe.epochs;
}

const loopKey = (job: EstimateInput) => (job.kind === 'unlearn' ? String(job.spec.method) : job.kind);
const stageSum = (e: TimeEstimates, stages: Stage[]) => stages.reduce((sum, s) => sum + (e.stageSeconds[s] ?? 0), 0);

/**
 * Estimated seconds of a whole job from earlier runs on the same backend (ui.md §1.2–1.4): epochs ×
 * seconds per epoch of its method (or role), plus the evaluation stages. Null when no earlier run
 * of that method or role was timed; a sweep is the sum of its children and is not estimated here.
 */
export function estimateJobSeconds(job: EstimateInput, e: TimeEstimates, methodEpochs: (method: string) => number | null): number | null {
  if (job.kind === 'sweep') return null;
  const perEpoch = e.epochSeconds[loopKey(job)];
  const epochs = epochsOf(job, e, methodEpochs);
  if (perEpoch === undefined || epochs === null) return null;
  return epochs * perEpoch + stageSum(e, ['prepare', 'evaluate', 'embedding', 'attack', 'cka']);
}

/**
 * Seconds left of a running job: the current stage's own ETA (from its counters) plus the stored
 * timings of the stages after it. Null before the loop starts or while the stage has no ETA yet.
 */
export function remainingJobSeconds(job: { progress: Job['progress'] }, e: TimeEstimates): number | null {
  const p = job.progress;
  const at = p ? STAGES.findIndex(([stage]) => stage === p.stage) : -1;
  if (!p || at < 0 || p.etaSeconds === null) return null;
  const later = STAGES.slice(at + 1).flatMap(([, timing]) => (timing ? [timing] : []));
  return Math.max(0, p.etaSeconds) + stageSum(e, later);
}

/**
 * Estimated seconds of every run the Model Builder would queue (ui.md §1.3): each combination of
 * the hyperparameter lists and seeds is one unlearning job; only its epochs change its time.
 */
export function estimateBuildSeconds(method: string, lists: Readonly<Record<string, readonly unknown[]>>, seeds: readonly number[], e: TimeEstimates, defaults: (method: string) => number | null): number | null {
  const runs = runCount(lists, seeds);
  const epochs = lists.epochs && lists.epochs.length > 0 ? lists.epochs : [undefined];
  let total = 0;
  for (const value of epochs) {
    const one = estimateJobSeconds({ kind: 'unlearn', spec: { method, params: value === undefined ? {} : { epochs: value } } }, e, defaults);
    if (one === null) return null;
    total += (one * runs) / epochs.length;
  }
  return total;
}

/** The default epochs of each method from its descriptor (null when it has no `epochs` parameter). */
export const methodEpochs = (methods: readonly MethodInfo[]) => (id: string): number | null => {
  const p = methods.find((m) => m.id === id)?.params.find((x) => x.key === 'epochs');
  return p && typeof p.default === 'number' ? p.default : null;
};
