import type { FeatureMatrix } from './featureMatrix.js';

/**
 * Linear CKA with the unbiased HSIC estimator over all rows at once (no mini-batches), computed
 * from the feature side without Gram matrices: an independent path to check `linearCka`
 * against (equal when `batchSize` ≥ rows). Costs O(n·d₁·d₂); for checking on small inputs.
 *
 *   linearCkaDirect(featureMatrix(x, 5, 2), featureMatrix(y, 5, 2)) // 0.6415 (metrics.md §10 example)
 */
export function linearCkaDirect(x: FeatureMatrix, y: FeatureMatrix): number | null {
  if (x.rows !== y.rows) throw new Error(`invalid CKA input: ${x.rows} vs ${y.rows} rows (expected the same samples)`);
  if (!(x.rows > 3)) throw new Error(`invalid CKA input: ${x.rows} rows (expected more than 3)`);
  const kl = hsicFromFeatures(x, y).value;
  const kk = hsicFromFeatures(x, x);
  const ll = hsicFromFeatures(y, y);
  // Self-similarity at rounding-noise level of its first term is a zero: a constant layer.
  if (!(kk.value > 1e-10 * kk.scale && ll.value > 1e-10 * ll.scale)) return null;
  return Math.min(1, Math.max(0, kl / Math.sqrt(kk.value * ll.value)));
}

/**
 * HSIC₁ of K = XXᵀ and L = YYᵀ with r_i = ‖x_i‖², s_i = ‖y_i‖²:
 * tr(K̃L̃) = ‖XᵀY‖²_F − Σ r_i s_i, 1ᵀK̃1 = ‖Σ x_i‖² − Σ r_i, (K̃1)_i = x_i·Σx − r_i.
 */
function hsicFromFeatures(x: FeatureMatrix, y: FeatureMatrix): { value: number; scale: number } {
  const n = x.rows;
  const r = rowSquares(x);
  const s = rowSquares(y);
  const sumX = columnSums(x);
  const sumY = columnSums(y);
  let xty = 0;
  for (let a = 0; a < x.cols; a++) {
    for (let b = 0; b < y.cols; b++) {
      let v = 0;
      for (let i = 0; i < n; i++) v += x.data[i * x.cols + a] * y.data[i * y.cols + b];
      xty += v * v;
    }
  }
  let trace = xty;
  let sumK = dot(sumX, sumX);
  let sumL = dot(sumY, sumY);
  let cross = 0;
  for (let i = 0; i < n; i++) {
    trace -= r[i] * s[i];
    sumK -= r[i];
    sumL -= s[i];
    cross += (rowDot(x, i, sumX) - r[i]) * (rowDot(y, i, sumY) - s[i]);
  }
  const norm = n * (n - 3);
  return { value: (trace + (sumK * sumL) / ((n - 1) * (n - 2)) - (2 / (n - 2)) * cross) / norm, scale: Math.abs(trace) / norm };
}

function rowSquares(m: FeatureMatrix): Float64Array {
  return Float64Array.from({ length: m.rows }, (_, i) => {
    let v = 0;
    for (let c = 0; c < m.cols; c++) v += m.data[i * m.cols + c] ** 2;
    return v;
  });
}

function columnSums(m: FeatureMatrix): Float64Array {
  const out = new Float64Array(m.cols);
  for (let i = 0; i < m.rows; i++) for (let c = 0; c < m.cols; c++) out[c] += m.data[i * m.cols + c];
  return out;
}

function rowDot(m: FeatureMatrix, i: number, v: Float64Array): number {
  let s = 0;
  for (let c = 0; c < m.cols; c++) s += m.data[i * m.cols + c] * v[c];
  return s;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
