import { imageSize, type ImageSet } from './imageSet.js';

/**
 * The rule that cuts a fixed subset (cifar10-mini's, applied to Fashion-MNIST at load time):
 * walk the split in file order and keep an image while fewer than `perClass` of its class have
 * been kept. Returns the kept indices, ascending, so classes stay interleaved as in the file;
 * throws when a class has fewer than `perClass` images.
 *
 *   firstPerClass([0, 1, 0, 0, 1], 2, 2); // Int32Array [0, 1, 2, 4]
 */
export function firstPerClass(labels: ArrayLike<number>, numClasses: number, perClass: number): Int32Array {
  const kept = new Array<number>(numClasses).fill(0);
  const indices = new Int32Array(numClasses * perClass);
  let n = 0;
  for (let i = 0; i < labels.length && n < indices.length; i++) {
    if (kept[labels[i]] < perClass) {
      kept[labels[i]]++;
      indices[n++] = i;
    }
  }
  const short = kept.findIndex((k) => k < perClass);
  if (short >= 0) throw new Error(`class ${short} has ${kept[short]} images (a subset needs ${perClass})`);
  return indices;
}

/** The images at `indices`, in that order, as a new set. */
export function selectImages(set: ImageSet, indices: ArrayLike<number>): ImageSet {
  const size = imageSize(set);
  const images = new Uint8Array(indices.length * size);
  const labels = new Uint8Array(indices.length);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    images.set(set.images.subarray(i * size, (i + 1) * size), k * size);
    labels[k] = set.labels[i];
  }
  return { ...set, images, labels, count: indices.length };
}
