import type * as tf from '@tensorflow/tfjs';
import type { Model, ModelShape } from '../models/model.js';
import type { ForwardResult } from '../models/network.js';

/** A read-only view of a model: inference-mode passes only, no access to its variables. */
export interface FrozenModel {
  readonly shape: ModelShape;
  /** Logits in inference mode, as a kept tensor the caller disposes. */
  predict(x: tf.Tensor4D): tf.Tensor2D;
  /** Inference-mode forward pass, optionally returning named activations. */
  forward(x: tf.Tensor4D, options?: { collect?: readonly string[] }): ForwardResult;
  /** Copies of every tensor's values, in declaration order. */
  values(): Promise<Float32Array[]>;
  /** A trainable copy (a new model the caller owns and disposes). */
  clone(): Promise<Model>;
}

/**
 * Wraps `model` so that it can only run in inference mode (batch norm with running statistics,
 * never updated) and cannot be trained: the SCRUB teacher, `ctx.original`. The caller keeps
 * ownership of `model` and disposes it.
 *
 *   const original = freezeModel(await base.clone());
 */
export function freezeModel(model: Model): FrozenModel {
  return Object.freeze({
    shape: model.shape,
    predict: (x: tf.Tensor4D) => model.predict(x),
    forward: (x: tf.Tensor4D, options: { collect?: readonly string[] } = {}) => model.forward(x, { training: false, collect: options.collect }),
    values: () => model.values(),
    clone: () => model.clone(),
  });
}
