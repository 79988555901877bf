import type { AttackCurves } from './attackCurves.js';
import type { ThresholdCurve } from './thresholdCurve.js';
import { round } from './round.js';

/**
 * The curves as stored: every FPR, FNR and score rounded to `digits` (3) decimals.
 *
 *   roundCurves(attackCurves(u, r)).entropyAboveRetrain.score[20] // 0.501
 */
export function roundCurves(curves: AttackCurves, digits = 3): AttackCurves {
  const r = (c: ThresholdCurve): ThresholdCurve => ({
    fpr: c.fpr.map((v) => round(v, digits)),
    fnr: c.fnr.map((v) => round(v, digits)),
    score: c.score.map((v) => round(v, digits)),
  });
  return {
    entropyAboveUnlearn: r(curves.entropyAboveUnlearn),
    entropyAboveRetrain: r(curves.entropyAboveRetrain),
    confidenceAboveUnlearn: r(curves.confidenceAboveUnlearn),
    confidenceAboveRetrain: r(curves.confidenceAboveRetrain),
  };
}
