/** Sample counts and mini-batch size of the CKA evaluation (metrics.md §10). */
export interface CkaSampling {
  train: { forget: number; other: number };
  test: { forget: number; other: number };
  batchSize: number;
}

/** The reference system's counts (GPU backends) and the CPU default. */
export const CKA_SAMPLING: Readonly<Record<'reference' | 'cpu', CkaSampling>> = Object.freeze({
  reference: { train: { forget: 500, other: 4500 }, test: { forget: 500, other: 4500 }, batchSize: 1000 },
  cpu: { train: { forget: 200, other: 800 }, test: { forget: 200, other: 800 }, batchSize: 200 },
});

/**
 * The CKA image lists of one split: the first `forget` indices of class fc and the first
 * `other` indices of every other class, in dataset order (not random, not stratified);
 * counts are clamped to what the split has.
 *
 *   ckaSamples([0, 1, 0, 2, 0], 0, { forget: 2, other: 5 }) // {forget: [0, 2], other: [1, 3]}
 */
export function ckaSamples(
  labels: ArrayLike<number>,
  forgetClass: number,
  counts: { forget: number; other: number },
): { forget: number[]; other: number[] } {
  for (const [name, v] of Object.entries(counts)) {
    if (!(Number.isInteger(v) && v >= 0)) throw new Error(`invalid CKA ${name} count: ${v}`);
  }
  const forget: number[] = [];
  const other: number[] = [];
  for (let i = 0; i < labels.length && (forget.length < counts.forget || other.length < counts.other); i++) {
    if (labels[i] === forgetClass) {
      if (forget.length < counts.forget) forget.push(i);
    } else if (other.length < counts.other) {
      other.push(i);
    }
  }
  return { forget, other };
}
