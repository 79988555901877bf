import * as tf from '@tensorflow/tfjs';
import type { DataBatch } from '../data/dataSource.js';
import { learningRate, type Schedule } from '../train/schedules.js';
import { Sgd, type SgdOptions } from '../train/sgd.js';
import { sgdStep } from '../train/sgdStep.js';
import type { UnlearnContext } from './types.js';

/** The optimiser every unlearning method shares unless it says otherwise (methods.md §4). */
export const UNLEARNING_SGD: SgdOptions = { momentum: 0.9, nesterov: false, weightDecay: 5e-4 };

/** One pass of an epoch: a stream of batches, the loss to minimise on each, and how to step. */
export interface EpochPhase<B extends DataBatch = DataBatch> {
  /** This epoch's batches, e.g. `ctx.retain.batches({batchSize})`; every tensor of a batch is disposed after its step. */
  batches: AsyncIterable<B>;
  /** How many batches `batches` yields, for step progress (see `batchCount`). */
  steps: number;
  /** The objective to minimise on one batch; it runs inside the gradient tape. */
  loss(batch: B): tf.Scalar;
  /** What a step adds to the epoch's reported loss: the loss itself (default), a mapping of it, or nothing. */
  report?: ((loss: number) => number) | false;
  /** Global-norm clip of the loss gradient before weight decay; 0 = off (default). */
  gradClip?: number;
  /** Element-wise gradient masks by variable name (SalUn). */
  mask?: ReadonlyMap<string, tf.Tensor>;
  /** Element-wise gradient scales by variable name, applied before clipping. */
  scale?: ReadonlyMap<string, tf.Tensor>;
  /** Which of `TrainEpochsOptions.optimizers` steps this phase; default the run's own. */
  optimizer?: string;
  /** This phase's learning rate for the epoch; default the run's scheduled one. */
  lr?: number;
}

export interface TrainEpochsOptions {
  epochs: number;
  lr: number;
  /** Stepped once per epoch; default constant. */
  schedule?: Schedule;
  /** Overrides of `UNLEARNING_SGD`. */
  sgd?: Partial<SgdOptions>;
  /**
   * Further optimisers by name (overrides of `UNLEARNING_SGD`), each with its own momentum
   * buffers, for phases that name them: the guided methods' separate ascent and descent optimisers.
   */
  optimizers?: Readonly<Record<string, Partial<SgdOptions>>>;
  /** The phases of epoch `epoch` (0-based), run in order. Called at the start of each epoch. */
  phases(epoch: number): EpochPhase[];
}

const CONSTANT: Schedule = { kind: 'constant' };

/**
 * The loop every built-in method is a thin wrapper over: for each epoch, run its phases
 * (one SGD step per batch on the phase's loss, in training mode), then report the epoch's
 * mean loss and the learning rate of its last phase. One optimiser for the whole run (plus any
 * named in `optimizers`); momentum carries across phases and epochs.
 *
 *   await trainEpochs(ctx, { epochs, lr, phases: () => [{
 *     batches: ctx.retain.batches({ batchSize }), steps: batchCount(ctx.retain.size, batchSize),
 *     loss: (b) => crossEntropy(ctx.model.forward(b.x, { training: true }).logits, b.y),
 *   }] });
 */
export async function trainEpochs(ctx: Pick<UnlearnContext, 'model' | 'signal' | 'progress'>, options: TrainEpochsOptions): Promise<void> {
  const { epochs, lr, schedule = CONSTANT } = options;
  const sgd = new Sgd(ctx.model.trainable, { ...UNLEARNING_SGD, ...options.sgd });
  const named = new Map(Object.entries(options.optimizers ?? {}).map(([name, o]) => [name, new Sgd(ctx.model.trainable, { ...UNLEARNING_SGD, ...o })]));
  const optimizerOf = (phase: EpochPhase) => {
    if (phase.optimizer === undefined) return sgd;
    const found = named.get(phase.optimizer);
    if (!found) throw new Error(`unknown optimizer: ${phase.optimizer} (expected one of ${[...named.keys()].join(', ') || 'none'})`);
    return found;
  };
  try {
    for (let epoch = 0; epoch < epochs; epoch++) {
      const epochLr = learningRate(schedule, lr, epoch, epochs);
      const phases = options.phases(epoch);
      const phaseOptimizers = phases.map(optimizerOf);
      const total = phases.reduce((n, p) => n + p.steps, 0);
      let done = 0;
      let lossSum = 0;
      let samples = 0;
      for (const [p, phase] of phases.entries()) {
        for await (const batch of phase.batches) {
          try {
            ctx.signal.throwIfAborted();
            const loss = sgdStep(ctx.model, phaseOptimizers[p], () => phase.loss(batch), {
              lr: phase.lr ?? epochLr,
              gradClip: phase.gradClip,
              mask: phase.mask,
              scale: phase.scale,
            });
            if (phase.report !== false) {
              const n = batch.x.shape[0];
              lossSum += (phase.report ? phase.report(loss) : loss) * n;
              samples += n;
            }
          } finally {
            disposeTensors(batch);
          }
          ctx.progress.step(++done, Math.max(total, done));
        }
      }
      const reportedLr = phases.at(-1)?.lr ?? epochLr;
      await ctx.progress.epoch(epoch + 1, epochs, samples > 0 ? { loss: lossSum / samples, lr: reportedLr } : { lr: reportedLr });
    }
  } finally {
    sgd.dispose();
    for (const o of named.values()) o.dispose();
  }
}

/**
 * How many batches a shuffled pass over `size` images yields: the last partial batch is kept,
 * unless it holds a single image (methods.md §1.3).
 *
 *   batchCount(10, 4) // 3;  batchCount(9, 4) // 2
 */
export function batchCount(size: number, batchSize: number): number {
  return Math.ceil(size / batchSize) - (size % batchSize === 1 ? 1 : 0);
}

/** Disposes every tensor of a batch, including those of nested batches (NG+'s forget batch). */
export function disposeTensors(batch: object): void {
  for (const value of Object.values(batch)) {
    if (value instanceof tf.Tensor) value.dispose();
    else if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value)) disposeTensors(value);
  }
}
