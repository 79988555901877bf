import { backend_util, Conv2DBackpropInput } from '@tensorflow/tfjs-core';
import type {
  Conv2DBackpropInputAttrs,
  Conv2DBackpropInputInputs,
  KernelConfig,
  KernelFunc,
  TensorInfo,
} from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { convGradientInfo } from './convGradientInfo.js';
import { allocate, copyFloats, f32, floatIndex, heapF32, release } from './heap.js';
import { nativeConvFor, nativeGeometry } from './nativeConv.js';
import { subPixelPhase } from './subPixelPhase.js';
import type { SubPixelPhase } from './subPixelPhase.js';
import { transposeOnHeap } from './transposeOnHeap.js';
import { runWasmKernel } from './wasmKernels.js';

/**
 * dx of a 2-D convolution (NHWC, dilation 1): on the oneDNN addon when it is loaded, else by
 * sub-pixel decomposition: each of the stride² output phases is one stride-1 forward XNNPACK conv
 * of dy with a flipped, in/out-transposed sub-kernel, and the phases are interleaved into dx.
 * Same MACs as the forward conv.
 */
function conv2DBackpropInput(args: {
  inputs: Conv2DBackpropInputInputs;
  backend: BackendWasm;
  attrs: Conv2DBackpropInputAttrs;
}): TensorInfo {
  const { inputs, backend, attrs } = args;
  const dy = inputs.dy as TensorInfo;
  const filter = inputs.filter as TensorInfo;
  const { inputShape } = attrs;
  const info = convGradientInfo(Conv2DBackpropInput, inputShape, filter.shape, attrs, [dy, filter]);
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth, strideHeight, strideWidth } = info;
  const native = nativeConvFor(backend, info);
  if (native != null) {
    const dx = allocate(backend, [batchSize, inHeight, inWidth, inChannels]);
    native.backwardData(f32(backend, dy), f32(backend, filter), f32(backend, dx), nativeGeometry(info));
    return dx;
  }

  const rowPhases = range(strideHeight).map((r) =>
    subPixelPhase(r, strideHeight, info.filterHeight, info.padInfo.top, inHeight, outHeight),
  );
  const colPhases = range(strideWidth).map((r) =>
    subPixelPhase(r, strideWidth, info.filterWidth, info.padInfo.left, inWidth, outWidth),
  );

  const filterT = transposeOnHeap(backend, filter, [0, 1, 3, 2]); // [kh, kw, Co, Ci]

  // Stride 1 without cropping: the single phase is dx itself.
  const exact = (p: SubPixelPhase): boolean => p.crop === 0 && p.excess === 0;
  if (strideHeight === 1 && strideWidth === 1 && exact(rowPhases[0]) && exact(colPhases[0])) {
    const dx = phaseConv(backend, dy, filterT, info, rowPhases[0], colPhases[0]);
    release(backend, filterT);
    return dx;
  }

  const dx = allocate(backend, [batchSize, inHeight, inWidth, inChannels]);
  if (rowPhases.some((p) => p.taps === 0) || colPhases.some((p) => p.taps === 0)) f32(backend, dx).fill(0);
  for (let ry = 0; ry < strideHeight; ry++) {
    for (let rx = 0; rx < strideWidth; rx++) {
      const rows = rowPhases[ry];
      const cols = colPhases[rx];
      if (rows.taps === 0 || cols.taps === 0 || rows.length === 0 || cols.length === 0) continue;
      const phase = phaseConv(backend, dy, filterT, info, rows, cols); // [N, Hc, Wc, Ci]
      interleave(backend, phase, dx, ry, rx, rows, cols, strideHeight, strideWidth);
      release(backend, phase);
    }
  }
  release(backend, filterT);
  return dx;
}

/** Stride-1 forward conv of dy with the phase's sub-kernel: [N, Ho, Wo, Co] → [N, Hc, Wc, Ci]. */
function phaseConv(
  backend: BackendWasm,
  dy: TensorInfo,
  filterT: TensorInfo,
  info: backend_util.Conv2DInfo,
  rows: SubPixelPhase,
  cols: SubPixelPhase,
): TensorInfo {
  const subKernel = flippedSubKernel(backend, filterT, info, rows, cols); // [taps_y, taps_x, Co, Ci]
  const out = runWasmKernel(
    'Conv2D',
    backend,
    { x: dy, filter: subKernel },
    {
      strides: [1, 1],
      pad: [
        [0, 0],
        [rows.padBefore, rows.padAfter],
        [cols.padBefore, cols.padAfter],
        [0, 0],
      ],
      dilations: [1, 1],
      dataFormat: 'NHWC',
    },
  );
  release(backend, subKernel);
  return out;
}

/**
 * K'[t, u, :, :] = Wᵀ[firstTap_y + s·(T_y−1−t), firstTap_x + s·(T_x−1−u), :, :]: the phase's taps
 * in reverse order, each a contiguous [Co, Ci] block of the in/out-transposed filter.
 */
function flippedSubKernel(
  backend: BackendWasm,
  filterT: TensorInfo,
  info: backend_util.Conv2DInfo,
  rows: SubPixelPhase,
  cols: SubPixelPhase,
): TensorInfo {
  const { filterWidth, inChannels, outChannels, strideHeight, strideWidth } = info;
  const block = inChannels * outChannels;
  const kernel = allocate(backend, [rows.taps, cols.taps, outChannels, inChannels]);
  const heap = heapF32(backend);
  const src0 = floatIndex(backend, filterT);
  let dst = floatIndex(backend, kernel);
  for (let t = 0; t < rows.taps; t++) {
    const ky = rows.firstTap + strideHeight * (rows.taps - 1 - t);
    for (let u = 0; u < cols.taps; u++, dst += block) {
      const kx = cols.firstTap + strideWidth * (cols.taps - 1 - u);
      copyFloats(heap, src0 + (ky * filterWidth + kx) * block, dst, block);
    }
  }
  return kernel;
}

/** dx[n, ry + sy·j, rx + sx·i, :] = phase[n, j + crop_y, i + crop_x, :]. */
function interleave(
  backend: BackendWasm,
  phase: TensorInfo,
  dx: TensorInfo,
  ry: number,
  rx: number,
  rows: SubPixelPhase,
  cols: SubPixelPhase,
  strideHeight: number,
  strideWidth: number,
): void {
  const [batch, height, width, channels] = dx.shape;
  const [, phaseHeight, phaseWidth] = phase.shape;
  const heap = heapF32(backend);
  const src0 = floatIndex(backend, phase);
  const dst0 = floatIndex(backend, dx);
  const pixelStep = strideWidth * channels;
  for (let n = 0; n < batch; n++) {
    for (let j = 0; j < rows.length; j++) {
      let src = src0 + ((n * phaseHeight + j + rows.crop) * phaseWidth + cols.crop) * channels;
      let dst = dst0 + ((n * height + ry + strideHeight * j) * width + rx) * channels;
      if (strideWidth === 1) {
        heap.copyWithin(dst, src, src + cols.length * channels);
        continue;
      }
      for (let i = 0; i < cols.length; i++, src += channels, dst += pixelStep) {
        copyFloats(heap, src, dst, channels);
      }
    }
  }
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

export const conv2DBackpropInputConfig: KernelConfig = {
  kernelName: Conv2DBackpropInput,
  backendName: 'wasm',
  kernelFunc: conv2DBackpropInput as unknown as KernelFunc,
};
