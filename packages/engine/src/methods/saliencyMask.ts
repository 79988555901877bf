import * as tf from '@tensorflow/tfjs';
import type { DataBatch } from '../data/dataSource.js';
import type { Model } from '../models/model.js';
import { inferenceGradients } from './inferenceGradients.js';

/**
 * How per-batch gradients g_b become a saliency: `summed` = |Σ_b g_b| (the published SalUn rule,
 * signs kept until the end); `per-batch` = (1/B)·Σ_b |g_b| (the reference system's rule).
 */
export type SaliencyRule = 'summed' | 'per-batch';

/**
 * SalUn's weight saliency mask (methods.md §5.5): the inference-mode gradient of the batch-mean
 * CE over the given forget batches (or the first `maxBatches`, if > 0), combined by `rule`
 * (default `summed`). All N trainable elements are ranked together; with k = ⌊ratio·N⌋ and τ the
 * k-th largest saliency, the mask is 1 where saliency ≥ τ (ties may add a few), else 0.
 * Returns float32 masks keyed by variable name; the caller disposes them.
 *
 *   const mask = await saliencyMask(ctx.model, ctx.forget.batches({ batchSize, shuffle: false }), { ratio: 0.5 });
 */
export async function saliencyMask(
  model: Model,
  batches: AsyncIterable<DataBatch>,
  options: { ratio: number; maxBatches?: number; rule?: SaliencyRule },
): Promise<{ mask: Map<string, tf.Tensor>; threshold: number; ones: number; total: number }> {
  const { ratio, maxBatches = 0, rule = 'summed' } = options;
  const { totals, batches: count } = await inferenceGradients(model, batches, {
    accumulate: rule === 'summed' ? 'sum' : 'abs',
    enough: (seen) => maxBatches > 0 && seen.batches >= maxBatches,
  });
  const saliency = [...totals].map(([name, total]) => [name, rule === 'summed' ? tf.abs(total) : tf.div(total, Math.max(count, 1))] as const);
  tf.dispose([...totals.values()]);
  const mask = new Map<string, tf.Tensor>();
  try {
    const values = await Promise.all(saliency.map(([, s]) => s.data()));
    const total = values.reduce((n, v) => n + v.length, 0);
    const threshold = kthLargest(values, Math.floor(ratio * total));
    for (const [name, s] of saliency) mask.set(name, tf.tidy(() => tf.cast(tf.greaterEqual(s, threshold), 'float32')));
    let ones = 0;
    for (const v of values) for (let i = 0; i < v.length; i++) if (v[i] >= threshold) ones++;
    return { mask, threshold, ones, total };
  } catch (error) {
    tf.dispose([...mask.values()]);
    throw error;
  } finally {
    tf.dispose(saliency.map(([, s]) => s));
  }
}

/** The k-th largest of all values (k ≥ 1); +∞ for k = 0, so that nothing passes. */
export function kthLargest(arrays: readonly ArrayLike<number>[], k: number): number {
  if (k <= 0) return Number.POSITIVE_INFINITY;
  const all = new Float32Array(arrays.reduce((n, a) => n + a.length, 0));
  arrays.reduce((offset, a) => (all.set(a, offset), offset + a.length), 0);
  all.sort(); // ascending, numeric for typed arrays
  return all[all.length - Math.min(k, all.length)];
}
