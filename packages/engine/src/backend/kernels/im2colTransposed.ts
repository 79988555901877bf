import type { backend_util, TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { allocate, floatIndex, heapF32 } from './heap.js';

/**
 * Transposed patch matrix of `images` images: row (ky, kx, ci) holds, for every output pixel
 * (n, oy, ox) of those images, the input value that filter tap sees (0 over the padding).
 * Built from x in channel-major layout xT [Ci, images, H, W], so each row is made of shifted
 * copies of input planes.
 *
 *   const patchesT = im2colTransposed(backend, xT, info, 4); // [kh·kw·Ci, 4·Ho·Wo], caller releases
 */
export function im2colTransposed(
  backend: BackendWasm,
  xT: TensorInfo,
  info: backend_util.Conv2DInfo,
  images: number,
): TensorInfo {
  const { inHeight, inWidth, inChannels, outHeight, outWidth, filterHeight, filterWidth } = info;
  const { strideHeight, strideWidth } = info;
  const { top, left } = info.padInfo;
  const outPixels = outHeight * outWidth;
  const patchesT = allocate(backend, [filterHeight * filterWidth * inChannels, images * outPixels]);
  const heap = heapF32(backend);
  const x0 = floatIndex(backend, xT);
  let dst = floatIndex(backend, patchesT);
  // Stride 1 with output rows as wide as input rows ('same'): a tap's block is one shifted copy.
  const wholePlanes = strideHeight === 1 && strideWidth === 1 && outWidth === inWidth;
  for (let ky = 0; ky < filterHeight; ky++) {
    // Output rows whose tap ky lands inside the input: oy ∈ [firstRow, lastRow].
    const firstRow = Math.max(0, Math.ceil((top - ky) / strideHeight));
    const lastRow = Math.min(outHeight - 1, Math.floor((inHeight - 1 + top - ky) / strideHeight));
    for (let kx = 0; kx < filterWidth; kx++) {
      const firstCol = Math.max(0, Math.ceil((left - kx) / strideWidth));
      const lastCol = Math.min(outWidth - 1, Math.floor((inWidth - 1 + left - kx) / strideWidth));
      const tap: Tap = { ky, kx, firstRow, lastRow, firstCol, lastCol };
      for (let plane = x0, end = x0 + inChannels * images * inHeight * inWidth; plane < end; plane += inHeight * inWidth) {
        heap.fill(0, dst, dst + firstRow * outWidth);
        heap.fill(0, dst + (lastRow + 1) * outWidth, dst + outPixels);
        if (firstRow <= lastRow) {
          if (wholePlanes) copyShiftedPlane(heap, plane, dst, tap, info);
          else copyRows(heap, plane, dst, tap, info);
        }
        dst += outPixels;
      }
    }
  }
  return patchesT;
}

interface Tap {
  ky: number;
  kx: number;
  firstRow: number;
  lastRow: number;
  firstCol: number;
  lastCol: number;
}

/** Rows firstRow…lastRow of a stride-1 block in one `copyWithin`, then zeros over the side padding. */
function copyShiftedPlane(heap: Float32Array, plane: number, dst: number, tap: Tap, info: backend_util.Conv2DInfo): void {
  const width = info.inWidth;
  const shift = tap.kx - info.padInfo.left; // column offset of the tap
  const from = dst + tap.firstRow * width;
  const to = dst + (tap.lastRow + 1) * width;
  const src = plane + (tap.firstRow + tap.ky - info.padInfo.top) * width + shift;
  // Only read inside the plane: the elements a shift would pull from beyond it are padding anyway.
  const start = Math.max(from, from - shift);
  const stop = Math.min(to, to - shift);
  heap.copyWithin(start, src + (start - from), src + (stop - from));
  for (let row = from; row < to; row += width) {
    for (let ox = 0; ox < tap.firstCol; ox++) heap[row + ox] = 0;
    for (let ox = tap.lastCol + 1; ox < width; ox++) heap[row + ox] = 0;
  }
}

/** Any stride and padding: each output row of the block is a (strided) run of one input row. */
function copyRows(heap: Float32Array, plane: number, dst: number, tap: Tap, info: backend_util.Conv2DInfo): void {
  const { inWidth, outWidth, strideHeight, strideWidth } = info;
  const { top, left } = info.padInfo;
  for (let oy = tap.firstRow; oy <= tap.lastRow; oy++) {
    const row = dst + oy * outWidth;
    const src = plane + (oy * strideHeight + tap.ky - top) * inWidth + tap.kx - left;
    for (let ox = 0; ox < tap.firstCol; ox++) heap[row + ox] = 0;
    for (let ox = tap.lastCol + 1; ox < outWidth; ox++) heap[row + ox] = 0;
    if (strideWidth === 1) {
      for (let ox = tap.firstCol; ox <= tap.lastCol; ox++) heap[row + ox] = heap[src + ox];
    } else {
      for (let ox = tap.firstCol; ox <= tap.lastCol; ox++) heap[row + ox] = heap[src + ox * strideWidth];
    }
  }
}
