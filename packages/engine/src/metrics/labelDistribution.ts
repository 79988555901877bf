/**
 * `labelDist`: the row-normalised confusion matrix (metrics.md §4); a row of a class without
 * images is all zeros.
 *
 *   labelDistribution([[1, 1, 0], [0, 2, 0], [0, 0, 0]]) // [[0.5, 0.5, 0], [0, 1, 0], [0, 0, 0]]
 */
export function labelDistribution(confusion: readonly (readonly number[])[]): number[][] {
  return confusion.map((row) => {
    const total = row.reduce((s, v) => s + v, 0);
    return row.map((v) => (total === 0 ? 0 : v / total));
  });
}
