import type { MethodDescriptor, MethodParams, ParamSpec, ParamValue } from '@mu/schema';
import type { DataBatch, DataSource } from '../data/dataSource.js';
import type { Model } from '../models/model.js';
import type { Rng } from '../random.js';
import type { FrozenModel } from './frozenModel.js';
import type { TrainingOps } from './trainingOps.js';

export type { DataBatch, DataSource, FrozenModel, MethodDescriptor, MethodParams, ParamSpec, ParamValue, TrainingOps };
/** Tensor types, so that a custom method needs no import of TensorFlow.js (it gets `tf` as `ctx.ops.tf`). */
export type { Scalar, Tensor, Tensor1D, Tensor2D, Tensor4D } from '@tensorflow/tfjs';

/** What a method knows about the run besides its data (methods.md §6). */
export interface MethodInfo {
  dataset: string;
  architecture: string;
  numClasses: number;
  forgetClass: number;
}

/** Progress callbacks; the framework turns them into progress events (methods.md §4, §6). */
export interface MethodProgress {
  /**
   * An epoch finished, with its mean training loss and the learning rate it used (the scheduled
   * value; stored in the record's history, else the `lr` parameter is). The framework may return a promise (it
   * measures forget-set accuracy with the clock paused before it resolves); built-in methods
   * await it, so that the measurement never overlaps training.
   */
  epoch(done: number, total: number, stats?: { loss?: number; lr?: number }): void | Promise<void>;
  /** A step finished within the current epoch. */
  step(done: number, total: number): void;
  /** A phase outside the epochs began, e.g. "computing saliency mask". */
  message(text: string): void;
  /** Inference-mode accuracy on the forget set, with the clock paused. */
  forgetAccuracy(): Promise<number>;
}

/**
 * Everything a method may use (methods.md §6). It changes `model` in place (or returns another
 * model of the same architecture); the framework does timing, seeding, evaluation and storage.
 */
export interface UnlearnContext {
  /** Trainable copy of the base model; update it in place. */
  model: Model;
  /** Read-only copy of the base model as it was before this run (inference mode only). */
  original: FrozenModel;
  /** Training images of the forget class. */
  forget: DataSource;
  /** All other training images. */
  retain: DataSource;
  /** Validated hyperparameters, defaults filled in (see `resolveParams`). */
  params: MethodParams;
  info: MethodInfo;
  /** The run's `method` stream: uniform(), int(n), shuffle(a), fork(name). */
  rng: Rng;
  progress: MethodProgress;
  /** Fires on cancellation; data iterators then throw an AbortError at their next batch. */
  signal: AbortSignal;
  /** The engine's SGD, step, clipping, schedules, CE and KL, the general epoch loop and `tf` itself. */
  ops: TrainingOps;
}

/** Hook 2 of a method: change the weights. Returning a model replaces `ctx.model` as the result. */
export type Unlearn = (ctx: UnlearnContext) => Promise<void | Model>;

/** A method: data plus one function. Each `methods/*.ts` module default-exports one. */
export interface UnlearnMethod {
  descriptor: MethodDescriptor;
  unlearn: Unlearn;
}
