import type { Rng } from '../random.js';
import { augmentImage, drawAugmentation, identityAugmentation } from './augmentation.js';
import { imageSize, type ImageSet } from './imageSet.js';

/**
 * The normalised NHWC pixels and labels of the images at `indices`, in that order. With an
 * `augment` stream, each image gets its own crop and flip, drawn in batch order.
 *
 *   const { x, y } = assembleBatch(train, [4, 8, 15], normalizationTable(d.normalization));
 */
export function assembleBatch(
  set: ImageSet,
  indices: ArrayLike<number>,
  table: Float32Array,
  augment?: Rng,
): { x: Float32Array; y: Int32Array } {
  const size = imageSize(set);
  const x = new Float32Array(indices.length * size);
  const y = new Int32Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const index = indices[i];
    const aug = augment ? drawAugmentation(augment) : identityAugmentation;
    augmentImage(x, i * size, set.images, index * size, set, table, aug);
    y[i] = set.labels[index];
  }
  return { x, y };
}
