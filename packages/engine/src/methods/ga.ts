import type { MethodDescriptor } from '@mu/schema';
import { crossEntropyPhase } from './crossEntropyPhase.js';
import { gradClipParam, standardParams } from './standardParams.js';
import { batchCount, trainEpochs } from './trainEpochs.js';
import type { Unlearn, UnlearnMethod } from './types.js';

/** GA — Gradient Ascent (methods.md §5.2). */
export const descriptor: MethodDescriptor = {
  id: 'ga',
  label: 'GA',
  description: 'Gradient ascent: push the model away from the forget data by maximising its cross-entropy on it.',
  version: '1',
  params: [...standardParams({ epochs: 7, lr: 1e-4, batchSize: 256 }), gradClipParam(100)],
};

interface GaParams {
  epochs: number;
  lr: number;
  batchSize: number;
  gradClip: number;
}

/** Each epoch: one pass over the forget set, loss −CE, clipped, constant lr; reports the positive CE. */
export const unlearn: Unlearn = async (ctx) => {
  const { epochs, lr, batchSize, gradClip } = ctx.params as unknown as GaParams;
  await trainEpochs(ctx, {
    epochs,
    lr,
    phases: () => [
      crossEntropyPhase(ctx.model, ctx.forget.batches({ batchSize }), batchCount(ctx.forget.size, batchSize), { ascent: true, gradClip }),
    ],
  });
};

export default { descriptor, unlearn } satisfies UnlearnMethod;
