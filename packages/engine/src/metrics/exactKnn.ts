import type { FeatureMatrix } from './featureMatrix.js';

/** k nearest neighbours per row, nearest first (each row's list includes the row itself). */
export interface KnnGraph {
  indices: number[][];
  distances: number[][];
}

/**
 * Exact Euclidean k-nearest neighbours by brute force, in float64, ties broken by the lower
 * index, so the UMAP graph never depends on approximate neighbour search (metrics.md §6).
 *
 *   exactKnn(featureMatrix([0, 1, 3], 3, 1), 2).indices // [[0, 1], [1, 0], [2, 1]]
 */
export function exactKnn(features: FeatureMatrix, k: number): KnnGraph {
  const { data, rows: n, cols: d } = features;
  if (!(Number.isInteger(k) && k >= 1 && k <= n)) throw new Error(`invalid neighbour count: ${k} (expected 1..${n})`);
  const x = Float64Array.from(data);
  const nearIdx = Array.from({ length: n }, () => new Int32Array(k).fill(-1));
  const nearDist = Array.from({ length: n }, () => new Float64Array(k).fill(Infinity));
  for (let i = 0; i < n; i++) {
    offer(nearIdx[i], nearDist[i], i, 0);
    // Each pair is measured once and offered to both rows: half the work of a plain scan.
    for (let j = i + 1; j < n; j++) {
      let s = 0;
      for (let c = 0, a = i * d, b = j * d; c < d; c++) {
        const t = x[a + c] - x[b + c];
        s += t * t;
      }
      const dist = Math.sqrt(s);
      offer(nearIdx[i], nearDist[i], j, dist);
      offer(nearIdx[j], nearDist[j], i, dist);
    }
  }
  return { indices: nearIdx.map((r) => Array.from(r)), distances: nearDist.map((r) => Array.from(r)) };
}

/** Inserts (j, dist) into a row's sorted top-k list if it beats the current last entry. */
function offer(idx: Int32Array, dist: Float64Array, j: number, dj: number): void {
  const k = idx.length;
  if (!before(dj, j, dist[k - 1], idx[k - 1])) return;
  let p = k - 1;
  while (p > 0 && before(dj, j, dist[p - 1], idx[p - 1])) {
    idx[p] = idx[p - 1];
    dist[p] = dist[p - 1];
    p--;
  }
  idx[p] = j;
  dist[p] = dj;
}

function before(d1: number, i1: number, d2: number, i2: number): boolean {
  return d1 < d2 || (d1 === d2 && (i2 === -1 || i1 < i2));
}
