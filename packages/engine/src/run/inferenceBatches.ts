import type { DatasetDescriptor } from '../data/catalog.js';
import { evaluationBatches } from '../data/dataSource.js';
import type { ImageSet } from '../data/imageSet.js';
import type { Model } from '../models/model.js';
import { type BatchOutputs, inferenceRuntime } from './inferenceRuntime.js';

/** Where an inference pass reads from and how it reports. */
export interface InferenceOptions {
  /** Positions in the split, visited in this order; default every image. */
  indices?: ArrayLike<number>;
  /** Images per forward pass (default 250); results do not depend on it (metrics.md §0). */
  batchSize?: number;
  /** Named layers (`model.network.namedLayers`, `featureLayer`) whose activations each batch carries. */
  layers?: readonly string[];
  /** Named layers whose Gram matrix X·Xᵀ over the batch each batch carries (instead of their activations). */
  grams?: readonly string[];
  /** Checked before every batch: an abort throws the signal's reason (an AbortError). */
  signal?: AbortSignal;
  /** Called after each batch with the images done and the total. */
  onProgress?: (done: number, total: number) => void;
}

/** One batch of an inference pass: its outputs, copied out of the runtime. */
export interface InferenceBatch extends BatchOutputs {
  /** Position of the batch's first image in the visiting order. */
  start: number;
  size: number;
}

export const DEFAULT_INFERENCE_BATCH = 250;

/**
 * Batched inference-mode forward passes of `model` over images of `set`, unshuffled and
 * unaugmented, on the inference runtime (onnxruntime, or tfjs as the fallback; see
 * inferenceRuntime.ts): one forward pass per batch gives the logits and every requested
 * activation or Gram matrix.
 *
 *   for await (const { logits, activations } of inferenceBatches(model, data.test, d, { layers: ['avgpool'] })) { … }
 */
export async function* inferenceBatches(
  model: Model,
  set: ImageSet,
  descriptor: DatasetDescriptor,
  options: InferenceOptions = {},
): AsyncGenerator<InferenceBatch> {
  const { signal, onProgress, layers = [], grams = [] } = options;
  const total = options.indices?.length ?? set.count;
  const known = new Set([...model.network.namedLayers, model.network.featureLayer]);
  const unknown = [...layers, ...grams].find((name) => !known.has(name));
  if (unknown !== undefined) throw new Error(`unknown layer: ${unknown} (expected one of ${[...known].join(', ')})`);

  const runtime = await inferenceRuntime();
  const prepared = await runtime.prepare(model, descriptor.inputShape, { activations: layers, grams });
  try {
    let start = 0;
    for await (const { x, index } of evaluationBatches(set, descriptor, {
      batchSize: options.batchSize ?? DEFAULT_INFERENCE_BATCH,
      indices: options.indices,
      signal,
    })) {
      const size = index.length;
      yield { start, size, ...(await prepared.run(x, size)) };
      start += size;
      onProgress?.(start, total);
    }
  } finally {
    prepared.release();
  }
}
