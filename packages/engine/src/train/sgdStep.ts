import * as tf from '@tensorflow/tfjs';
import type { Model } from '../models/model.js';
import { clipByGlobalNorm } from './clip.js';
import type { Sgd } from './sgd.js';

export interface StepOptions {
  lr: number;
  /** Global-norm clip of the loss gradient, before weight decay; 0 = off. */
  gradClip?: number;
  /** Element-wise gradient masks by variable name (SalUn). */
  mask?: ReadonlyMap<string, tf.Tensor>;
  /** Element-wise gradient scales by variable name (applied before clipping). */
  scale?: ReadonlyMap<string, tf.Tensor>;
}

/**
 * One optimisation step: gradient of `loss` over the model's trainable weights, optional
 * mask/scale, clipping, then the SGD update. Resolves with the loss value; rejects (weights
 * untouched) when it is not finite. Async because values are read back without a synchronous
 * read, which a GPU backend (webgpu in Node) does not offer.
 *
 *   const loss = await sgdStep(model, sgd, () => crossEntropy(model.forward(x, {training: true}).logits, y), {lr});
 */
export async function sgdStep(model: Model, sgd: Sgd, loss: () => tf.Scalar, options: StepOptions): Promise<number> {
  const { value, grads } = tf.tidy(() => {
    const { value, grads } = tf.variableGrads(loss, model.trainable);
    if (!options.mask && !options.scale) return { value, grads };
    const scaled = Object.fromEntries(
      Object.entries(grads).map(([name, grad]) => {
        let out = grad;
        const m = options.mask?.get(name);
        const s = options.scale?.get(name);
        if (m) out = tf.mul(out, m);
        if (s) out = tf.mul(out, s);
        return [name, out];
      }),
    );
    return { value, grads: scaled };
  });
  try {
    const lossValue = (await value.data())[0];
    if (!Number.isFinite(lossValue)) throw new DivergenceError(`training diverged: loss is ${lossValue}`);
    const clipped = await clipByGlobalNorm(grads, options.gradClip ?? 0);
    sgd.apply(clipped.grads, options.lr);
    if (clipped.grads !== grads) tf.dispose(Object.values(clipped.grads));
    return lossValue;
  } finally {
    tf.dispose([value, ...Object.values(grads)]);
  }
}

/** A run that produced a non-finite loss or weights. */
export class DivergenceError extends Error {
  override name = 'DivergenceError';
}
