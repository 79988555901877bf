import * as tf from '@tensorflow/tfjs';

/**
 * Scales every gradient by `maxNorm / (norm + 1e-6)` when their global L2 norm exceeds `maxNorm`
 * (methods.md §1.5). `maxNorm = 0` disables clipping (and skips computing the norm). Returns new
 * tensors; disposes none. Async: the norm is read back without a synchronous read, which a GPU
 * backend (webgpu in Node) does not offer.
 */
export async function clipByGlobalNorm(grads: tf.NamedTensorMap, maxNorm: number): Promise<{ grads: tf.NamedTensorMap; norm: number | null }> {
  if (maxNorm <= 0) return { grads, norm: null };
  const names = Object.keys(grads);
  const normTensor = tf.tidy(() => tf.sqrt(tf.addN(names.map((n) => tf.sum(tf.square(grads[n]))))));
  const norm = (await normTensor.data())[0];
  normTensor.dispose();
  if (norm <= maxNorm) return { grads, norm };
  const scale = maxNorm / (norm + 1e-6);
  return { grads: Object.fromEntries(names.map((n) => [n, tf.mul(grads[n], scale)])), norm };
}
