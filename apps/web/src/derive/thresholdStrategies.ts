import type { AttackSet, Curve } from '@mu/schema';

export type AttackMetric = 'entropy' | 'confidence';
export type Strategy = 'custom' | 'maxScore' | 'maxSuccess' | 'common';
export type Direction = 'aboveUnlearn' | 'aboveRetrain';

/** The 51-point threshold grid of each metric (metrics.md §8): t_i = lo + i·step. */
export const GRID: Record<AttackMetric, { lo: number; step: number; count: number; hi: number }> = {
  entropy: { lo: 0, step: 0.05, count: 51, hi: 2.5 },
  confidence: { lo: -2.5, step: 0.25, count: 51, hi: 10 },
};

export const thresholdAt = (metric: AttackMetric, i: number) => GRID[metric].lo + i * GRID[metric].step;

/** Grid index nearest to a threshold, clamped to the grid. */
export function gridIndex(metric: AttackMetric, t: number): number {
  const g = GRID[metric];
  return Math.min(g.count - 1, Math.max(0, Math.round((t - g.lo) / g.step)));
}

export interface MergedCurve {
  score: number[];
  fpr: number[];
  fnr: number[];
  direction: Direction[];
}

/** Per threshold, the direction with the higher score; ties go to "above unlearn" (metrics.md §8). */
export function mergedCurve(set: Pick<AttackSet, 'curves'>, metric: AttackMetric): MergedCurve | null {
  if (!set.curves) return null;
  const up: Curve = metric === 'entropy' ? set.curves.entropyAboveUnlearn : set.curves.confidenceAboveUnlearn;
  const down: Curve = metric === 'entropy' ? set.curves.entropyAboveRetrain : set.curves.confidenceAboveRetrain;
  const out: MergedCurve = { score: [], fpr: [], fnr: [], direction: [] };
  up.score.forEach((s, i) => {
    const useUp = s >= down.score[i];
    const c = useUp ? up : down;
    out.score.push(c.score[i]);
    out.fpr.push(c.fpr[i]);
    out.fnr.push(c.fnr[i]);
    out.direction.push(useUp ? 'aboveUnlearn' : 'aboveRetrain');
  });
  return out;
}

/** First index of the maximum (ties → lowest threshold). */
export function argmax(values: readonly number[]): number {
  let best = 0;
  values.forEach((v, i) => {
    if (v > values[best]) best = i;
  });
  return best;
}

const clip = (v: number, metric: AttackMetric) => Math.min(GRID[metric].hi, Math.max(GRID[metric].lo, v));

/** Whether a value is attributed to the model (not to Retrained) at threshold t in a direction. */
export function attributedToModel(value: number, t: number, direction: Direction, metric: AttackMetric): boolean {
  const above = clip(value, metric) >= t;
  return direction === 'aboveUnlearn' ? above : !above;
}

/** Correctly attributed samples at grid index i, judged with the merged curve's direction there. */
export function successCount(model: readonly number[], retrained: readonly number[], merged: MergedCurve, metric: AttackMetric, i: number): number {
  const t = thresholdAt(metric, i);
  const d = merged.direction[i];
  let n = 0;
  for (const v of model) if (attributedToModel(v, t, d, metric)) n++;
  for (const v of retrained) if (!attributedToModel(v, t, d, metric)) n++;
  return n;
}

/** Grid index of the threshold that maximises correctly attributed samples ("Max Success Rate"). */
export function maxSuccessIndex(model: readonly number[], retrained: readonly number[], merged: MergedCurve, metric: AttackMetric): number {
  return argmax(merged.score.map((_, i) => successCount(model, retrained, merged, metric, i)));
}

/** One threshold for both panels maximising score_A + score_B ("Common Threshold"). */
export function commonIndex(a: MergedCurve | null, b: MergedCurve | null): number {
  const n = (a ?? b)?.score.length ?? 0;
  return argmax(Array.from({ length: n }, (_, i) => (a?.score[i] ?? 0) + (b?.score[i] ?? 0)));
}
