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
 * mask/scale, clipping, then the SGD update. Returns the loss value; throws when it is not finite.
 */
export function sgdStep(model: Model, sgd: Sgd, loss: () => tf.Scalar, options: StepOptions): number {
  return tf.tidy(() => {
    const { value, grads } = tf.variableGrads(loss, model.trainable);
    const lossValue = value.dataSync()[0];
    if (!Number.isFinite(lossValue)) throw new DivergenceError(`training diverged: loss is ${lossValue}`);
    let g: tf.NamedTensorMap = grads;
    if (options.mask || options.scale) {
      g = Object.fromEntries(
        Object.entries(g).map(([name, grad]) => {
          let out = grad;
          const m = options.mask?.get(name);
          const s = options.scale?.get(name);
          if (m) out = tf.mul(out, m);
          if (s) out = tf.mul(out, s);
          return [name, out];
        }),
      );
    }
    sgd.apply(clipByGlobalNorm(g, options.gradClip ?? 0).grads, options.lr);
    return lossValue;
  });
}

/** A run that produced a non-finite loss or weights. */
export class DivergenceError extends Error {
  override name = 'DivergenceError';
}
