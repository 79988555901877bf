import * as tf from '@tensorflow/tfjs';
import type { DataBatch } from '../data/dataSource.js';
import type { Model } from '../models/model.js';
import { inferenceGradients } from './inferenceGradients.js';

/**
 * The diagonal "Fisher" of the reference system's SCRUB variant (methods.md §5.4 (i)): in
 * inference mode, add the element-wise square of each batch's mean-CE gradient until at least
 * `minSamples` images were seen, then divide by the number seen. Keyed by variable name; the
 * caller disposes the tensors.
 *
 *   const fisher = await fisherDiagonal(ctx.model, ctx.retain.batches({ batchSize }));
 */
export async function fisherDiagonal(model: Model, batches: AsyncIterable<DataBatch>, minSamples = 1000): Promise<Map<string, tf.Tensor>> {
  const { totals, samples } = await inferenceGradients(model, batches, { accumulate: 'square', enough: (seen) => seen.samples >= minSamples });
  const fisher = new Map<string, tf.Tensor>();
  for (const [name, total] of totals) {
    fisher.set(name, tf.div(total, Math.max(samples, 1)));
    total.dispose();
  }
  return fisher;
}
