import type { MethodDescriptor } from '@mu/schema';
import { crossEntropyPhase } from './crossEntropyPhase.js';
import { mixSources } from './mixSources.js';
import { relabel } from './randomLabels.js';
import { standardParams } from './standardParams.js';
import { batchCount, trainEpochs } from './trainEpochs.js';
import type { Unlearn, UnlearnMethod } from './types.js';

/** RL — Random Labeling (methods.md §5.3). */
export const descriptor: MethodDescriptor = {
  id: 'rl',
  label: 'RL',
  description: 'Random labeling: train on the whole training set, with every forget image carrying a random label of another class.',
  version: '1',
  params: standardParams({ epochs: 3, lr: 1e-3, batchSize: 64 }),
};

interface RlParams {
  epochs: number;
  lr: number;
  batchSize: number;
}

/**
 * Each epoch: one pass over retain ∪ forget shuffled together; every forget-class label is
 * replaced by a fresh draw from the other classes (`labels` stream); CE, constant lr, no clipping.
 */
export const unlearn: Unlearn = async (ctx) => {
  const { epochs, lr, batchSize } = ctx.params as unknown as RlParams;
  const all = mixSources([ctx.retain, ctx.forget], ctx.rng.fork('mix'));
  const labels = { rng: ctx.rng.fork('labels'), forgetClass: ctx.info.forgetClass, numClasses: ctx.info.numClasses, which: 'forget-class' } as const;
  await trainEpochs(ctx, {
    epochs,
    lr,
    phases: () => [crossEntropyPhase(ctx.model, relabel(all.batches({ batchSize }), labels), batchCount(all.size, batchSize))],
  });
};

export default { descriptor, unlearn } satisfies UnlearnMethod;
