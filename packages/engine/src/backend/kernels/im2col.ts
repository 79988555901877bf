import type { backend_util, TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { allocate, copyFloats, floatIndex, heapF32, reshapeInfo } from './heap.js';

/**
 * Patch matrix of an NHWC input: row (n, oy, ox) holds the kh·kw·Ci inputs its output pixel sees,
 * in filter order (ky, kx, ci), zeros where the window hangs over the padding.
 * A 1×1, stride-1, unpadded conv needs no copy: x itself is the matrix.
 *
 *   const cols = im2col(backend, x, info); // [N·Ho·Wo, kh·kw·Ci], caller releases
 */
export function im2col(backend: BackendWasm, x: TensorInfo, info: backend_util.Conv2DInfo): TensorInfo {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, filterHeight, filterWidth } = info;
  const { strideHeight, strideWidth } = info;
  const { top, left } = info.padInfo;
  const rows = batchSize * outHeight * outWidth;
  const patch = filterHeight * filterWidth * inChannels;
  const identity =
    filterHeight === 1 &&
    filterWidth === 1 &&
    strideHeight === 1 &&
    strideWidth === 1 &&
    top === 0 &&
    left === 0 &&
    outHeight === inHeight &&
    outWidth === inWidth;
  if (identity) return reshapeInfo(backend, x, [rows, patch]);

  const cols = allocate(backend, [rows, patch]);
  const heap = heapF32(backend);
  const x0 = floatIndex(backend, x);
  let dst = floatIndex(backend, cols);
  for (let n = 0; n < batchSize; n++) {
    for (let oy = 0; oy < outHeight; oy++) {
      for (let ox = 0; ox < outWidth; ox++) {
        for (let ky = 0; ky < filterHeight; ky++) {
          const iy = oy * strideHeight + ky - top;
          const rowInside = iy >= 0 && iy < inHeight;
          for (let kx = 0; kx < filterWidth; kx++, dst += inChannels) {
            const ix = ox * strideWidth + kx - left;
            if (rowInside && ix >= 0 && ix < inWidth) {
              copyFloats(heap, x0 + ((n * inHeight + iy) * inWidth + ix) * inChannels, dst, inChannels);
            } else {
              heap.fill(0, dst, dst + inChannels);
            }
          }
        }
      }
    }
  }
  return cols;
}
