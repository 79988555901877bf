/** Mean and spread of one metric over runs that differ only by seed (the Screen's seed groups, `bench:fidelity`). */
export interface MeanSd {
  mean: number;
  /** Sample standard deviation (n − 1); 0 for a single value. */
  sd: number;
  n: number;
}

/**
 * Mean and sample standard deviation of a list; null when it is empty.
 *
 *   meanSd([0.1, 0.2, 0.3]) // { mean: 0.2, sd: 0.1, n: 3 }
 */
export function meanSd(values: readonly number[]): MeanSd | null {
  const n = values.length;
  if (n === 0) return null;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const sd = n < 2 ? 0 : Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
  return { mean, sd, n };
}
