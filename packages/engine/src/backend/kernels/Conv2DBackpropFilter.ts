import { backend_util, Conv2DBackpropFilter, env } from '@tensorflow/tfjs-core';
import type {
  Conv2DBackpropFilterAttrs,
  Conv2DBackpropFilterInputs,
  KernelConfig,
  KernelFunc,
  TensorInfo,
} from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { convGradientInfo } from './convGradientInfo.js';
import { alias, allocate, f32, release, releaseAlias, reshapeInfo } from './heap.js';
import { im2col } from './im2col.js';
import { im2colTransposed } from './im2colTransposed.js';
import { matMulOnHeap } from './matMulOnHeap.js';
import { nativeConvFor, nativeGeometry } from './nativeConv.js';
import { transposeOnHeap } from './transposeOnHeap.js';

/**
 * Floats of dy per GEMM chunk (default 2^19, 2 MiB), a tfjs flag so tests can force small chunks.
 * XNNPACK packs the GEMM's right operand whole and streams it once per block of output rows: kept
 * cache-sized, the GEMM runs near the forward conv's speed; one GEMM over all N·Ho·Wo pixels runs
 * at half that.
 */
export const CHUNK_FLAG = 'WASM_DW_CHUNK_FLOATS';
env().registerFlag(CHUNK_FLAG, () => 1 << 19);

/**
 * dW of a 2-D convolution (NHWC, dilation 1), which stock tfjs-backend-wasm lacks: on the oneDNN
 * addon when it is loaded, else as GEMMs on XNNPACK: dW [kh·kw·Ci, Co] = Σ_pixels patches(x)ᵀ · dy.
 */
function conv2DBackpropFilter(args: {
  inputs: Conv2DBackpropFilterInputs;
  backend: BackendWasm;
  attrs: Conv2DBackpropFilterAttrs;
}): TensorInfo {
  const { inputs, backend, attrs } = args;
  const x = inputs.x as TensorInfo;
  const dy = inputs.dy as TensorInfo;
  const { filterShape } = attrs;
  const info = convGradientInfo(Conv2DBackpropFilter, x.shape, filterShape, attrs, [x, dy]);
  const native = nativeConvFor(backend, info);
  if (native != null) {
    const dW = allocate(backend, filterShape);
    native.backwardWeights(f32(backend, x), f32(backend, dy), f32(backend, dW), nativeGeometry(info));
    return dW;
  }
  return filterGradMethod(info) === 'whole-batch'
    ? filterGradByWholeBatch(backend, x, dy, info)
    : filterGradByImageChunks(backend, x, dy, info);
}

/**
 * 1×1 filters and thin inputs (≤ 4 channels, the stem) have patch rows too short to be worth
 * transposing x: one GEMM over the whole batch. Everything else goes in image chunks.
 */
export function filterGradMethod(info: backend_util.Conv2DInfo): 'whole-batch' | 'image-chunks' {
  const pointwise = info.filterHeight === 1 && info.filterWidth === 1;
  return pointwise || info.inChannels <= 4 ? 'whole-batch' : 'image-chunks';
}

/** Images per GEMM chunk, so that a chunk of dy holds at most the flag's floats (≥ 1 image). */
export function imagesPerChunk(info: backend_util.Conv2DInfo): number {
  const perImage = info.outHeight * info.outWidth * info.outChannels;
  return Math.max(1, Math.min(info.batchSize, Math.floor(env().getNumber(CHUNK_FLAG) / perImage)));
}

/**
 * dW = Σ_chunks patchesᵀ [kh·kw·Ci, P_c] @ dy_c [P_c, Co] over chunks of whole images, whose x
 * and dy are contiguous on the heap (aliased, not copied). Partial sums add up in float32.
 */
function filterGradByImageChunks(
  backend: BackendWasm,
  x: TensorInfo,
  dy: TensorInfo,
  info: backend_util.Conv2DInfo,
): TensorInfo {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, outChannels } = info;
  const images = imagesPerChunk(info);
  const inPixels = inHeight * inWidth;
  const outPixels = outHeight * outWidth;
  let dW: TensorInfo | null = null;
  for (let n0 = 0; n0 < batchSize; n0 += images) {
    const count = Math.min(images, batchSize - n0);
    const xChunk = alias(backend, x, n0 * inPixels * inChannels, [count * inPixels, inChannels]);
    const xT = transposeOnHeap(backend, xChunk, [1, 0]); // [Ci, count·H·W]
    releaseAlias(backend, xChunk);
    const patchesT = im2colTransposed(backend, xT, info, count); // [kh·kw·Ci, count·Ho·Wo]
    release(backend, xT);
    const dyChunk = alias(backend, dy, n0 * outPixels * outChannels, [count * outPixels, outChannels]);
    const partial = matMulOnHeap(backend, patchesT, dyChunk); // [kh·kw·Ci, Co]
    releaseAlias(backend, dyChunk);
    release(backend, patchesT);
    if (dW == null) {
      dW = partial;
    } else {
      const sum = f32(backend, dW);
      const add = f32(backend, partial);
      for (let i = 0; i < sum.length; i++) sum[i] += add[i];
      release(backend, partial);
    }
  }
  return { ...dW!, shape: [info.filterHeight, info.filterWidth, inChannels, outChannels] };
}

/**
 * dW = im2col(x)ᵀ · dy with patches [P = N·Ho·Wo, kh·kw·Ci] in one GEMM. The operand with fewer
 * columns is transposed so the reduction over P is the GEMM's inner dimension.
 */
function filterGradByWholeBatch(
  backend: BackendWasm,
  x: TensorInfo,
  dy: TensorInfo,
  info: backend_util.Conv2DInfo,
): TensorInfo {
  const { filterHeight, filterWidth, inChannels, outChannels } = info;
  const pixels = info.batchSize * info.outHeight * info.outWidth;
  const patch = filterHeight * filterWidth * inChannels;
  const patches = im2col(backend, x, info); // [P, kh·kw·Ci]
  const dy2 = reshapeInfo(backend, dy, [pixels, outChannels]);
  let dW: TensorInfo;
  if (outChannels <= patch) {
    const dyT = transposeOnHeap(backend, dy2, [1, 0]); // [Co, P]
    const dWT = matMulOnHeap(backend, dyT, patches); // [Co, kh·kw·Ci]
    dW = transposeOnHeap(backend, dWT, [1, 0]);
    release(backend, dyT, dWT);
  } else {
    const patchesT = transposeOnHeap(backend, patches, [1, 0]); // [kh·kw·Ci, P]
    dW = matMulOnHeap(backend, patchesT, dy2);
    release(backend, patchesT);
  }
  release(backend, patches, dy2);
  return { ...dW, shape: [filterHeight, filterWidth, inChannels, outChannels] };
}

export const conv2DBackpropFilterConfig: KernelConfig = {
  kernelName: Conv2DBackpropFilter,
  backendName: 'wasm',
  kernelFunc: conv2DBackpropFilter as unknown as KernelFunc,
};
