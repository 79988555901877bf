/**
 * Softmax at temperature T of row `row` of an n × C logit matrix, in float64, into `out`.
 *
 *   softmaxRow([2, 0, 0], 0, 3, 2) // [0.5761, 0.2119, 0.2119]
 */
export function softmaxRow(
  logits: ArrayLike<number>,
  row: number,
  numClasses: number,
  temperature = 1,
  out: Float64Array = new Float64Array(numClasses),
): Float64Array {
  const o = row * numClasses;
  let max = -Infinity;
  for (let k = 0; k < numClasses; k++) max = Math.max(max, logits[o + k]);
  let sum = 0;
  for (let k = 0; k < numClasses; k++) {
    out[k] = Math.exp((logits[o + k] - max) / temperature);
    sum += out[k];
  }
  for (let k = 0; k < numClasses; k++) out[k] /= sum;
  return out;
}
