import type { MethodDescriptor } from '@mu/schema';
import { Model } from '../models/model.js';
import { RECIPE_DEFAULTS } from '../train/trainConfig.js';
import { crossEntropyPhase } from './crossEntropyPhase.js';
import { standardParams } from './standardParams.js';
import { batchCount, trainEpochs } from './trainEpochs.js';
import type { Unlearn, UnlearnMethod } from './types.js';

/** Retrain — exact unlearning as a method (methods.md §5.6). */
export const descriptor: MethodDescriptor = {
  id: 'retrain',
  label: 'Retrain',
  description:
    'Exact unlearning: train a fresh model on the retain set only, with the Original recipe (augmentation, SGD with Nesterov momentum, cosine schedule to 0).',
  version: '1',
  params: standardParams({ epochs: RECIPE_DEFAULTS.epochs, lr: RECIPE_DEFAULTS.lr, batchSize: RECIPE_DEFAULTS.batchSize }),
};

interface RetrainParams {
  epochs: number;
  lr: number;
  batchSize: number;
}

/**
 * A fresh model (initial weights from the `init` stream forked from `ctx.rng`) trained on the
 * retain set with the recipe of methods.md §3.1: pad-crop-flip augmentation, CE, SGD momentum 0.9
 * with Nesterov and weight decay 5e-4, cosine annealing to 0. Returns the new model; `ctx.model`
 * is left as it was.
 */
export const unlearn: Unlearn = async (ctx) => {
  const { epochs, lr, batchSize } = ctx.params as unknown as RetrainParams;
  const { momentum, nesterov, weightDecay, augment } = RECIPE_DEFAULTS;
  const model = Model.create(ctx.model.shape, ctx.rng.fork('init'));
  try {
    await trainEpochs(
      { ...ctx, model },
      {
        epochs,
        lr,
        schedule: { kind: 'cosine', etaMin: 0 },
        sgd: { momentum, nesterov, weightDecay },
        phases: () => [crossEntropyPhase(model, ctx.retain.batches({ batchSize, augment }), batchCount(ctx.retain.size, batchSize))],
      },
    );
    return model;
  } catch (error) {
    model.dispose();
    throw error;
  }
};

export default { descriptor, unlearn } satisfies UnlearnMethod;
