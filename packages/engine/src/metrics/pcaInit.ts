import type { FeatureMatrix } from './featureMatrix.js';

const MAX_ITERATIONS = 1000;
const TOLERANCE = 1e-13;

/**
 * UMAP's initial layout (metrics.md §6): the projections on the first two principal components,
 * rescaled so that the largest absolute coordinate is `extent` (10). Deterministic: subspace
 * iteration from a fixed start, and each component's sign is chosen so that its largest
 * loading is positive.
 *
 *   pcaInit(featureMatrix(features, 2000, 512)) // [[x0, y0], [x1, y1], …]
 */
export function pcaInit(features: FeatureMatrix, extent = 10): number[][] {
  const { data, rows: n, cols: d } = features;
  if (n < 1) throw new Error(`invalid PCA input: ${n} rows (expected at least 1)`);
  const xc = centred(data, n, d);
  const cov = covariance(xc, n, d);
  const [v1, v2] = topTwoEigenvectors(cov, d);
  const out: number[][] = [];
  let max = 0;
  for (let i = 0; i < n; i++) {
    let a = 0;
    let b = 0;
    for (let c = 0; c < d; c++) {
      a += xc[i * d + c] * v1[c];
      b += xc[i * d + c] * v2[c];
    }
    out.push([a, b]);
    max = Math.max(max, Math.abs(a), Math.abs(b));
  }
  // All-equal features have no spread to rescale: leave every point at the origin.
  const scale = max === 0 ? 0 : extent / max;
  return out.map(([a, b]) => [a * scale, b * scale]);
}

function centred(data: ArrayLike<number>, n: number, d: number): Float64Array {
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let c = 0; c < d; c++) mean[c] += data[i * d + c];
  for (let c = 0; c < d; c++) mean[c] /= n;
  const xc = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let c = 0; c < d; c++) xc[i * d + c] = data[i * d + c] - mean[c];
  return xc;
}

/** XcᵀXc (d × d, symmetric; the 1/(n−1) factor does not change the eigenvectors). */
function covariance(xc: Float64Array, n: number, d: number): Float64Array {
  const cov = new Float64Array(d * d);
  for (let i = 0; i < n; i++) {
    const o = i * d;
    for (let a = 0; a < d; a++) {
      const va = xc[o + a];
      if (va === 0) continue;
      for (let b = a; b < d; b++) cov[a * d + b] += va * xc[o + b];
    }
  }
  for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) cov[a * d + b] = cov[b * d + a];
  return cov;
}

/**
 * Subspace iteration on a 2-D subspace started from the two largest columns, then one 2 × 2
 * Rayleigh–Ritz rotation to split it into the first and second component.
 */
function topTwoEigenvectors(cov: Float64Array, d: number): [Float64Array, Float64Array] {
  if (d === 1) return [Float64Array.of(1), Float64Array.of(0)];
  const norms = Array.from({ length: d }, (_, c) => {
    let s = 0;
    for (let r = 0; r < d; r++) s += cov[r * d + c] ** 2;
    return s;
  });
  const order = norms.map((s, c) => [s, c]).sort((p, q) => q[0] - p[0] || p[1] - q[1]);
  let [u, v] = orthonormalise(column(cov, d, order[0][1]), column(cov, d, order[1][1]));
  for (let it = 0; it < MAX_ITERATIONS; it++) {
    const [nu, nv] = orthonormalise(multiply(cov, u, d), multiply(cov, v, d));
    // |det| of the 2 × 2 overlap is 1 exactly when the subspace stopped moving.
    const overlap = Math.abs(dot(u, nu) * dot(v, nv) - dot(u, nv) * dot(v, nu));
    u = nu;
    v = nv;
    if (1 - overlap < TOLERANCE) break;
  }
  const [p, q] = rayleighRitz(cov, u, v, d);
  return [signFixed(p), signFixed(q)];
}

function rayleighRitz(cov: Float64Array, u: Float64Array, v: Float64Array, d: number): [Float64Array, Float64Array] {
  const cv = multiply(cov, v, d);
  const a = dot(u, multiply(cov, u, d));
  const b = dot(u, cv);
  const c = dot(v, cv);
  // Rotation that diagonalises [[a, b], [b, c]], larger eigenvalue first.
  const theta = 0.5 * Math.atan2(2 * b, a - c);
  const cos = Math.cos(theta);
  const sin = Math.sin(theta);
  return [u.map((x, i) => cos * x + sin * v[i]), u.map((x, i) => -sin * x + cos * v[i])];
}

/** Gram–Schmidt; a vector with no length left is replaced by the basis axis least covered. */
function orthonormalise(u: Float64Array, v: Float64Array): [Float64Array, Float64Array] {
  const a = normalised(u) ?? axis(u.length, 0);
  const orth = (x: Float64Array) => {
    const p = dot(a, x);
    return x.map((xi, i) => xi - p * a[i]);
  };
  const w = orth(v);
  // A remainder at rounding-noise level means v was parallel to a: no second direction there.
  let b = dot(w, w) > 1e-24 * dot(v, v) ? normalised(w) : null;
  if (b === null) {
    let m = 0;
    for (let i = 1; i < a.length; i++) if (Math.abs(a[i]) < Math.abs(a[m])) m = i;
    b = normalised(orth(axis(a.length, m))) as Float64Array;
  }
  return [a, b];
}

function normalised(x: Float64Array): Float64Array | null {
  const n = Math.sqrt(dot(x, x));
  return n > 1e-300 && Number.isFinite(n) ? x.map((v) => v / n) : null;
}

function axis(d: number, i: number): Float64Array {
  const e = new Float64Array(d);
  e[i] = 1;
  return e;
}

function signFixed(x: Float64Array): Float64Array {
  let best = 0;
  for (let i = 1; i < x.length; i++) if (Math.abs(x[i]) > Math.abs(x[best])) best = i;
  return x[best] < 0 ? x.map((v) => -v) : x;
}

function column(m: Float64Array, d: number, c: number): Float64Array {
  return Float64Array.from({ length: d }, (_, r) => m[r * d + c]);
}

function multiply(m: Float64Array, x: Float64Array, d: number): Float64Array {
  const out = new Float64Array(d);
  for (let r = 0; r < d; r++) {
    let s = 0;
    for (let c = 0; c < d; c++) s += m[r * d + c] * x[c];
    out[r] = s;
  }
  return out;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
