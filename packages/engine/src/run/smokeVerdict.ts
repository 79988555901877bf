import type { ScienceCheck } from './scienceChecks.js';

/** A run trained on fewer epochs than its recipe: its Original is not meant to fit. */
export interface ShortenedRun {
  epochs: number;
  recipeEpochs: number;
}

export interface SmokeVerdict {
  /** One line per check: `ok  `, `FAIL` or `n/a ` and the check's text. */
  lines: string[];
  passed: number;
  failed: number;
  notChecked: number;
  /** The closing line; it starts with `smoke: N passed, N failed`. */
  summary: string;
}

/**
 * Judges the science checks of a smoke run. A full run enforces every check. A shortened run
 * enforces the structural ones only and reports each fit-dependent one as not checked, so that a
 * short CI run neither fails on nor hides what only a fitted Original can show.
 */
export function smokeVerdict(checks: readonly ScienceCheck[], shortened?: ShortenedRun): SmokeVerdict {
  const skipped = (c: ScienceCheck) => shortened !== undefined && c.kind === 'fit';
  const why = shortened && ` (not checked: shortened run, ${shortened.epochs} of ${shortened.recipeEpochs} epochs — the Original is not trained to fit)`;
  const lines = checks.map((c) => (skipped(c) ? `n/a  ${c.text}${why}` : `${c.ok ? 'ok  ' : 'FAIL'} ${c.text}`));
  const notChecked = checks.filter(skipped).length;
  const failed = checks.filter((c) => !skipped(c) && !c.ok).length;
  const passed = checks.length - notChecked - failed;
  return { lines, passed, failed, notChecked, summary: `smoke: ${passed} passed, ${failed} failed, ${notChecked} not checked` };
}
