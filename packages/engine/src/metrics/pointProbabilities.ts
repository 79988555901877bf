import { featureMatrix } from './featureMatrix.js';
import { round } from './round.js';
import { softmaxRow } from './softmaxRow.js';

/**
 * Per-point class probabilities of the embedding (metrics.md §5): softmax at temperature 2 of
 * each logit row, as integers in thousandths (0–1000, rounded).
 *
 *   pointProbabilities([2, 0, 0], 3) // [[576, 212, 212]]
 */
export function pointProbabilities(logits: ArrayLike<number>, numClasses: number, temperature = 2): number[][] {
  const { rows } = featureMatrix(logits, logits.length / numClasses, numClasses);
  const p = new Float64Array(numClasses);
  return Array.from({ length: rows }, (_, i) => Array.from(softmaxRow(logits, i, numClasses, temperature, p), (v) => round(1000 * v, 0)));
}
