import type { AttackSet, WorstCase } from '@mu/schema';
import { type AttackGrids, DEFAULT_ATTACK_GRIDS, attackCurves } from '../metrics/attackCurves.js';
import type { AttackValues } from '../metrics/attackValues.js';
import { privacyScore } from '../metrics/privacyScore.js';
import { round } from '../metrics/round.js';
import { roundCurves } from '../metrics/roundCurves.js';

/**
 * A record's AttackSet (metrics.md §7–§9): the evaluated model's per-image values and, against
 * the Retrained model's values on the same images, the four curves (3 dp), the worst case and
 * the privacy score (from the unrounded scores). Without Retrained values, or without images,
 * the curves, worst case and score are null; the values are kept so they can be filled in later.
 *
 *   attackSet(modelFull, retrainedFull).privacyScore // metrics.PS
 */
export function attackSet(values: AttackValues, retrained: AttackValues | null, grids: AttackGrids = DEFAULT_ATTACK_GRIDS): AttackSet {
  const count = values.entropy.length;
  const base = { count, entropy: values.entropy, confidence: values.confidence };
  if (retrained === null || count === 0) return { ...base, curves: null, worstCase: null, privacyScore: null };
  if (retrained.entropy.length !== count) {
    throw new Error(`invalid Retrained attack values: ${retrained.entropy.length} images (expected the same ${count} images)`);
  }
  const curves = attackCurves(values, retrained, grids);
  const ps = privacyScore(curves, grids);
  const w = ps.worstCase;
  const worstCase: WorstCase = { ...w, threshold: round(w.threshold, 3), score: round(w.score, 3), fpr: round(w.fpr, 3), fnr: round(w.fnr, 3) };
  return { ...base, curves: roundCurves(curves), worstCase, privacyScore: ps.privacyScore };
}

/**
 * The values of the images at `positions` (e.g. the embedding subset within all forget images).
 *
 *   pickAttackValues(full, plan.subsetPositions) // the 200 subset values, in sample order
 */
export function pickAttackValues(values: AttackValues, positions: ArrayLike<number>): AttackValues {
  const pick = (a: number[]) => Array.from(positions, (p) => {
    if (!(p >= 0 && p < a.length)) throw new Error(`invalid attack value position: ${p} (expected 0..${a.length - 1})`);
    return a[p];
  });
  return { entropy: pick(values.entropy), confidence: pick(values.confidence) };
}
