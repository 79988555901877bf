import { ATTACK_CURVES, type AttackCurves, type AttackGrids, DEFAULT_ATTACK_GRIDS } from './attackCurves.js';
import { gridThresholds } from './attackGrid.js';
import { round } from './round.js';

/** Where the strongest attack of the four curves is reached (metrics.md §9). */
export interface WorstCase {
  metric: 'entropy' | 'confidence';
  positives: 'unlearn' | 'retrain';
  index: number;
  threshold: number;
  score: number;
  fpr: number;
  fnr: number;
}

/**
 * Worst-case privacy score PS = round(1 − max score over the four curves, 3) and where that
 * maximum is reached; ties go to the first curve in table order, then the lowest threshold.
 *
 *   privacyScore(attackCurves(u, r)).privacyScore // 0.275 for the reference Original, fc 0
 */
export function privacyScore(
  curves: AttackCurves,
  grids: AttackGrids = DEFAULT_ATTACK_GRIDS,
): { privacyScore: number; worstCase: WorstCase } {
  let worst: WorstCase | undefined;
  for (const { name, metric, positives } of ATTACK_CURVES) {
    const curve = curves[name];
    const thresholds = gridThresholds(grids[metric]);
    if (curve.score.length !== thresholds.length) {
      throw new Error(`invalid ${name} length: ${curve.score.length} (expected ${thresholds.length})`);
    }
    for (let index = 0; index < thresholds.length; index++) {
      const score = curve.score[index];
      if (Number.isNaN(score)) throw new Error(`invalid ${name} score at ${index}: NaN`);
      // Strictly greater keeps the earliest curve and threshold on ties.
      if (worst === undefined || score > worst.score) {
        worst = { metric, positives, index, threshold: thresholds[index], score, fpr: curve.fpr[index], fnr: curve.fnr[index] };
      }
    }
  }
  const w = worst as WorstCase;
  return { privacyScore: round(1 - w.score, 3), worstCase: w };
}
