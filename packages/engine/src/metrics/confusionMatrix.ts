/**
 * Integer confusion matrix, rows = true class, columns = predicted class (metrics.md §1).
 *
 *   confusionMatrix([0, 0, 1], [0, 1, 1], 2) // [[1, 1], [0, 1]]
 */
export function confusionMatrix(
  labels: ArrayLike<number>,
  preds: ArrayLike<number>,
  numClasses: number,
): number[][] {
  if (labels.length !== preds.length) {
    throw new Error(`invalid predictions length: ${preds.length} (expected ${labels.length}, one per label)`);
  }
  const m = Array.from({ length: numClasses }, () => new Array<number>(numClasses).fill(0));
  for (let i = 0; i < labels.length; i++) {
    const t = labels[i];
    const p = preds[i];
    if (!(Number.isInteger(t) && t >= 0 && t < numClasses)) throw new Error(`invalid label at ${i}: ${t}`);
    if (!(Number.isInteger(p) && p >= 0 && p < numClasses)) throw new Error(`invalid prediction at ${i}: ${p}`);
    m[t][p]++;
  }
  return m;
}
