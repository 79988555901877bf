import * as tf from '@tensorflow/tfjs';
import { SgdUpdate } from '../backend/kernels/SgdUpdate.js';

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

  /**
   * One update of every variable that has a gradient in `grads` (keyed by variable name): one
   * kernel per variable where the backend has ours (wasm), else a chain of tfjs ops with the
   * same float32 result.
   */
  apply(grads: tf.NamedTensorMap, lr: number): void {
    const fused = tf.getKernel(SgdUpdate, tf.getBackend()) != null;
    tf.tidy(() => {
      for (const w of this.variables) {
        const grad = grads[w.name];
        if (!grad) continue;
        const previous = this.buffers.get(w);
        const [next, buffer] = fused ? this.kernelUpdate(w, grad, previous, lr) : this.opsUpdate(w, grad, previous, lr);
        w.assign(next);
        if (buffer && previous) previous.assign(buffer);
        else if (buffer) this.buffers.set(w, tf.variable(buffer, false));
      }
    });
  }

  private kernelUpdate(w: tf.Variable, grad: tf.Tensor, previous: tf.Variable | undefined, lr: number): tf.Tensor[] {
    const inputs: tf.NamedTensorMap = previous ? { w, grad, buffer: previous } : { w, grad };
    return tf.engine().runKernel(SgdUpdate, inputs, { ...this.options, lr } as never) as tf.Tensor[];
  }

  private opsUpdate(w: tf.Variable, grad: tf.Tensor, previous: tf.Variable | undefined, lr: number): tf.Tensor[] {
    const { momentum, nesterov, weightDecay } = this.options;
    const g = weightDecay > 0 ? tf.add(grad, tf.mul(w, weightDecay)) : grad;
    if (momentum === 0) return [tf.sub(w, tf.mul(g, lr))];
    const buffer = previous ? tf.add(tf.mul(previous, momentum), g) : g;
    const step = nesterov ? tf.add(g, tf.mul(buffer, momentum)) : buffer;
    return [tf.sub(w, tf.mul(step, lr)), buffer];
  }

  dispose(): void {
    for (const b of this.buffers.values()) b.dispose();
    this.buffers.clear();
  }
}
