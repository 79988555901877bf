import type { MethodDescriptor } from '@mu/schema';
import { crossEntropyPhase } from './crossEntropyPhase.js';
import { standardParams } from './standardParams.js';
import { batchCount, trainEpochs } from './trainEpochs.js';
import type { Unlearn, UnlearnMethod } from './types.js';

/** FT — Fine-Tuning (methods.md §5.1). */
export const descriptor: MethodDescriptor = {
  id: 'ft',
  label: 'FT',
  description: 'Fine-tuning: keep training on the retain set only, and let the forget class fade through catastrophic forgetting.',
  version: '1',
  params: [
    ...standardParams({ epochs: 10, lr: 0.01, batchSize: 128 }),
    {
      key: 'etaMin',
      label: 'Final learning rate',
      help: 'Floor of the cosine schedule. 0.01 reproduces the reference system (a constant rate at lr 0.01).',
      type: 'float',
      default: 0,
      min: 0,
      max: 1,
      maxExclusive: true,
      scale: 'linear',
    },
  ],
};

interface FtParams {
  epochs: number;
  lr: number;
  batchSize: number;
  etaMin: number;
}

/** Each epoch: one pass over the retain set, CE with the true labels, cosine lr → etaMin, no clipping. */
export const unlearn: Unlearn = async (ctx) => {
  const { epochs, lr, batchSize, etaMin } = ctx.params as unknown as FtParams;
  await trainEpochs(ctx, {
    epochs,
    lr,
    schedule: { kind: 'cosine', etaMin },
    phases: () => [crossEntropyPhase(ctx.model, ctx.retain.batches({ batchSize }), batchCount(ctx.retain.size, batchSize))],
  });
};

export default { descriptor, unlearn } satisfies UnlearnMethod;
