import { QUICK_START_METHODS } from '@mu/schema';
import type { TimeEstimates } from '../api/types.js';
import { estimateJobSeconds } from './jobEstimate.js';

/**
 * The jobs a Quick start will queue (the server plans the same: apps/server/src/jobs/planQuickStart.ts)
 * and their total estimated seconds; null when one of them has no timed run on this backend yet.
 */
export function quickStartEstimate(
  need: { original: boolean; retrained: boolean },
  training: { recipe: string; epochs?: number },
  e: TimeEstimates | null,
  methodEpochs: (method: string) => number | null,
): { jobs: number; seconds: number | null } {
  const jobs = [
    ...(need.original ? [{ kind: 'original' as const, spec: training }] : []),
    ...(need.retrained ? [{ kind: 'retrained' as const, spec: training }] : []),
    ...QUICK_START_METHODS.map((method) => ({ kind: 'unlearn' as const, spec: { method } })),
  ];
  let seconds: number | null = 0;
  for (const job of jobs) {
    const s = e ? estimateJobSeconds(job, e, methodEpochs) : null;
    seconds = s === null || seconds === null ? null : seconds + s;
  }
  return { jobs: jobs.length, seconds };
}
