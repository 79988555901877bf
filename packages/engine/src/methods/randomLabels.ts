import * as tf from '@tensorflow/tfjs';
import type { DataBatch } from '../data/dataSource.js';
import type { Rng } from '../random.js';

/**
 * A label drawn uniformly from the classes other than `forgetClass` (methods.md §5.3):
 * r = int(C − 1), then r if r < fc, else r + 1.
 *
 *   nonForgetLabel(rng, 3, 10) // one of 0, 1, 2, 4, …, 9
 */
export function nonForgetLabel(rng: Rng, forgetClass: number, numClasses: number): number {
  const r = rng.int(numClasses - 1);
  return r < forgetClass ? r : r + 1;
}

export interface RelabelOptions {
  /** The `labels` stream; one draw per relabelled sample, in batch order. */
  rng: Rng;
  forgetClass: number;
  numClasses: number;
  /** `forget-class`: only samples labelled `forgetClass` (RL); `all`: every sample (SalUn's forget phase). */
  which: 'forget-class' | 'all';
}

/**
 * The same batches with random non-forget labels. Labels are drawn afresh on every visit, so a
 * sample seen in two epochs usually gets two different labels. The original `y` is disposed.
 *
 *   for await (const b of relabel(ctx.forget.batches({ batchSize }), { rng, forgetClass, numClasses, which: 'all' })) …
 */
export async function* relabel<B extends DataBatch>(batches: AsyncIterable<B>, options: RelabelOptions): AsyncGenerator<B> {
  const { rng, forgetClass, numClasses, which } = options;
  for await (const batch of batches) {
    const labels = Int32Array.from(await batch.y.data());
    for (let i = 0; i < labels.length; i++) {
      if (which === 'all' || labels[i] === forgetClass) labels[i] = nonForgetLabel(rng, forgetClass, numClasses);
    }
    batch.y.dispose();
    yield { ...batch, y: tf.tensor1d(labels, 'int32') };
  }
}
