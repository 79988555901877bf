import { checkForgetClass } from '../data/checkForgetClass.js';
import { classSplit } from '../data/classSplit.js';
import type { LoadedDataset } from '../data/loadDataset.js';
import { ckaBatchRanges } from '../metrics/ckaBatchRanges.js';
import { CKA_SAMPLING, type CkaSampling, ckaSamples } from '../metrics/ckaSamples.js';
import { type EmbeddingSample, embeddingSample } from '../metrics/embeddingSample.js';

/** The four CKA image lists (positions in their split), trimmed to the images actually used. */
export interface CkaLists {
  train: { forget: Int32Array; other: Int32Array };
  test: { forget: Int32Array; other: Int32Array };
}

export const CKA_PARTS = [
  ['train', 'forget'],
  ['train', 'other'],
  ['test', 'forget'],
  ['test', 'other'],
] as const;

/**
 * Which images every stage of the evaluation looks at, for one dataset and forget class. The
 * evaluated model and its reference models are always run on the same plan, and reference
 * outputs are cached under `key`.
 */
export interface EvaluationPlan {
  /** Identifies dataset (with checksum), forget class and CKA settings. */
  key: string;
  forgetClass: number;
  numClasses: number;
  /** The 2,000-image embedding sample (metrics.md §5). */
  embedding: EmbeddingSample;
  /** Every training image of the forget class, ascending: the full attack set (metrics.md §7). */
  forgetIndices: Int32Array;
  /** Positions in `forgetIndices` of the sample's forget-class images, in sample order: the subset. */
  subsetPositions: Int32Array;
  cka: { layers: readonly string[]; batchSize: number; lists: CkaLists };
}

/**
 * The CKA preset of a backend (metrics.md §10): GPU backends use the reference counts, CPU-class
 * backends (wasm, cpu, native CPU) the CPU default.
 *
 *   ckaSamplingFor('wasm').batchSize // 200
 */
export function ckaSamplingFor(backend: string): CkaSampling {
  return backend === 'tensorflow-gpu' || backend === 'webgl' ? CKA_SAMPLING.reference : CKA_SAMPLING.cpu;
}

/**
 * Resolves the sample lists of an evaluation: embedding sample, attack sets and the first-N CKA
 * lists (counts clamped to the split; a trailing CKA batch of ≤ 3 images is not used, so it is
 * not in the list either).
 *
 *   const plan = evaluationPlan(data, 3, model.network.namedLayers, ckaSamplingFor('wasm'));
 */
export function evaluationPlan(
  data: LoadedDataset,
  forgetClass: number,
  layers: readonly string[],
  sampling: CkaSampling,
): EvaluationPlan {
  const { descriptor } = data;
  const C = descriptor.numClasses;
  checkForgetClass(forgetClass, C);
  const embedding = embeddingSample(descriptor.id, data.train.labels, C);
  const forgetIndices = classSplit(data.train.labels, forgetClass, C).forget;
  const position = new Map(Array.from(forgetIndices, (index, p) => [index, p]));
  const subsetPositions = Int32Array.from(embedding.indices.filter((i) => data.train.labels[i] === forgetClass), (i) => position.get(i)!);

  const used = (list: number[]) => {
    const ranges = ckaBatchRanges(list.length, sampling.batchSize);
    return Int32Array.from(list.slice(0, ranges.length === 0 ? 0 : ranges[ranges.length - 1][1]));
  };
  const train = ckaSamples(data.train.labels, forgetClass, sampling.train);
  const test = ckaSamples(data.test.labels, forgetClass, sampling.test);
  const lists: CkaLists = {
    train: { forget: used(train.forget), other: used(train.other) },
    test: { forget: used(test.forget), other: used(test.other) },
  };
  const counts = CKA_PARTS.map(([split, part]) => lists[split][part].length).join(',');
  return {
    key: `${descriptor.id}:${data.checksum}|fc ${forgetClass}|cka ${layers.join(',')}|${counts}|batch ${sampling.batchSize}`,
    forgetClass,
    numClasses: C,
    embedding,
    forgetIndices,
    subsetPositions,
    cka: { layers: [...layers], batchSize: sampling.batchSize, lists },
  };
}
