import type { MethodDescriptor, ParamSpec } from '@mu/schema';
import { Model } from '../models/model.js';
import type { Schedule } from '../train/schedules.js';
import { RECIPE_DEFAULTS } from '../train/trainConfig.js';
import { crossEntropyPhase } from './crossEntropyPhase.js';
import { standardParams } from './standardParams.js';
import { batchCount, trainEpochs } from './trainEpochs.js';
import type { Unlearn, UnlearnMethod } from './types.js';

/** The Original recipe beyond epochs / lr / batch size (methods.md §3.1), as parameters, so that a run records it whole. */
const RECIPE_PARAMS: ParamSpec[] = [
  { key: 'momentum', label: 'Momentum', type: 'float', default: RECIPE_DEFAULTS.momentum, min: 0, max: 0.999, scale: 'linear', sweepable: false },
  { key: 'nesterov', label: 'Nesterov', type: 'bool', default: RECIPE_DEFAULTS.nesterov },
  { key: 'weightDecay', label: 'Weight decay', type: 'float', default: RECIPE_DEFAULTS.weightDecay, min: 0, max: 1, scale: 'linear', sweepable: false },
  {
    key: 'schedule',
    label: 'Schedule',
    type: 'enum',
    default: 'cosine',
    options: [
      { value: 'cosine', label: 'Cosine annealing' },
      { value: 'constant', label: 'Constant' },
    ],
  },
  { key: 'etaMin', label: 'Cosine floor', help: 'Learning rate the cosine schedule ends at.', type: 'float', default: 0, min: 0, max: 1, maxExclusive: true, scale: 'linear' },
  { key: 'augment', label: 'Augmentation', help: 'Pad-4 crop and horizontal flip.', type: 'bool', default: RECIPE_DEFAULTS.augment },
  { key: 'gradClip', label: 'Gradient clip', help: 'Global-norm clip; 0 = off.', type: 'float', default: RECIPE_DEFAULTS.gradClip, min: 0, max: 1000, scale: 'linear' },
];

/** Retrain — exact unlearning as a method (methods.md §5.6). */
export const descriptor: MethodDescriptor = {
  id: 'retrain',
  label: 'Retrain',
  description:
    "Exact unlearning: train a fresh model on the retain set only, with the designated Original's recipe (by default the reference one: augmentation, SGD with Nesterov momentum, cosine schedule to 0).",
  version: '2',
  params: [...standardParams({ epochs: RECIPE_DEFAULTS.epochs, lr: RECIPE_DEFAULTS.lr, batchSize: RECIPE_DEFAULTS.batchSize }), ...RECIPE_PARAMS],
};

interface RetrainParams {
  epochs: number;
  lr: number;
  batchSize: number;
  momentum: number;
  nesterov: boolean;
  weightDecay: number;
  schedule: 'cosine' | 'constant';
  etaMin: number;
  augment: boolean;
  gradClip: number;
}

/**
 * A fresh model (initial weights from the `init` stream forked from `ctx.rng`) trained on the
 * retain set with the recipe in its parameters, which a run fills from the designated Original's
 * training configuration (`retrainDefaults`). Returns the new model; `ctx.model` is left as it was.
 */
export const unlearn: Unlearn = async (ctx) => {
  const p = ctx.params as unknown as RetrainParams;
  const schedule: Schedule = p.schedule === 'cosine' ? { kind: 'cosine', etaMin: p.etaMin } : { kind: 'constant' };
  const model = Model.create(ctx.model.shape, ctx.rng.fork('init'));
  try {
    await trainEpochs(
      { ...ctx, model },
      {
        epochs: p.epochs,
        lr: p.lr,
        schedule,
        sgd: { momentum: p.momentum, nesterov: p.nesterov, weightDecay: p.weightDecay },
        phases: () => [crossEntropyPhase(model, ctx.retain.batches({ batchSize: p.batchSize, augment: p.augment }), batchCount(ctx.retain.size, p.batchSize), { gradClip: p.gradClip })],
      },
    );
    return model;
  } catch (error) {
    model.dispose();
    throw error;
  }
};

/**
 * Retrain's parameters from an Original's stored training configuration (its checkpoint's
 * `config`): the recipe a Retrained model must share (methods.md §3.1). Values the configuration
 * lacks keep the descriptor's defaults. A multistep schedule has no parameter form, so it must be
 * overridden.
 *
 *   retrainDefaults({ epochs: 30, lr: 0.1, batchSize: 128, schedule: { kind: 'cosine', etaMin: 0 }, … }) // { epochs: 30, …, schedule: 'cosine', etaMin: 0 }
 */
export function retrainDefaults(config: unknown): Record<string, number | boolean | string> {
  const c = (typeof config === 'object' && config !== null ? config : {}) as Record<string, unknown>;
  const out: Record<string, number | boolean | string> = {};
  for (const key of ['epochs', 'lr', 'batchSize', 'momentum', 'weightDecay', 'gradClip'] as const) if (typeof c[key] === 'number') out[key] = c[key];
  for (const key of ['nesterov', 'augment'] as const) if (typeof c[key] === 'boolean') out[key] = c[key];
  const schedule = c.schedule as Partial<Schedule> | undefined;
  if (schedule?.kind === 'cosine') Object.assign(out, { schedule: 'cosine', etaMin: schedule.etaMin ?? 0 });
  else if (schedule?.kind === 'constant') out.schedule = 'constant';
  else if (schedule?.kind === 'multistep') out.schedule = 'multistep';
  return out;
}

export default { descriptor, unlearn } satisfies UnlearnMethod;
