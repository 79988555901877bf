/**
 * Consecutive mini-batches [start, end) of a sample list for CKA (metrics.md §10); a trailing
 * batch of 3 or fewer samples is dropped because the unbiased estimator needs n > 3.
 *
 *   ckaBatchRanges(1003, 500) // [[0, 500], [500, 1000]]
 */
export function ckaBatchRanges(count: number, batchSize: number): [number, number][] {
  if (!(Number.isInteger(count) && count >= 0)) throw new Error(`invalid CKA sample count: ${count}`);
  if (!(Number.isInteger(batchSize) && batchSize > 3)) throw new Error(`invalid CKA batch size: ${batchSize} (expected an integer > 3)`);
  const ranges: [number, number][] = [];
  for (let start = 0; start < count; start += batchSize) {
    const end = Math.min(count, start + batchSize);
    if (end - start > 3) ranges.push([start, end]);
  }
  return ranges;
}
