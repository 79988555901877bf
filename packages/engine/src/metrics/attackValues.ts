import { featureMatrix } from './featureMatrix.js';
import { round } from './round.js';
import { softmaxRow } from './softmaxRow.js';

/** Per-image attack values, already rounded to 2 decimals (metrics.md §7). */
export interface AttackValues {
  entropy: number[];
  confidence: number[];
}

/**
 * Entropy of softmax at T = 2 and log-odds confidence of the top class at T = 1 for each row of
 * an n × C logit matrix, each rounded to 2 decimals immediately (the only values the threshold
 * sweep ever sees, as in the reference system).
 *
 *   attackValues([2, 0, 0], 3) // {entropy: [0.98], confidence: [1.31]}
 */
export function attackValues(logits: ArrayLike<number>, numClasses: number): AttackValues {
  if (!(Number.isInteger(numClasses) && numClasses >= 2)) throw new Error(`invalid class count: ${numClasses} (expected ≥ 2)`);
  const { rows } = featureMatrix(logits, logits.length / numClasses, numClasses);
  const entropy = new Array<number>(rows);
  const confidence = new Array<number>(rows);
  const p = new Float64Array(numClasses);
  for (let i = 0; i < rows; i++) {
    entropy[i] = round(entropyAt(logits, i, numClasses, p), 2);
    confidence[i] = round(topLogOdds(logits, i, numClasses), 2);
  }
  return { entropy, confidence };
}

/** −Σ p ln p of softmax at temperature 2 (0 · ln 0 counts as 0). */
function entropyAt(logits: ArrayLike<number>, row: number, numClasses: number, p: Float64Array): number {
  softmaxRow(logits, row, numClasses, 2, p);
  let h = 0;
  for (let k = 0; k < numClasses; k++) if (p[k] > 0) h -= p[k] * Math.log(p[k]);
  return h;
}

/**
 * ln(p_max) − ln(1 − p_max) at T = 1, computed as z_max − ln Σ_{k≠argmax} exp(z_k) so that
 * confident outputs do not lose the small denominator to cancellation.
 */
function topLogOdds(logits: ArrayLike<number>, row: number, numClasses: number): number {
  const o = row * numClasses;
  let top = 0;
  for (let k = 1; k < numClasses; k++) if (logits[o + k] > logits[o + top]) top = k;
  let otherMax = -Infinity;
  for (let k = 0; k < numClasses; k++) if (k !== top) otherMax = Math.max(otherMax, logits[o + k]);
  let sum = 0;
  for (let k = 0; k < numClasses; k++) if (k !== top) sum += Math.exp(logits[o + k] - otherMax);
  return logits[o + top] - otherMax - Math.log(sum);
}
