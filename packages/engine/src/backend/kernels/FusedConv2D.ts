import { FusedConv2D, util } from '@tensorflow/tfjs-core';
import type { FusedConv2DAttrs, FusedConv2DInputs, KernelConfig, KernelFunc, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { forwardConvInfo } from './Conv2D.js';
import { nativeConvFor, nativeForward } from './nativeConv.js';
import { runStockKernel } from './wasmKernels.js';

/**
 * conv + per-channel bias + ReLU or no activation (the inference models' folded conv-bn) on the
 * oneDNN addon when it is loaded; other activations, PReLU and broadcast biases go to the stock kernel.
 */
function fusedConv2D(args: { inputs: FusedConv2DInputs; backend: BackendWasm; attrs: FusedConv2DAttrs }): TensorInfo {
  const { inputs, backend, attrs } = args;
  const x = inputs.x as TensorInfo;
  const filter = inputs.filter as TensorInfo;
  const bias = (inputs.bias as TensorInfo | undefined) ?? null;
  const info = forwardConvInfo(x, filter, attrs);
  const supported =
    (attrs.activation === 'linear' || attrs.activation === 'relu') &&
    inputs.preluActivationWeights == null &&
    [x, filter, ...(bias ? [bias] : [])].every((t) => t.dtype === 'float32') &&
    (bias == null || util.sizeFromShape(bias.shape) === info.outChannels);
  const native = supported ? nativeConvFor(backend, info) : null;
  if (native == null) return runStockKernel(FusedConv2D, backend, inputs, attrs as unknown as NamedAttrMap);
  return nativeForward(native, backend, info, x, filter, bias, attrs.activation === 'relu');
}

export const fusedConv2DConfig: KernelConfig = {
  kernelName: FusedConv2D,
  backendName: 'wasm',
  kernelFunc: fusedConv2D as unknown as KernelFunc,
};
