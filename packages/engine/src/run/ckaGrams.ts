import type { DatasetDescriptor } from '../data/catalog.js';
import type { ImageSet } from '../data/imageSet.js';
import type { LoadedDataset } from '../data/loadDataset.js';
import type { Model } from '../models/model.js';
import { CKA_PARTS, type EvaluationPlan } from './evaluationPlan.js';
import { inferenceBatches } from './inferenceBatches.js';

/** Gram matrices of one CKA list: per layer, per mini-batch, X_b X_bᵀ (n_b × n_b, float32). */
export interface LayerGrams {
  /** Images per mini-batch. */
  sizes: number[];
  /** grams[layer][batch], layers in the plan's order. */
  grams: Float32Array[][];
}

/** The Gram matrices of one model for the four CKA lists of a plan. */
export interface CkaGrams {
  train: { forget: LayerGrams; other: LayerGrams };
  test: { forget: LayerGrams; other: LayerGrams };
}

export interface GramHooks {
  signal?: AbortSignal;
  /** Images done and total. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Per-mini-batch Gram matrices of the named layers of `model` for one CKA list (metrics.md §10):
 * each mini-batch is one forward pass, and each layer's activations, flattened per image, are
 * multiplied with themselves inside the inference runtime, so only n × n values per layer are
 * kept, never the activations. The list must already be trimmed to whole batches of more than 3 images.
 *
 *   const grams = await listGrams(model, data.train, d, plan.cka.lists.train.forget, plan.cka.layers, 200);
 */
export async function listGrams(
  model: Model,
  set: ImageSet,
  descriptor: DatasetDescriptor,
  indices: ArrayLike<number>,
  layers: readonly string[],
  batchSize: number,
  hooks: GramHooks = {},
): Promise<LayerGrams> {
  const out: LayerGrams = { sizes: [], grams: layers.map(() => []) };
  for await (const batch of inferenceBatches(model, set, descriptor, { indices, batchSize, grams: layers, ...hooks })) {
    if (batch.size <= 3) throw new Error(`invalid CKA batch: ${batch.size} images (expected more than 3)`);
    layers.forEach((name, l) => out.grams[l].push(batch.grams.get(name)!));
    out.sizes.push(batch.size);
  }
  return out;
}

/**
 * The Gram matrices of `model` for all four CKA lists of the plan, with progress over all of them.
 *
 *   const original = await ckaGrams(originalModel, data, plan, { signal });
 */
export async function ckaGrams(model: Model, data: LoadedDataset, plan: EvaluationPlan, hooks: GramHooks = {}): Promise<CkaGrams> {
  const { lists, layers, batchSize } = plan.cka;
  const total = CKA_PARTS.reduce((n, [split, part]) => n + lists[split][part].length, 0);
  const result = { train: {}, test: {} } as CkaGrams;
  let before = 0;
  for (const [split, part] of CKA_PARTS) {
    const indices = lists[split][part];
    result[split][part] = await listGrams(model, data[split], data.descriptor, indices, layers, batchSize, {
      signal: hooks.signal,
      onProgress: (done) => hooks.onProgress?.(before + done, total),
    });
    before += indices.length;
  }
  return result;
}
