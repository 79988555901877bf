import type { FeatureMatrix } from '../metrics/featureMatrix.js';
import type { Float32Matrix } from './inferencePass.js';

/**
 * The given rows of a matrix, in the given order, as a new float32 matrix.
 *
 *   gatherRows(trainLogits, sample.indices) // the embedding points' logits
 */
export function gatherRows(m: FeatureMatrix, rows: ArrayLike<number>): Float32Matrix {
  const { data, cols } = m;
  const out = new Float32Array(rows.length * cols);
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r];
    if (!(Number.isInteger(i) && i >= 0 && i < m.rows)) throw new Error(`invalid row: ${i} (expected 0..${m.rows - 1})`);
    for (let c = 0; c < cols; c++) out[r * cols + c] = data[i * cols + c];
  }
  return { data: out, rows: rows.length, cols };
}
