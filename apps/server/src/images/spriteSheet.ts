import { imageSize, type ImageSet } from '@mu/engine';

/** Tiles per row of every sprite sheet; part of the API contract (the web client uses it too). */
export const SPRITE_COLUMNS = 16;

export interface SpriteSheet {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/**
 * The images at `indices` as one picture: tile k sits at column k mod 16, row ⌊k / 16⌋, each
 * tile the image's own size; the unused tiles of the last row stay black.
 *
 *   spriteSheet(train, [4, 8, 15]) // { width: 512, height: 32, pixels } for CIFAR-10
 */
export function spriteSheet(set: ImageSet, indices: readonly number[]): SpriteSheet {
  const { width: w, height: h, channels } = set;
  const size = imageSize(set);
  const rows = Math.ceil(indices.length / SPRITE_COLUMNS);
  const width = SPRITE_COLUMNS * w;
  const stride = width * channels;
  const tileStride = w * channels;
  const pixels = new Uint8Array(stride * rows * h);
  indices.forEach((index, k) => {
    const x0 = (k % SPRITE_COLUMNS) * tileStride;
    const y0 = Math.floor(k / SPRITE_COLUMNS) * h;
    const image = set.images.subarray(index * size, (index + 1) * size);
    for (let y = 0; y < h; y++) pixels.set(image.subarray(y * tileStride, (y + 1) * tileStride), (y0 + y) * stride + x0);
  });
  return { width, height: rows * h, pixels };
}
