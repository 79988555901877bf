import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../random.js';
import { assembleBatch } from './assembleBatch.js';
import type { DatasetDescriptor } from './catalog.js';
import type { ImageSet } from './imageSet.js';
import { normalizationTable } from './normalizationTable.js';

/** One batch as typed arrays: normalised NHWC pixels, int32 labels, positions in the split. */
export interface ArrayBatch {
  x: Float32Array; // [batch · H · W · C]
  y: Int32Array;
  index: Int32Array;
}

/** One batch; the consumer disposes `x` and `y`. */
export interface DataBatch {
  /** Normalised images, NHWC. */
  x: tf.Tensor4D; // [batch, 32, 32, C]
  /** int32 labels. */
  y: tf.Tensor1D; // [batch]
  /** Positions of the images in the split they come from. */
  index: Int32Array;
}

export interface BatchOptions {
  batchSize: number;
  /** Visit the images in a fresh random order (default true). */
  shuffle?: boolean;
  /** Random pad-4 crop and horizontal flip per image (default false). */
  augment?: boolean;
}

/** The data a method trains on (methods.md §6). */
export interface DataSource {
  size: number;
  batches(options: BatchOptions): AsyncIterable<DataBatch>;
}

export interface DataSourceOptions {
  /**
   * Either the run's generator, from which the `shuffle` and `augment` streams are forked
   * (methods.md §1.6), or those two streams themselves (to share them between sources).
   * Needed only for shuffled or augmented iteration.
   */
  rng?: Rng | { shuffle: Rng; augment: Rng };
  /** Cancels iteration: each iterator throws `signal.reason` (an AbortError) at its next batch. */
  signal?: AbortSignal;
}

/**
 * A data source over the images of `set` at `indices` (methods.md §1.3, §6).
 *
 * - Each call to `batches()` draws the next Fisher–Yates permutation of `indices` from the
 *   `shuffle` stream, so two epochs visit the images in two different orders.
 * - The last partial batch is kept. The one exception: when shuffling (training), a last batch
 *   of exactly 1 image is skipped, because batch norm in training mode needs at least 2 samples;
 *   for the same reason shuffled iteration refuses `batchSize` 1. Unshuffled iteration
 *   (evaluation) keeps every image.
 * - Augmentation is drawn per image, in visiting order, from the `augment` stream.
 * - `signal.throwIfAborted()` runs before every batch.
 *
 *   const retain = createDataSource(train, classSplit(train.labels, 3).retain, d, { rng, signal });
 *   for await (const { x, y } of retain.batches({ batchSize: 128, augment: true })) { … }
 */
export function createDataSource(
  set: ImageSet,
  indices: ArrayLike<number>,
  descriptor: DatasetDescriptor,
  options: DataSourceOptions = {},
): DataSource {
  const arrays = arraySource(set, indices, descriptor, options);
  async function* batches(batchOptions: BatchOptions): AsyncGenerator<DataBatch> {
    for await (const { x, y, index } of arrays.batches(batchOptions)) {
      yield { x: tf.tensor4d(x, [index.length, set.height, set.width, set.channels]), y: tf.tensor1d(y, 'int32'), index };
    }
  }
  return { size: arrays.size, batches };
}

/** The data source of createDataSource with its batches as typed arrays. */
function arraySource(
  set: ImageSet,
  indices: ArrayLike<number>,
  descriptor: DatasetDescriptor,
  options: DataSourceOptions,
): { size: number; batches(options: BatchOptions): AsyncGenerator<ArrayBatch> } {
  const order = Int32Array.from(indices);
  for (const index of order) {
    if (index < 0 || index >= set.count) {
      throw new Error(`createDataSource: index ${index} out of range (expected 0..${set.count - 1})`);
    }
  }
  if (set.channels !== descriptor.inputShape[2]) {
    throw new Error(`createDataSource: images have ${set.channels} channels, ${descriptor.id} expects ${descriptor.inputShape[2]}`);
  }
  const table = normalizationTable(descriptor.normalization);
  const { rng, signal } = options;
  const streams = rng && 'fork' in rng ? { shuffle: rng.fork('shuffle'), augment: rng.fork('augment') } : rng;

  async function* batches({ batchSize, shuffle = true, augment = false }: BatchOptions): AsyncGenerator<ArrayBatch> {
    const minimum = shuffle ? 2 : 1;
    if (!Number.isInteger(batchSize) || batchSize < minimum) {
      throw new Error(`invalid batchSize: ${batchSize} (expected an integer ≥ ${minimum}${shuffle ? ' when shuffling' : ''})`);
    }
    if ((shuffle || augment) && !streams) {
      throw new Error(`createDataSource: ${shuffle ? 'shuffle' : 'augment'} requested but no rng given`);
    }
    const visit = order.slice();
    if (shuffle) streams!.shuffle.shuffle(visit);
    for (let start = 0; start < visit.length; start += batchSize) {
      signal?.throwIfAborted();
      const index = visit.subarray(start, Math.min(start + batchSize, visit.length));
      if (shuffle && index.length === 1) break;
      yield { ...assembleBatch(set, index, table, augment ? streams!.augment : undefined), index: index.slice() };
      // Let timers and messages run between batches, so that an abort requested from outside
      // (a worker message, a timeout) is seen before the next batch.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  return { size: order.length, batches };
}

/**
 * Unshuffled, unaugmented batches of any size over a whole split (or the given `indices`),
 * for evaluation, as typed arrays (the inference runtime decides where they go).
 *
 *   for await (const { x, y } of evaluationBatches(test, d, { batchSize: 500 })) { … }
 */
export function evaluationBatches(
  set: ImageSet,
  descriptor: DatasetDescriptor,
  options: { batchSize: number; indices?: ArrayLike<number>; signal?: AbortSignal },
): AsyncIterable<ArrayBatch> {
  const indices = options.indices ?? Int32Array.from({ length: set.count }, (_, i) => i);
  return arraySource(set, indices, descriptor, { signal: options.signal }).batches({
    batchSize: options.batchSize,
    shuffle: false,
  });
}
