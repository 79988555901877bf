import type { Rng } from '../random.js';

/** Black border added on every side before the random crop (methods.md §1.2). */
export const augmentPad = 4;

/**
 * One draw of the training augmentation: crop offsets into the padded image (0 … 2·pad, so
 * `pad` means no shift) and a horizontal flip.
 */
export interface Augmentation {
  dx: number;
  dy: number;
  flip: boolean;
}

/** The crop that returns the image unchanged: what evaluation uses. */
export const identityAugmentation: Readonly<Augmentation> = { dx: augmentPad, dy: augmentPad, flip: false };

/**
 * Draws one augmentation from the `augment` stream, in this order: dx = int(9), dy = int(9),
 * flip = uniform() < 0.5.
 */
export function drawAugmentation(rng: Rng): Augmentation {
  const dx = rng.int(2 * augmentPad + 1);
  const dy = rng.int(2 * augmentPad + 1);
  return { dx, dy, flip: rng.uniform() < 0.5 };
}

/**
 * Writes one image, cropped, flipped and mapped through `table`, into `target` at `targetOffset`.
 * Geometry (torchvision's RandomCrop(padding=4) then RandomHorizontalFlip): the image is padded
 * with black (raw 0, so `table[c·256]`) by `augmentPad` on each side, the H×W window at
 * (dy, dx) is taken, then mirrored left–right if `flip`. Both images are NHWC.
 *
 *   augmentImage(x, i * 3072, set.images, idx * 3072, set, table, drawAugmentation(rng));
 */
export function augmentImage(
  target: Float32Array | Uint8Array,
  targetOffset: number,
  source: Uint8Array,
  sourceOffset: number,
  shape: { height: number; width: number; channels: number },
  table: ArrayLike<number>,
  { dx, dy, flip }: Augmentation,
): void {
  const { height, width, channels } = shape;
  const rowBytes = width * channels;
  // Bounds are tested once per row and once per column, not per value: about twice as fast over
  // a CIFAR-10 epoch as a single per-value test.
  let out = targetOffset;
  for (let y = 0; y < height; y++) {
    const sy = y + dy - augmentPad;
    if (sy < 0 || sy >= height) {
      for (let x = 0; x < width; x++) for (let c = 0; c < channels; c++) target[out++] = table[c * 256];
      continue;
    }
    const row = sourceOffset + sy * rowBytes;
    for (let x = 0; x < width; x++) {
      const sx = (flip ? width - 1 - x : x) + dx - augmentPad;
      if (sx < 0 || sx >= width) {
        for (let c = 0; c < channels; c++) target[out++] = table[c * 256];
      } else {
        const from = row + sx * channels;
        for (let c = 0; c < channels; c++) target[out++] = table[c * 256 + source[from + c]];
      }
    }
  }
}
