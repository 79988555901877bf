import * as tf from '@tensorflow/tfjs';
import { reinitializeLastLayers } from '../models/reinitializeLayers.js';
import { clipByGlobalNorm } from '../train/clip.js';
import { crossEntropy, distillationKl } from '../train/losses.js';
import { learningRate } from '../train/schedules.js';
import { Sgd } from '../train/sgd.js';
import { sgdStep } from '../train/sgdStep.js';
import { mixSources } from './mixSources.js';
import { nonForgetLabel, relabel } from './randomLabels.js';
import { UNLEARNING_SGD, batchCount, disposeTensors, trainEpochs } from './trainEpochs.js';

/**
 * The engine's training building blocks, handed to every method as `ctx.ops` (methods.md §6), so
 * that a custom method needs no engine imports, not even of TensorFlow.js: the same `tf`
 * instance that owns the model's variables comes with them.
 *
 *   const sgd = new ctx.ops.Sgd(ctx.model.trainable, ctx.ops.UNLEARNING_SGD);
 *   ctx.ops.sgdStep(ctx.model, sgd, () => ctx.ops.crossEntropy(logits(x), y), { lr });
 */
export const trainingOps = Object.freeze({
  tf,
  /** PyTorch-semantics SGD: `new Sgd(model.trainable, options).apply(grads, lr)`. */
  Sgd,
  /** Momentum 0.9, weight decay 5e-4, Nesterov off (methods.md §4). */
  UNLEARNING_SGD,
  /** One step: gradient, mask/scale, clip, SGD update; returns the loss value. */
  sgdStep,
  clipByGlobalNorm,
  /** The learning rate of an epoch under a schedule (constant, cosine, multistep). */
  learningRate,
  /** Mean cross-entropy of integer labels. */
  crossEntropy,
  /** T²-scaled distillation KL(teacher ‖ student). */
  distillationKl,
  /** The general epoch loop the built-in methods are written with; phases may name their own optimiser and lr. */
  trainEpochs,
  /** Re-initialises the last k layer groups in place (PyTorch `reset_parameters`); returns their names. */
  reinitializeLastLayers,
  /** Batches in a shuffled pass (the last batch is dropped when it holds one image). */
  batchCount,
  /** Disposes every tensor of a batch. */
  disposeTensors,
  /** A uniform label from the classes other than the forget class. */
  nonForgetLabel,
  /** Batches with random non-forget labels (RL, SalUn). */
  relabel,
  /** Several data sources as one, shuffled together (RL's retain ∪ forget). */
  mixSources,
});

export type TrainingOps = typeof trainingOps;
