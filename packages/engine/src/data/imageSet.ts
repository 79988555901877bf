/**
 * A split of a dataset in memory: raw 8-bit pixels, NHWC, always 32×32.
 * Image `i` occupies `images[i·32·32·C … (i+1)·32·32·C)`; its label is `labels[i]`.
 */
export interface ImageSet {
  images: Uint8Array;
  labels: Uint8Array;
  count: number;
  height: number;
  width: number;
  channels: number;
}

/** Bytes per image: height · width · channels. */
export function imageSize(set: Pick<ImageSet, 'height' | 'width' | 'channels'>): number {
  return set.height * set.width * set.channels;
}

/**
 * The sets one after another (e.g. the five CIFAR-10 training batches), as one set.
 *
 *   concatImageSets([batch1, batch2]).count; // 20000
 */
export function concatImageSets(sets: readonly ImageSet[]): ImageSet {
  if (sets.length === 0) throw new Error('concatImageSets: no sets given');
  const [{ height, width, channels }] = sets;
  for (const set of sets) {
    if (set.height !== height || set.width !== width || set.channels !== channels) {
      const shape = (s: ImageSet) => `${s.height}×${s.width}×${s.channels}`;
      throw new Error(`concatImageSets: image shape ${shape(set)} differs from ${shape(sets[0])}`);
    }
  }
  if (sets.length === 1) return sets[0];
  const count = sets.reduce((n, set) => n + set.count, 0);
  const size = height * width * channels;
  const images = new Uint8Array(count * size);
  const labels = new Uint8Array(count);
  let offset = 0;
  for (const set of sets) {
    images.set(set.images.subarray(0, set.count * size), offset * size);
    labels.set(set.labels.subarray(0, set.count), offset);
    offset += set.count;
  }
  return { images, labels, count, height, width, channels };
}

/** How many images of each class `0 … numClasses−1` the labels hold. */
export function classCounts(labels: ArrayLike<number>, numClasses: number): number[] {
  const counts = new Array<number>(numClasses).fill(0);
  for (let i = 0; i < labels.length; i++) counts[labels[i]]++;
  return counts;
}
