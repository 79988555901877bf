import type { ImageSet } from './imageSet.js';

const side = 32;
const plane = side * side; // 1024 bytes per colour plane
const recordBytes = 1 + 3 * plane; // 3073: label, then R, G and B planes

/**
 * Decodes CIFAR-10 binary records (label byte + 1024 R + 1024 G + 1024 B, each plane row-major)
 * into NHWC pixels. `file` names the source in errors.
 *
 *   const set = readCifar10(bytes, 'cifar10: test_batch.bin');
 *   set.images[0]; // red value of the top-left pixel of image 0
 */
export function readCifar10(bytes: Uint8Array, file: string): ImageSet {
  if (bytes.length === 0 || bytes.length % recordBytes !== 0) {
    throw new Error(`${file}: ${bytes.length} bytes is not a whole number of ${recordBytes}-byte records`);
  }
  const count = bytes.length / recordBytes;
  const images = new Uint8Array(count * 3 * plane);
  const labels = new Uint8Array(count);
  for (let r = 0; r < count; r++) {
    const record = r * recordBytes;
    const label = bytes[record];
    if (label > 9) throw new Error(`${file}: record ${r} has label ${label} (expected 0..9)`);
    labels[r] = label;
    const out = r * 3 * plane;
    for (let c = 0; c < 3; c++) {
      const from = record + 1 + c * plane;
      for (let p = 0; p < plane; p++) images[out + p * 3 + c] = bytes[from + p];
    }
  }
  return { images, labels, count, height: side, width: side, channels: 3 };
}
