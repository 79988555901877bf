import type * as tf from '@tensorflow/tfjs';

/** How a weight tensor is initialised (methods.md §2 "Initialisation"). */
export type Initializer =
  | { kind: 'he-normal-fan-out'; fanOut: number }
  | { kind: 'uniform-fan-in'; fanIn: number }
  | { kind: 'constant'; value: number };

/** One named tensor of a network: a trainable weight or a batch-norm running statistic. */
export interface TensorSpec {
  name: string;
  shape: number[];
  init: Initializer;
  trainable: boolean;
}

/** Name → tensor for every tensor in a network's `tensors` list. */
export type Weights = ReadonlyMap<string, tf.Variable>;

export interface ForwardOptions {
  /** Training mode: batch norm uses batch statistics and updates its running statistics. */
  training: boolean;
  /** Named layers whose activations to return alongside the logits. */
  collect?: readonly string[];
}

export interface ForwardResult {
  logits: tf.Tensor2D;
  /** The requested named activations, from the same forward pass. */
  activations: Map<string, tf.Tensor>;
}

/** An architecture as data (its tensors) plus one forward function. */
export interface NetworkDefinition {
  tensors: TensorSpec[];
  /** Layers used for CKA, in order (metrics.md §10). */
  namedLayers: readonly string[];
  /** Layer whose output is the penultimate feature vector used for the embedding. */
  featureLayer: string;
  forward(weights: Weights, x: tf.Tensor4D, options: ForwardOptions): ForwardResult;
}
