import * as tf from '@tensorflow/tfjs';

export interface SgdOptions {
  momentum: number;
  nesterov: boolean;
  weightDecay: number;
}

/**
 * SGD with PyTorch semantics (methods.md §1.5): weight decay added to the gradient, momentum
 * buffer starting at the first gradient, optional Nesterov.
 *
 *   const sgd = new Sgd(model.trainable, {momentum: 0.9, nesterov: false, weightDecay: 5e-4});
 *   sgd.apply(grads, 0.01);
 */
export class Sgd {
  private readonly buffers = new Map<tf.Variable, tf.Variable>();

  constructor(
    private readonly variables: tf.Variable[],
    readonly options: SgdOptions,
  ) {}

  /** One update of every variable that has a gradient in `grads` (keyed by variable name). */
  apply(grads: tf.NamedTensorMap, lr: number): void {
    const { momentum, nesterov, weightDecay } = this.options;
    tf.tidy(() => {
      for (const w of this.variables) {
        const grad = grads[w.name];
        if (!grad) continue;
        const g = weightDecay > 0 ? tf.add(grad, tf.mul(w, weightDecay)) : grad;
        let step: tf.Tensor = g;
        if (momentum > 0) {
          const previous = this.buffers.get(w);
          const buffer = previous ? tf.add(tf.mul(previous, momentum), g) : g;
          if (previous) previous.assign(buffer);
          else this.buffers.set(w, tf.variable(buffer, false));
          step = nesterov ? tf.add(g, tf.mul(buffer, momentum)) : buffer;
        }
        w.assign(tf.sub(w, tf.mul(step, lr)));
      }
    });
  }

  dispose(): void {
    for (const b of this.buffers.values()) b.dispose();
    this.buffers.clear();
  }
}
