import type { CkaSet } from '@mu/schema';
import type { LoadedDataset } from '../data/loadDataset.js';
import type { Model } from '../models/model.js';
import { type CkaGrams, ckaGrams, listGrams } from './ckaGrams.js';
import { ckaDiagonalFromGrams } from './ckaDiagonalFromGrams.js';
import { CKA_PARTS, type EvaluationPlan } from './evaluationPlan.js';
import type { ReferenceCache } from './referenceCache.js';
import { type ResolvedReference, referenceWeights } from './referenceModel.js';

export interface CkaDiagonalsOptions {
  cache?: ReferenceCache;
  /** Return the evaluated model's own Gram matrices too (when it is itself a reference). */
  keepOwn?: boolean;
  signal?: AbortSignal;
  /** Images done and total, over the references still to compute and the evaluated model. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * The CKA stage (metrics.md §10): the diagonals of `model` against the Original and the
 * Retrained reference, on the plan's four lists. Reference Gram matrices not yet known are
 * computed first (each distinct reference once) and cached; the evaluated model's are then
 * computed list by list and dropped after use unless `keepOwn`.
 *
 *   const { vsOriginal, vsRetrained } = await ckaDiagonals(model, data, plan, { original, retrained }, { cache, signal });
 */
export async function ckaDiagonals(
  model: Model,
  data: LoadedDataset,
  plan: EvaluationPlan,
  references: { original: ResolvedReference | null; retrained: ResolvedReference | null },
  options: CkaDiagonalsOptions = {},
): Promise<{ vsOriginal: CkaSet | null; vsRetrained: CkaSet | null; own: CkaGrams | null }> {
  const { signal, onProgress } = options;
  const { lists, layers, batchSize } = plan.cka;
  const refs = [references.original, references.retrained];
  const listImages = CKA_PARTS.reduce((n, [split, part]) => n + lists[split][part].length, 0);
  const missing = refs.filter((r): r is ResolvedReference => r !== null && !r.self && r.outputs.grams === undefined);
  const distinct = missing.filter((r, i) => missing.findIndex((m) => m.id === r.id) === i);
  const total = listImages * (1 + distinct.length);
  let before = 0;
  const progress = (done: number) => onProgress?.(before + done, total);

  for (const ref of distinct) {
    const grams = await ckaGrams(referenceWeights(ref, 'CKA Gram matrices'), data, plan, { signal, onProgress: progress });
    for (const r of missing) if (r.id === ref.id) r.outputs.grams = grams;
    options.cache?.put(ref.id, plan, { grams });
    before += listImages;
  }

  const sets = refs.map((ref) =>
    ref === null ? null : { referenceModelId: ref.id, train: { forget: [], other: [] }, test: { forget: [], other: [] } } as CkaSet,
  );
  const own = { train: {}, test: {} } as CkaGrams;
  for (const [split, part] of CKA_PARTS) {
    const grams = await listGrams(model, data[split], data.descriptor, lists[split][part], layers, batchSize, { signal, onProgress: progress });
    before += lists[split][part].length;
    refs.forEach((ref, i) => {
      if (ref !== null) sets[i]![split][part] = ckaDiagonalFromGrams(grams, ref.self ? grams : ref.outputs.grams![split][part]);
    });
    if (options.keepOwn) own[split][part] = grams;
  }
  return { vsOriginal: sets[0], vsRetrained: sets[1], own: options.keepOwn ? own : null };
}
