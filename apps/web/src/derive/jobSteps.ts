import type { Job } from '../api/types.js';

export type StepState = 'done' | 'active' | 'pending' | 'failed';

export interface JobStep {
  title: string;
  state: StepState;
  /** Sub-stages of the step with their progress (0–1) where known: only Analyze has them. */
  parts: { name: string; state: StepState; fraction: number | null }[];
}

/** Server stages in order, by the stepper step they belong to (ui.md §1.4). */
const STEP_STAGES: [string, string[]][] = [
  ['Prepare', ['queued', 'loading data', 'preparing']],
  ['Train', ['training', 'unlearning']],
  ['Evaluate', ['evaluating train', 'evaluating test']],
  ['Analyze', ['embedding', 'attack', 'cka', 'saving']],
];
const ANALYZE_PARTS: [string, string][] = [['embedding', 'UMAP embedding'], ['attack', 'Attack values'], ['cka', 'CKA']];
const ORDER = STEP_STAGES.flatMap(([, stages]) => stages);

/**
 * The stepper of one job (ui.md §1.4): Prepare → Train (or Unlearn) → Evaluate → Analyze, with
 * Analyze's embedding, attack and CKA sub-stages; a Retrained job adds Original (its evaluation of
 * the designated Original for the class). Built from the job's status and its latest
 * progress report; a finished job has every step done, a failed or cancelled one marks the step
 * it stopped in.
 */
export function jobSteps(job: Pick<Job, 'kind' | 'status' | 'progress'>): JobStep[] {
  const stage = job.progress?.stage ?? (job.status === 'queued' ? 'queued' : null);
  // A Retrained job then evaluates the Original for its class: its own fifth step, so the stepper never runs backwards.
  const onOriginal = job.kind === 'retrained' && /^Original for class/.test(job.progress?.step ?? '');
  const at = job.status === 'succeeded' || onOriginal ? ORDER.length : stage === null ? -1 : ORDER.indexOf(stage);
  const stopped = job.status === 'failed' || job.status === 'cancelled' || job.status === 'interrupted';
  const fraction = job.progress && job.progress.total ? (job.progress.done ?? 0) / job.progress.total : null;
  const stateOf = (index: number, last: number): StepState => {
    if (at < 0) return 'pending';
    if (at > last) return 'done';
    if (at >= index) return stopped ? 'failed' : job.status === 'succeeded' ? 'done' : 'active';
    return 'pending';
  };
  const steps = STEP_STAGES.map(([title, stages]): JobStep => {
    const first = ORDER.indexOf(stages[0]);
    const last = ORDER.indexOf(stages[stages.length - 1]);
    const parts =
      title === 'Analyze'
        ? ANALYZE_PARTS.map(([name, label]) => {
            const i = ORDER.indexOf(name);
            const state = stateOf(i, i);
            return { name: label, state, fraction: state === 'done' ? 1 : state === 'active' ? fraction : null };
          })
        : [];
    return { title: title === 'Train' && job.kind === 'unlearn' ? 'Unlearn' : title, state: stateOf(first, last), parts };
  });
  if (job.kind !== 'retrained') return steps;
  const original: StepState = job.status === 'succeeded' ? 'done' : !onOriginal ? 'pending' : stopped ? 'failed' : 'active';
  return [...steps, { title: 'Original', state: original, parts: [] }];
}
