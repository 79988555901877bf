import { featureMatrix } from './featureMatrix.js';

/**
 * Predicted class of every row of an n × C logit matrix; ties go to the lowest class index.
 *
 *   argmaxRows([2, 2, 0,  0, 1, 3], 3) // Int32Array [0, 2]
 */
export function argmaxRows(logits: ArrayLike<number>, numClasses: number): Int32Array {
  const { rows } = featureMatrix(logits, logits.length / numClasses, numClasses);
  const out = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const o = i * numClasses;
    let best = 0;
    for (let k = 1; k < numClasses; k++) if (logits[o + k] > logits[o + best]) best = k;
    out[i] = best;
  }
  return out;
}
