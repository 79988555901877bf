import { backend_util, env } from '@tensorflow/tfjs-core';
import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { allocate, f32 } from './heap.js';
import { nativeConvolutions } from '../nativeConvolutions.js';
import type { NativeConvolutions } from '../nativeConvolutions.js';

/**
 * Whether the wasm convolution and batch norm training kernels call the oneDNN addon when it is
 * loaded (default true), a tfjs flag so tests can exercise the WebAssembly path on a machine that
 * has the addon.
 */
export const NATIVE_CONV_FLAG = 'WASM_NATIVE_CONV';
env().registerFlag(NATIVE_CONV_FLAG, () => true);

let threads = 0;

/** The addon's version (`oneDNN 2.6.3`) when wasm convolutions run on it, else null. */
export function nativeConvolutionsInUse(): string | null {
  const native = nativeConvolutions();
  return native.addon != null && env().getBool(NATIVE_CONV_FLAG) ? native.version : null;
}

/**
 * The addon for this convolution, or null for the WebAssembly path: no addon, the flag off, or a
 * geometry the addon does not take (NCHW, dilation, negative pads, empty tensors). Sets the addon's
 * OpenMP threads to the wasm backend's thread count.
 */
export function nativeConvFor(backend: BackendWasm, info: backend_util.Conv2DInfo): NativeConvolutions | null {
  return nativeGeometryOk(info) ? nativeAddon(backend) : null;
}

/** The addon for the batch norm training kernels, or null for their JavaScript passes; as {@link nativeConvFor}. */
export function nativeBatchNorm(backend: BackendWasm, x: TensorInfo): NativeConvolutions | null {
  return x.shape.every((d) => d > 0) ? nativeAddon(backend) : null;
}

function nativeAddon(backend: BackendWasm): NativeConvolutions | null {
  const { addon } = nativeConvolutions();
  if (addon == null || !env().getBool(NATIVE_CONV_FLAG)) return null;
  const wanted = backend.wasm.tfjs.getThreadsCount();
  if (wanted !== threads) {
    addon.setThreads(wanted);
    threads = wanted;
  }
  return addon;
}

function nativeGeometryOk(info: backend_util.Conv2DInfo): boolean {
  const { top, bottom, left, right } = info.padInfo;
  const fits = (size: number, before: number, after: number, kernel: number, stride: number, out: number) =>
    Math.floor((size + before + after - kernel) / stride) + 1 === out;
  return (
    info.dataFormat === 'channelsLast' &&
    info.dilationHeight === 1 &&
    info.dilationWidth === 1 &&
    Math.min(top, bottom, left, right) >= 0 &&
    Math.min(info.batchSize, info.inHeight, info.inWidth, info.inChannels, info.outChannels, info.outHeight, info.outWidth) > 0 &&
    fits(info.inHeight, top, bottom, info.filterHeight, info.strideHeight, info.outHeight) &&
    fits(info.inWidth, left, right, info.filterWidth, info.strideWidth, info.outWidth)
  );
}

/** The addon's geometry array for a tfjs convolution. */
export function nativeGeometry(info: backend_util.Conv2DInfo): number[] {
  const { top, bottom, left, right } = info.padInfo;
  return [
    info.batchSize, info.inHeight, info.inWidth, info.inChannels, info.outChannels,
    info.filterHeight, info.filterWidth, info.strideHeight, info.strideWidth,
    top, bottom, left, right, info.outHeight, info.outWidth,
  ];
}

/** y = conv(x, filter) (+ bias) (then ReLU) on the addon, into a new tensor of the heap. */
export function nativeForward(
  addon: NativeConvolutions,
  backend: BackendWasm,
  info: backend_util.Conv2DInfo,
  x: TensorInfo,
  filter: TensorInfo,
  bias: TensorInfo | null,
  relu: boolean,
): TensorInfo {
  const y = allocate(backend, info.outShape);
  const biasView = bias == null ? null : f32(backend, bias);
  addon.forward(f32(backend, x), f32(backend, filter), biasView, f32(backend, y), nativeGeometry(info), relu);
  return y;
}
