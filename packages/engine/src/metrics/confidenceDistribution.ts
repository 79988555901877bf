import { featureMatrix } from './featureMatrix.js';
import { softmaxRow } from './softmaxRow.js';

/**
 * `confDist`: per true class (row), the mean softmax (T = 1) of the model's logits
 * (metrics.md §4); a row of a class without images is all zeros.
 *
 *   confidenceDistribution(logitsOf([[0.7, 0.2, 0.1], [0.3, 0.6, 0.1]]), [0, 0], 3)[0] // [0.5, 0.4, 0.1]
 */
export function confidenceDistribution(
  logits: ArrayLike<number>,
  labels: ArrayLike<number>,
  numClasses: number,
): number[][] {
  featureMatrix(logits, labels.length, numClasses);
  const sums = Array.from({ length: numClasses }, () => new Float64Array(numClasses));
  const counts = new Float64Array(numClasses);
  const p = new Float64Array(numClasses);
  for (let i = 0; i < labels.length; i++) {
    const t = labels[i];
    if (!(Number.isInteger(t) && t >= 0 && t < numClasses)) throw new Error(`invalid label at ${i}: ${t}`);
    softmaxRow(logits, i, numClasses, 1, p);
    for (let k = 0; k < numClasses; k++) sums[t][k] += p[k];
    counts[t]++;
  }
  return sums.map((row, c) => Array.from(row, (s) => (counts[c] === 0 ? 0 : s / counts[c])));
}
