import * as tf from '@tensorflow/tfjs';
import type { MethodDescriptor } from '@mu/schema';
import type { DataBatch } from '../data/dataSource.js';
import { crossEntropy, distillationKl } from '../train/losses.js';
import { trainingLogits } from './crossEntropyPhase.js';
import { fisherDiagonal } from './fisherDiagonal.js';
import type { FrozenModel } from './frozenModel.js';
import { gradClipParam, standardParams } from './standardParams.js';
import { batchCount, trainEpochs, type EpochPhase } from './trainEpochs.js';
import type { Unlearn, UnlearnMethod } from './types.js';

/** SCRUB (Kurmanji et al., 2023; methods.md §5.4). */
export const descriptor: MethodDescriptor = {
  id: 'scrub',
  label: 'SCRUB',
  description:
    'SCRUB: a student–teacher min–max. The student moves away from the frozen original on the forget set and stays close to it, and accurate, on the retain set.',
  version: '1',
  params: [
    // lr 1e-3, not the reference UI's 0.01: that value went with the reference's max steps clipped
    // to norm 1; unclipped, as published, the −KL ascent wrecks a memorising model at 0.01
    // (docs/spec-changes/fidelity.md). The published code uses 5e-4.
    ...standardParams({ epochs: 5, lr: 1e-3, batchSize: 128 }),
    { key: 'alpha', label: 'KL weight α', help: 'Weight of the distillation KL in the retain (min) steps.', type: 'float', default: 0.5, min: 0, max: 10, scale: 'linear' },
    { key: 'gamma', label: 'CE weight γ', help: 'Weight of the cross-entropy in the retain (min) steps.', type: 'float', default: 1, min: 0, max: 10, scale: 'linear' },
    { key: 'temperature', label: 'Temperature T', help: 'Softmax temperature of the distillation KL.', type: 'float', default: 2, min: 0.5, max: 10, scale: 'linear' },
    {
      key: 'maxSteps',
      label: 'Max-step epochs',
      help: 'Epochs that begin with forget (max) steps; defaults to all epochs.',
      type: 'int',
      default: 5,
      min: 0,
      max: 500,
      defaultFrom: 'epochs',
      maxFrom: 'epochs',
    },
    gradClipParam(0),
    {
      key: 'referenceFisherVariant',
      label: 'Reference Fisher variant',
      help: "The reference system's variant, for parity checks only: Fisher-scaled max steps with loss −α·KL, both phases clipped to 1.",
      type: 'bool',
      default: false,
    },
  ],
};

interface ScrubParams {
  epochs: number;
  lr: number;
  batchSize: number;
  alpha: number;
  gamma: number;
  temperature: number;
  maxSteps: number;
  gradClip: number;
  referenceFisherVariant: boolean;
}

type TeacherBatch = DataBatch & { teacher: tf.Tensor2D };

/**
 * Each epoch e = 1…E: if e ≤ maxSteps, max steps over the forget set (loss −KL_T(teacher ‖
 * student)); then min steps over the retain set (loss α·KL_T + γ·CE). The teacher is
 * `ctx.original` in inference mode. Constant lr. The reported loss is the min steps' mean.
 */
export const unlearn: Unlearn = async (ctx) => {
  const p = ctx.params as unknown as ScrubParams;
  const { batchSize, temperature: T } = p;

  let scale: Map<string, tf.Tensor> | undefined;
  if (p.referenceFisherVariant) {
    ctx.progress.message('estimating the Fisher diagonal');
    const fisher = await fisherDiagonal(ctx.model, ctx.retain.batches({ batchSize }));
    scale = new Map([...fisher].map(([name, f]) => [name, tf.tidy(() => tf.reciprocal(tf.add(f, 1e-8)))]));
    tf.dispose([...fisher.values()]);
  }
  const gradClip = p.referenceFisherVariant ? 1 : p.gradClip;
  const maxWeight = p.referenceFisherVariant ? p.alpha : 1;

  const maxPhase = (): EpochPhase => ({
    batches: withTeacher(ctx.forget.batches({ batchSize }), ctx.original),
    steps: batchCount(ctx.forget.size, batchSize),
    loss: (b: TeacherBatch) => tf.mul(-maxWeight, distillationKl(b.teacher, trainingLogits(ctx.model, b.x), T)) as tf.Scalar,
    report: false,
    gradClip,
    scale,
  });
  const minPhase = (): EpochPhase => ({
    batches: withTeacher(ctx.retain.batches({ batchSize }), ctx.original),
    steps: batchCount(ctx.retain.size, batchSize),
    loss: (b: TeacherBatch) => {
      const student = trainingLogits(ctx.model, b.x); // one forward pass: batch-norm statistics update once
      return tf.add(tf.mul(p.alpha, distillationKl(b.teacher, student, T)), tf.mul(p.gamma, crossEntropy(student, b.y))) as tf.Scalar;
    },
    gradClip,
  });
  try {
    await trainEpochs(ctx, { epochs: p.epochs, lr: p.lr, phases: (epoch) => (epoch < p.maxSteps ? [maxPhase(), minPhase()] : [minPhase()]) });
  } finally {
    if (scale) tf.dispose([...scale.values()]);
  }
};

/** Each batch with the teacher's inference-mode logits attached, computed outside the gradient tape. */
async function* withTeacher(batches: AsyncIterable<DataBatch>, teacher: FrozenModel): AsyncGenerator<TeacherBatch> {
  for await (const batch of batches) yield { ...batch, teacher: teacher.predict(batch.x) };
}

export default { descriptor, unlearn } satisfies UnlearnMethod;
