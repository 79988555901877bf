import type { AttackCurves } from './attackCurves.js';

/** Per threshold, the stronger direction of one metric and its rates. */
export interface MergedCurve {
  positives: ('unlearn' | 'retrain')[];
  fpr: number[];
  fnr: number[];
  score: number[];
}

/**
 * The attack view's curve for one metric (metrics.md §8): at each threshold the direction with
 * the higher score, "above unlearn" on a tie, remembering which direction won.
 *
 *   mergedCurve(curves, 'confidence').positives[36] // 'unlearn'
 */
export function mergedCurve(curves: AttackCurves, metric: 'entropy' | 'confidence'): MergedCurve {
  const unlearn = metric === 'entropy' ? curves.entropyAboveUnlearn : curves.confidenceAboveUnlearn;
  const retrain = metric === 'entropy' ? curves.entropyAboveRetrain : curves.confidenceAboveRetrain;
  if (unlearn.score.length !== retrain.score.length) {
    throw new Error(`invalid ${metric} curves: ${unlearn.score.length} vs ${retrain.score.length} thresholds (expected equal)`);
  }
  const merged: MergedCurve = { positives: [], fpr: [], fnr: [], score: [] };
  unlearn.score.forEach((s, i) => {
    const [side, c] = retrain.score[i] > s ? (['retrain', retrain] as const) : (['unlearn', unlearn] as const);
    merged.positives.push(side);
    merged.fpr.push(c.fpr[i]);
    merged.fnr.push(c.fnr[i]);
    merged.score.push(c.score[i]);
  });
  return merged;
}
