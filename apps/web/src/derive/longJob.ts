import { formatEta } from './formatEta.js';

/** Jobs estimated longer than this ask for confirmation before they are queued (issue 11, item 2). */
export const LONG_JOB_SECONDS = 30 * 60;

/**
 * Why a job should be confirmed before it starts, or null: an estimate over 30 minutes, or — with
 * no timed run to estimate from — more epochs than the recipe's (a typo like 2005 for 5 must not
 * start a day of training unasked).
 *
 *   longJobWarning(82_800, 2005, 15) // 'Estimated ~23 h 0 min. …'
 */
export function longJobWarning(seconds: number | null, epochs: number, recipeEpochs: number): string | null {
  if (seconds !== null) return seconds > LONG_JOB_SECONDS ? `Estimated ${formatEta(seconds)}, over 30 minutes.` : null;
  return epochs > recipeEpochs ? `${epochs} epochs is more than the recipe's ${recipeEpochs}, and no earlier run on this backend gives an estimate.` : null;
}

/** The epochs typed in a field: an integer 1 … 10,000, else the one-line problem shown under it. */
export function parseEpochs(text: string): { epochs: number; problem: null } | { epochs: null; problem: string } {
  const t = text.trim();
  if (t === '') return { epochs: null, problem: 'Enter the number of epochs (1 to 10,000).' };
  const n = Number(t);
  if (!/^\d+$/.test(t) || n < 1 || n > 10_000) return { epochs: null, problem: 'Epochs must be a whole number from 1 to 10,000.' };
  return { epochs: n, problem: null };
}
