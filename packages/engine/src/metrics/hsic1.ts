/**
 * Unbiased HSIC estimator of two n × n Gram matrices (Song et al.; metrics.md §10). The
 * diagonals are ignored (treated as zero, K̃ and L̃); needs n > 3.
 *
 *   HSIC₁ = [tr(K̃L̃) + (1ᵀK̃1)(1ᵀL̃1)/((n−1)(n−2)) − (2/(n−2))·1ᵀK̃L̃1] / (n(n−3))
 */
export function hsic1(k: ArrayLike<number>, l: ArrayLike<number>, n: number): number {
  return hsic1Terms(k, l, n).value;
}

/**
 * HSIC₁ and the size of its first term, tr(K̃L̃)/(n(n−3)): the cancellation between the terms
 * can leave rounding noise where the true value is 0, and this is the scale to judge it by.
 */
export function hsic1Terms(k: ArrayLike<number>, l: ArrayLike<number>, n: number): { value: number; scale: number } {
  if (!(Number.isInteger(n) && n > 3)) throw new Error(`invalid HSIC batch size: ${n} (expected an integer > 3)`);
  if (k.length !== n * n) throw new Error(`invalid Gram matrix K length: ${k.length} (expected ${n * n})`);
  if (l.length !== n * n) throw new Error(`invalid Gram matrix L length: ${l.length} (expected ${n * n})`);
  let trace = 0;
  let sumK = 0;
  let sumL = 0;
  let cross = 0;
  for (let i = 0; i < n; i++) {
    let rowK = 0;
    let rowL = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const kij = k[i * n + j];
      const lij = l[i * n + j];
      trace += kij * l[j * n + i];
      rowK += kij;
      rowL += lij;
    }
    sumK += rowK;
    sumL += rowL;
    // 1ᵀK̃L̃1 = Σ_i (1ᵀK̃)_i (L̃1)_i, and 1ᵀK̃ = (K̃1)ᵀ because Gram matrices are symmetric.
    cross += rowK * rowL;
  }
  const norm = n * (n - 3);
  return {
    value: (trace + (sumK * sumL) / ((n - 1) * (n - 2)) - (2 / (n - 2)) * cross) / norm,
    scale: Math.abs(trace) / norm,
  };
}
