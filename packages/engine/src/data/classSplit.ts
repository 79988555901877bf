/**
 * Class-wise forgetting (spec README, "Scenario"): the forget set is every image of one class,
 * the retain set every other image. Indices are positions in the split, in ascending order.
 *
 *   const { forget, retain } = classSplit(train.labels, 3);
 */
export function classSplit(
  labels: ArrayLike<number>,
  forgetClass: number,
  numClasses = 10,
): { forget: Int32Array; retain: Int32Array } {
  checkClass(forgetClass, numClasses, 'forget class');
  let forgetCount = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === forgetClass) forgetCount++;
  const forget = new Int32Array(forgetCount);
  const retain = new Int32Array(labels.length - forgetCount);
  for (let i = 0, f = 0, r = 0; i < labels.length; i++) {
    if (labels[i] === forgetClass) forget[f++] = i;
    else retain[r++] = i;
  }
  return { forget, retain };
}

/**
 * The indices of each class `0 … numClasses−1`, ascending.
 *
 *   classIndices(test.labels)[3].length; // 1000 for CIFAR-10
 */
export function classIndices(labels: ArrayLike<number>, numClasses = 10): Int32Array[] {
  const counts = new Array<number>(numClasses).fill(0);
  for (let i = 0; i < labels.length; i++) {
    checkClass(labels[i], numClasses, `label ${i}`);
    counts[labels[i]]++;
  }
  const lists = counts.map((n) => new Int32Array(n));
  const filled = new Array<number>(numClasses).fill(0);
  for (let i = 0; i < labels.length; i++) lists[labels[i]][filled[labels[i]]++] = i;
  return lists;
}

function checkClass(value: number, numClasses: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value >= numClasses) {
    throw new Error(`${what} out of range: ${value} (expected 0..${numClasses - 1})`);
  }
}
