import * as tf from '@tensorflow/tfjs';
import type { MethodDescriptor } from '@mu/schema';
import { crossEntropyPhase } from './crossEntropyPhase.js';
import { relabel } from './randomLabels.js';
import { saliencyMask } from './saliencyMask.js';
import { gradClipParam, standardParams } from './standardParams.js';
import { batchCount, trainEpochs } from './trainEpochs.js';
import type { Unlearn, UnlearnMethod } from './types.js';

/** SalUn — Saliency Unlearning (methods.md §5.5). */
export const descriptor: MethodDescriptor = {
  id: 'salun',
  label: 'SalUn',
  description:
    'Saliency unlearning: update only the weights that matter most for the forget set (by gradient saliency), with random labels on the forget set and true labels on the retain set.',
  version: '1',
  params: [
    ...standardParams({ epochs: 5, lr: 1e-3, batchSize: 128 }),
    {
      key: 'maskRatio',
      label: 'Mask ratio',
      help: 'Fraction of all weights that are updated: those with the largest forget-set gradient saliency.',
      type: 'float',
      default: 0.5,
      min: 0.1,
      max: 0.9,
      step: 0.05,
      scale: 'linear',
    },
    {
      key: 'saliencyBatches',
      label: 'Saliency batches',
      help: 'Forget batches the saliency is estimated from; 0 = the whole forget set.',
      type: 'int',
      default: 0,
      min: 0,
      max: 1000,
    },
    gradClipParam(100),
    {
      key: 'referenceSaliencyVariant',
      label: 'Reference saliency rule',
      help: "The reference system's mask, for parity checks: mean of |gradient| per batch over the first 5 shuffled forget batches, mask ratio 0.75 (maskRatio and saliencyBatches are then not used).",
      type: 'bool',
      default: false,
    },
  ],
};

interface SalunParams {
  epochs: number;
  lr: number;
  batchSize: number;
  maskRatio: number;
  saliencyBatches: number;
  gradClip: number;
  referenceSaliencyVariant: boolean;
}

/** The reference system's hard-coded saliency settings (its `unlearn_SalUn` thread). */
const REFERENCE_SALIENCY = { ratio: 0.75, maxBatches: 5, rule: 'per-batch' } as const;

/**
 * First (timed) the saliency mask over the forget set in inference mode (the published rule, or
 * with `referenceSaliencyVariant` the reference system's). Then each epoch: the
 * forget set with every label replaced by a random other class, then the retain set with true
 * labels; CE, gradient masked, clipped, constant lr. Weight decay still reaches masked weights.
 */
export const unlearn: Unlearn = async (ctx) => {
  const { epochs, lr, batchSize, maskRatio, saliencyBatches, gradClip, referenceSaliencyVariant } = ctx.params as unknown as SalunParams;
  ctx.progress.message('computing saliency mask');
  const rule = referenceSaliencyVariant ? REFERENCE_SALIENCY : { ratio: maskRatio, maxBatches: saliencyBatches, rule: 'summed' as const };
  // Only a truncated estimate depends on the order; take a random subset then.
  const forgetBatches = ctx.forget.batches({ batchSize, shuffle: rule.maxBatches > 0 });
  const { mask } = await saliencyMask(ctx.model, forgetBatches, rule);
  const labels = { rng: ctx.rng.fork('labels'), forgetClass: ctx.info.forgetClass, numClasses: ctx.info.numClasses, which: 'all' } as const;
  try {
    await trainEpochs(ctx, {
      epochs,
      lr,
      phases: () => [
        crossEntropyPhase(ctx.model, relabel(ctx.forget.batches({ batchSize }), labels), batchCount(ctx.forget.size, batchSize), { mask, gradClip }),
        crossEntropyPhase(ctx.model, ctx.retain.batches({ batchSize }), batchCount(ctx.retain.size, batchSize), { mask, gradClip }),
      ],
    });
  } finally {
    tf.dispose([...mask.values()]);
  }
};

export default { descriptor, unlearn } satisfies UnlearnMethod;
