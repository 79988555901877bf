import * as tf from '@tensorflow/tfjs';
import type { DatasetDescriptor } from '../data/catalog.js';
import { evaluationBatches } from '../data/dataSource.js';
import type { ImageSet } from '../data/imageSet.js';
import type { Model } from '../models/model.js';

/** Where an inference pass reads from and how it reports. */
export interface InferenceOptions {
  /** Positions in the split, visited in this order; default every image. */
  indices?: ArrayLike<number>;
  /** Images per forward pass (default 250); results do not depend on it (metrics.md §0). */
  batchSize?: number;
  /** Named layers (`model.network.namedLayers`, `featureLayer`) whose activations each batch carries. */
  layers?: readonly string[];
  /** Checked before every batch: an abort throws the signal's reason (an AbortError). */
  signal?: AbortSignal;
  /** Called after each batch with the images done and the total. */
  onProgress?: (done: number, total: number) => void;
}

/** One batch of an inference pass: tensors owned by the pass, valid until the next iteration. */
export interface InferenceBatch {
  /** Position of the batch's first image in the visiting order. */
  start: number;
  size: number;
  logits: tf.Tensor2D; // [size, C]
  /** The requested layers' activations, in their own shapes. */
  activations: ReadonlyMap<string, tf.Tensor>;
}

export const DEFAULT_INFERENCE_BATCH = 250;

/**
 * Batched inference-mode forward passes of `model` over images of `set`: one forward pass per
 * batch gives the logits and every requested activation. Unshuffled, unaugmented. The tensors
 * of a batch are disposed when the loop moves on (or leaves), so the consumer copies what it keeps.
 *
 *   for await (const { logits, activations } of inferenceBatches(model, data.test, d, { layers: ['avgpool'] })) { … }
 */
export async function* inferenceBatches(
  model: Model,
  set: ImageSet,
  descriptor: DatasetDescriptor,
  options: InferenceOptions = {},
): AsyncGenerator<InferenceBatch> {
  const { signal, onProgress, layers = [] } = options;
  const total = options.indices?.length ?? set.count;
  const known = new Set([...model.network.namedLayers, model.network.featureLayer]);
  const unknown = layers.find((name) => !known.has(name));
  if (unknown !== undefined) throw new Error(`unknown layer: ${unknown} (expected one of ${[...known].join(', ')})`);

  let start = 0;
  for await (const { x, y } of evaluationBatches(set, descriptor, {
    batchSize: options.batchSize ?? DEFAULT_INFERENCE_BATCH,
    indices: options.indices,
    signal,
  })) {
    const size = x.shape[0];
    // tidy keeps the returned tensors; the collected 'fc' may be the logits tensor itself.
    const [logits, ...collected] = tf.tidy(() => {
      const out = model.forward(x, { training: false, collect: layers });
      return [out.logits, ...layers.map((name) => out.activations.get(name)!)];
    });
    tf.dispose([x, y]);
    try {
      yield { start, size, logits: logits as tf.Tensor2D, activations: new Map(layers.map((name, i) => [name, collected[i]])) };
    } finally {
      tf.dispose([logits, ...collected]);
    }
    start += size;
    onProgress?.(start, total);
  }
}
