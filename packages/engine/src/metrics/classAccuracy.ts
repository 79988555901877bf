/**
 * Per-class accuracy from a confusion matrix: diagonal over row sum; null for a class
 * without images (metrics.md §1).
 *
 *   classAccuracy([[2, 5, 3], [1, 9, 0], [2, 0, 8]]) // [0.2, 0.9, 0.8]
 */
export function classAccuracy(confusion: readonly (readonly number[])[]): (number | null)[] {
  return confusion.map((row, c) => {
    const total = row.reduce((s, v) => s + v, 0);
    return total === 0 ? null : row[c] / total;
  });
}
