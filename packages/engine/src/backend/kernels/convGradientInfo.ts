import { backend_util } from '@tensorflow/tfjs-core';
import type { Conv2DBackpropFilterAttrs, TensorInfo } from '@tensorflow/tfjs-core';

/**
 * The forward convolution's geometry for a gradient kernel, from `computeConv2DInfo`; throws
 * with the reason for what our kernels do not support (NCHW, non-float32 inputs).
 */
export function convGradientInfo(
  kernelName: string,
  inputShape: number[],
  filterShape: number[],
  attrs: Pick<Conv2DBackpropFilterAttrs, 'strides' | 'pad' | 'dataFormat' | 'dimRoundingMode'>,
  tensors: TensorInfo[],
): backend_util.Conv2DInfo {
  const info = backend_util.computeConv2DInfo(
    inputShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
    false,
    backend_util.convertConv2DDataFormat(attrs.dataFormat),
  );
  if (info.dataFormat !== 'channelsLast') {
    throw new Error(`${kernelName} on wasm supports NHWC only, got dataFormat ${attrs.dataFormat}`);
  }
  if (tensors.some((t) => t.dtype !== 'float32')) {
    throw new Error(`${kernelName} on wasm supports float32 only, got ${tensors.map((t) => t.dtype).join(' and ')}`);
  }
  return info;
}
