import { attackScore } from './attackScore.js';
import { type AttackGrid, gridThresholds } from './attackGrid.js';

/** FPR, FNR and attack score per threshold of the grid (unrounded). */
export interface ThresholdCurve {
  fpr: number[];
  fnr: number[];
  score: number[];
}

/**
 * One threshold sweep (metrics.md §8): values are clipped into the grid's range, the attacker
 * says "positive" when value ≥ t; TPR and FPR are the positive and negative shares at or above t.
 *
 *   thresholdCurve([2, 3], [0, 1], {lo: 0, step: 1, count: 4}).score // [0, 0.5…, 1, 0]
 */
export function thresholdCurve(
  positives: ArrayLike<number>,
  negatives: ArrayLike<number>,
  grid: AttackGrid,
  delta?: number,
): ThresholdCurve {
  if (positives.length === 0) throw new Error('invalid positives: empty (expected at least one value)');
  if (negatives.length === 0) throw new Error('invalid negatives: empty (expected at least one value)');
  const thresholds = gridThresholds(grid);
  const hi = thresholds[thresholds.length - 1];
  const pos = clipAll(positives, grid.lo, hi, 'positive');
  const neg = clipAll(negatives, grid.lo, hi, 'negative');
  const curve: ThresholdCurve = { fpr: [], fnr: [], score: [] };
  for (const t of thresholds) {
    const fpr = shareAtOrAbove(neg, t);
    const fnr = 1 - shareAtOrAbove(pos, t);
    curve.fpr.push(fpr);
    curve.fnr.push(fnr);
    curve.score.push(attackScore(fpr, fnr, delta));
  }
  return curve;
}

function clipAll(values: ArrayLike<number>, lo: number, hi: number, what: string): Float64Array {
  return Float64Array.from(values, (v, i) => {
    if (Number.isNaN(v)) throw new Error(`invalid ${what} value at ${i}: NaN`);
    return Math.min(hi, Math.max(lo, v));
  });
}

function shareAtOrAbove(values: Float64Array, t: number): number {
  let n = 0;
  for (const v of values) if (v >= t) n++;
  return n / values.length;
}
