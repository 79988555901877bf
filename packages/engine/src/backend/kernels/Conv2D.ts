import { backend_util, Conv2D } from '@tensorflow/tfjs-core';
import type { Conv2DAttrs, Conv2DInputs, KernelConfig, KernelFunc, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { nativeConvFor, nativeForward } from './nativeConv.js';
import { runStockKernel } from './wasmKernels.js';

/** The forward convolution on the oneDNN addon when it is loaded, else the stock XNNPACK kernel. */
function conv2D(args: { inputs: Conv2DInputs; backend: BackendWasm; attrs: Conv2DAttrs }): TensorInfo {
  const { inputs, backend, attrs } = args;
  const x = inputs.x as TensorInfo;
  const filter = inputs.filter as TensorInfo;
  const info = forwardConvInfo(x, filter, attrs);
  const native = x.dtype === 'float32' && filter.dtype === 'float32' ? nativeConvFor(backend, info) : null;
  if (native == null) return runStockKernel(Conv2D, backend, inputs, attrs as unknown as NamedAttrMap);
  return nativeForward(native, backend, info, x, filter, null, false);
}

/** The geometry of a forward convolution (Conv2D or FusedConv2D). */
export function forwardConvInfo(
  x: TensorInfo,
  filter: TensorInfo,
  attrs: Pick<Conv2DAttrs, 'strides' | 'pad' | 'dataFormat' | 'dilations' | 'dimRoundingMode'>,
): backend_util.Conv2DInfo {
  return backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filter.shape as [number, number, number, number],
    attrs.strides,
    attrs.dilations,
    attrs.pad,
    attrs.dimRoundingMode,
    false,
    backend_util.convertConv2DDataFormat(attrs.dataFormat),
  );
}

export const conv2DConfig: KernelConfig = {
  kernelName: Conv2D,
  backendName: 'wasm',
  kernelFunc: conv2D as unknown as KernelFunc,
};
