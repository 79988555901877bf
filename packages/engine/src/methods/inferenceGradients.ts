import * as tf from '@tensorflow/tfjs';
import type { DataBatch } from '../data/dataSource.js';
import type { Model } from '../models/model.js';
import { crossEntropy } from '../train/losses.js';
import { disposeTensors } from './trainEpochs.js';

export interface InferenceGradientOptions {
  /** `sum`: Σ of the gradients, signs kept (SalUn); `abs`: Σ of their magnitudes (the reference's SalUn); `square`: Σ of their element-wise squares (Fisher). */
  accumulate: 'sum' | 'abs' | 'square';
  /** Stop once this returns true, checked after each batch; default: use every batch. */
  enough?: (seen: { batches: number; samples: number }) => boolean;
}

/**
 * Per-variable totals over batches of the gradient of the batch-mean CE, with the model in
 * inference mode (running batch-norm statistics, none updated). Keys are the variable names of
 * `model.trainable`, as `sgdStep`'s mask and scale expect. The caller disposes the tensors.
 *
 *   const { totals } = await inferenceGradients(model, forget.batches({ batchSize, shuffle: false }), { accumulate: 'sum' });
 */
export async function inferenceGradients(
  model: Model,
  batches: AsyncIterable<DataBatch>,
  options: InferenceGradientOptions,
): Promise<{ totals: Map<string, tf.Tensor>; batches: number; samples: number }> {
  const totals = new Map<string, tf.Tensor>(model.trainable.map((v) => [v.name, tf.zerosLike(v)]));
  const seen = { batches: 0, samples: 0 };
  try {
    for await (const batch of batches) {
      try {
        tf.tidy(() => {
          const { grads } = tf.variableGrads(() => crossEntropy(model.forward(batch.x, { training: false }).logits, batch.y), model.trainable);
          for (const [name, total] of totals) {
            const g = options.accumulate === 'square' ? tf.square(grads[name]) : options.accumulate === 'abs' ? tf.abs(grads[name]) : grads[name];
            totals.set(name, tf.keep(tf.add(total, g)));
            total.dispose();
          }
        });
      } finally {
        seen.batches++;
        seen.samples += batch.x.shape[0];
        disposeTensors(batch);
      }
      if (options.enough?.(seen)) break;
    }
  } catch (error) {
    tf.dispose([...totals.values()]);
    throw error;
  }
  return { totals, ...seen };
}
