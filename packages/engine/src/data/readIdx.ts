import type { ImageSet } from './imageSet.js';

const imagesMagic = 0x00000803; // 2051: unsigned bytes, 3 dimensions
const labelsMagic = 0x00000801; // 2049: unsigned bytes, 1 dimension

/**
 * Decodes an IDX image file and its label file (the MNIST / Fashion-MNIST format) into one
 * NHWC set with 1 channel, each image zero-padded, centred, to `size`×`size` (28 → 32 pads 2 px
 * on every side, methods.md §1.2). `files` name the sources in errors.
 *
 *   readIdx(images, labels, { images: 'fashion-mnist: t10k-images-idx3-ubyte.gz', labels: '…' });
 */
export function readIdx(
  imageBytes: Uint8Array,
  labelBytes: Uint8Array,
  files: { images: string; labels: string },
  size = 32,
  numClasses = 10,
): ImageSet {
  const source = readIdxImages(imageBytes, files.images);
  const labels = readIdxLabels(labelBytes, files.labels, numClasses);
  if (labels.length !== source.count) {
    throw new Error(`${files.labels}: ${labels.length} labels for ${source.count} images in ${files.images}`);
  }
  const { count, rows, cols, pixels } = source;
  const top = (size - rows) / 2;
  const left = (size - cols) / 2;
  if (!Number.isInteger(top) || !Number.isInteger(left) || top < 0 || left < 0) {
    throw new Error(`${files.images}: ${rows}×${cols} images cannot be centred in ${size}×${size}`);
  }
  const images = new Uint8Array(count * size * size); // zeros: the black border
  for (let i = 0; i < count; i++) {
    for (let y = 0; y < rows; y++) {
      const from = (i * rows + y) * cols;
      images.set(pixels.subarray(from, from + cols), (i * size + y + top) * size + left);
    }
  }
  return { images, labels, count, height: size, width: size, channels: 1 };
}

/** The header and pixel bytes of an IDX image file (magic 2051). */
export function readIdxImages(bytes: Uint8Array, file: string): { count: number; rows: number; cols: number; pixels: Uint8Array } {
  const view = header(bytes, file, 16);
  const magic = view.getUint32(0);
  if (magic !== imagesMagic) throw new Error(`${file}: bad IDX magic ${magic} (expected ${imagesMagic} for images)`);
  const count = view.getUint32(4);
  const rows = view.getUint32(8);
  const cols = view.getUint32(12);
  const expected = 16 + count * rows * cols;
  if (bytes.length !== expected) {
    throw new Error(`${file}: ${bytes.length} bytes, expected ${expected} for ${count} images of ${rows}×${cols}`);
  }
  return { count, rows, cols, pixels: bytes.subarray(16) };
}

/** The labels of an IDX label file (magic 2049), each checked to lie in 0 … numClasses−1. */
export function readIdxLabels(bytes: Uint8Array, file: string, numClasses = 10): Uint8Array {
  const view = header(bytes, file, 8);
  const magic = view.getUint32(0);
  if (magic !== labelsMagic) throw new Error(`${file}: bad IDX magic ${magic} (expected ${labelsMagic} for labels)`);
  const count = view.getUint32(4);
  if (bytes.length !== 8 + count) throw new Error(`${file}: ${bytes.length} bytes, expected ${8 + count} for ${count} labels`);
  const labels = bytes.slice(8);
  const bad = labels.findIndex((label) => label >= numClasses);
  if (bad >= 0) throw new Error(`${file}: label ${bad} is ${labels[bad]} (expected 0..${numClasses - 1})`);
  return labels;
}

function header(bytes: Uint8Array, file: string, length: number): DataView {
  if (bytes.length < length) throw new Error(`${file}: ${bytes.length} bytes is shorter than the ${length}-byte IDX header`);
  return new DataView(bytes.buffer, bytes.byteOffset, length);
}
