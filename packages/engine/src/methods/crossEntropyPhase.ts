import * as tf from '@tensorflow/tfjs';
import type { DataBatch } from '../data/dataSource.js';
import type { Model } from '../models/model.js';
import { crossEntropy } from '../train/losses.js';
import type { EpochPhase } from './trainEpochs.js';

/** Logits of the trained model in training mode (batch statistics, running statistics updated). */
export function trainingLogits(model: Model, x: tf.Tensor4D): tf.Tensor2D {
  return model.forward(x, { training: true }).logits;
}

export interface CrossEntropyPhaseOptions extends Pick<EpochPhase, 'gradClip' | 'mask'> {
  /** Maximise the cross-entropy (gradient ascent); the reported loss stays the positive CE. */
  ascent?: boolean;
}

/**
 * The most common phase: one SGD step per batch on the cross-entropy with the batch's labels
 * (true ones, or those a `relabel` stream put there), or on its negation for gradient ascent.
 *
 *   crossEntropyPhase(ctx.model, ctx.forget.batches({ batchSize }), batchCount(ctx.forget.size, batchSize), { ascent: true, gradClip: 100 })
 */
export function crossEntropyPhase(
  model: Model,
  batches: AsyncIterable<DataBatch>,
  steps: number,
  options: CrossEntropyPhaseOptions = {},
): EpochPhase {
  const { ascent = false, gradClip, mask } = options;
  return {
    batches,
    steps,
    gradClip,
    mask,
    loss: (b) => {
      const ce = crossEntropy(trainingLogits(model, b.x), b.y);
      return ascent ? tf.neg(ce) : ce;
    },
    report: ascent ? (loss) => -loss : undefined,
  };
}
