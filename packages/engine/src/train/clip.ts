import * as tf from '@tensorflow/tfjs';

/**
 * Scales every gradient by `maxNorm / (norm + 1e-6)` when their global L2 norm exceeds `maxNorm`
 * (methods.md §1.5). `maxNorm = 0` disables clipping (and skips computing the norm). Returns new tensors; disposes none.
 */
export function clipByGlobalNorm(grads: tf.NamedTensorMap, maxNorm: number): { grads: tf.NamedTensorMap; norm: number | null } {
  if (maxNorm <= 0) return { grads, norm: null };
  const names = Object.keys(grads);
  const norm = tf.tidy(() => tf.sqrt(tf.addN(names.map((n) => tf.sum(tf.square(grads[n]))))).dataSync()[0]);
  if (norm <= maxNorm) return { grads, norm };
  const scale = maxNorm / (norm + 1e-6);
  return { grads: Object.fromEntries(names.map((n) => [n, tf.mul(grads[n], scale)])), norm };
}
