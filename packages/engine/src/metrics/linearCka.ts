import { ckaBatchRanges } from './ckaBatchRanges.js';
import { ckaFromGrams, type GramBatch } from './ckaFromGrams.js';
import type { FeatureMatrix } from './featureMatrix.js';

/**
 * Linear CKA of two layers' activations on the same samples with the unbiased mini-batch HSIC
 * estimator (metrics.md §10): rows are split into consecutive batches of `batchSize` (a trailing
 * batch of ≤ 3 rows is dropped), Gram matrices are built per batch in float64. Clipped to
 * [0, 1], unrounded (stored with 4 decimals); null for a constant layer.
 *
 *   linearCka(featureMatrix(a, 1000, 512), featureMatrix(b, 1000, 512), 200)
 */
export function linearCka(x: FeatureMatrix, y: FeatureMatrix, batchSize: number): number | null {
  if (x.rows !== y.rows) throw new Error(`invalid CKA input: ${x.rows} vs ${y.rows} rows (expected the same samples)`);
  return ckaFromGrams(gramBatches(x, y, ckaBatchRanges(x.rows, batchSize)));
}

function* gramBatches(x: FeatureMatrix, y: FeatureMatrix, ranges: [number, number][]): Generator<GramBatch> {
  for (const [start, end] of ranges) yield { k: gram(x, start, end), l: gram(y, start, end), n: end - start };
}

/** X_b X_bᵀ of rows [start, end), using its symmetry. */
function gram({ data, cols }: FeatureMatrix, start: number, end: number): Float64Array {
  const n = end - start;
  const rows = Float64Array.from({ length: n * cols }, (_, i) => data[start * cols + i]);
  const g = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let s = 0;
      for (let c = 0, a = i * cols, b = j * cols; c < cols; c++) s += rows[a + c] * rows[b + c];
      g[i * n + j] = s;
      g[j * n + i] = s;
    }
  }
  return g;
}
