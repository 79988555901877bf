import * as tf from '@tensorflow/tfjs';
import type { MethodDescriptor } from '@mu/schema';
import type { DataBatch, DataSource } from '../data/dataSource.js';
import { crossEntropy } from '../train/losses.js';
import { trainingLogits } from './crossEntropyPhase.js';
import { gradClipParam, standardParams } from './standardParams.js';
import { batchCount, disposeTensors, trainEpochs } from './trainEpochs.js';
import type { Unlearn, UnlearnMethod } from './types.js';

/** NG+ — NegGrad+ (methods.md §5.7). */
export const descriptor: MethodDescriptor = {
  id: 'ngplus',
  label: 'NG+',
  description: 'NegGrad+: gradient ascent on the forget set balanced by descent on the retain set, in the same step.',
  version: '1',
  params: [
    ...standardParams({ epochs: 5, lr: 0.01, batchSize: 128 }),
    {
      key: 'retainWeight',
      label: 'Retain weight β',
      help: 'Loss = β·CE(retain batch) − (1 − β)·CE(forget batch).',
      type: 'float',
      // 0.99, not 0.9: at 0.9 the unbounded ascent term wrecked a memorising model in 5 epochs
      // (retain accuracy 0.19); measured in docs/spec-changes/fidelity.md.
      default: 0.99,
      min: 0.5,
      max: 0.999,
      scale: 'linear',
    },
    gradClipParam(100),
  ],
};

interface NgPlusParams {
  epochs: number;
  lr: number;
  batchSize: number;
  retainWeight: number;
  gradClip: number;
}

type PairedBatch = DataBatch & { forget: DataBatch };

/**
 * Each epoch: one pass over the retain set; every step also takes the next forget batch (the
 * forget iterator reshuffles and restarts when it runs out). Loss β·CE(retain) − (1−β)·CE(forget),
 * two training-mode forward passes, clipped, constant lr.
 */
export const unlearn: Unlearn = async (ctx) => {
  const { epochs, lr, batchSize, retainWeight: beta, gradClip } = ctx.params as unknown as NgPlusParams;
  if (ctx.forget.size < 2) throw new Error(`ngplus needs at least 2 forget images (got ${ctx.forget.size})`);
  const forget = cycle(ctx.forget, batchSize)[Symbol.asyncIterator]();
  try {
    await trainEpochs(ctx, {
      epochs,
      lr,
      phases: () => [
        {
          batches: paired(ctx.retain.batches({ batchSize }), forget),
          steps: batchCount(ctx.retain.size, batchSize),
          gradClip,
          loss: (b: PairedBatch) =>
            tf.sub(
              tf.mul(beta, crossEntropy(trainingLogits(ctx.model, b.x), b.y)),
              tf.mul(1 - beta, crossEntropy(trainingLogits(ctx.model, b.forget.x), b.forget.y)),
            ) as tf.Scalar,
        },
      ],
    });
  } finally {
    await forget.return?.(undefined);
  }
};

/** Shuffled passes over a source, one after another, forever. */
async function* cycle(source: DataSource, batchSize: number): AsyncGenerator<DataBatch> {
  for (;;) yield* source.batches({ batchSize });
}

/** Each batch of `batches` with the next batch of `partner` attached as `forget`. */
async function* paired(batches: AsyncIterable<DataBatch>, partner: AsyncIterator<DataBatch>): AsyncGenerator<PairedBatch> {
  for await (const batch of batches) {
    const next = await partner.next();
    if (next.done) {
      disposeTensors(batch);
      return;
    }
    yield { ...batch, forget: next.value };
  }
}

export default { descriptor, unlearn } satisfies UnlearnMethod;
