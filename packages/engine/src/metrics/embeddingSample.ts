import { createRng } from '../random.js';
import { CIFAR10_REFERENCE_SAMPLE } from './cifar10ReferenceSample.js';

/** A fixed list of training images for the embedding and the attack view (metrics.md §5). */
export interface EmbeddingSample {
  sampleId: string;
  /** Training-set indices, class by class (class 0 first). */
  indices: number[];
}

export const EMBEDDING_SAMPLE_SEED = 2048;
export const EMBEDDING_SAMPLE_PER_CLASS = 200;

/**
 * The embedding sample of a dataset: for `cifar10` the reference system's list, otherwise the
 * seeded per-class selection. `labels` are the dataset's training labels in file order.
 *
 *   embeddingSample('fashion-mnist', trainLabels, 10).sampleId // 'fashion-mnist/seeded-2048-200'
 */
export function embeddingSample(datasetId: string, labels: ArrayLike<number>, numClasses: number): EmbeddingSample {
  if (datasetId === 'cifar10') {
    return { sampleId: 'cifar10/reference-2000', indices: [...CIFAR10_REFERENCE_SAMPLE] };
  }
  return {
    sampleId: `${datasetId}/seeded-${EMBEDDING_SAMPLE_SEED}-${EMBEDDING_SAMPLE_PER_CLASS}`,
    indices: seededEmbeddingSample(labels, numClasses),
  };
}

/**
 * Seeded selection: one `embedding-sample` stream forked from seed 2048; for each class in turn,
 * its training indices in ascending order are Fisher–Yates shuffled by that same stream and the
 * first `perClass` (or all, if fewer) kept.
 *
 *   seededEmbeddingSample([0, 1, 0, 1], 2, 1) // one index of class 0, then one of class 1
 */
export function seededEmbeddingSample(
  labels: ArrayLike<number>,
  numClasses: number,
  perClass = EMBEDDING_SAMPLE_PER_CLASS,
  seed = EMBEDDING_SAMPLE_SEED,
): number[] {
  const byClass: number[][] = Array.from({ length: numClasses }, () => []);
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i];
    if (!(Number.isInteger(c) && c >= 0 && c < numClasses)) throw new Error(`invalid label at ${i}: ${c}`);
    byClass[c].push(i);
  }
  const rng = createRng(seed).fork('embedding-sample');
  return byClass.flatMap((indices) => rng.shuffle(indices).slice(0, perClass));
}
