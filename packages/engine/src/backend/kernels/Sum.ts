import { Sum } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, NamedAttrMap, SumAttrs, SumInputs, TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { planAxisBlock, reduceAxisBlock } from './reduceAxisBlock.js';
import { runStockKernel } from './wasmKernels.js';

/** Sum over a block of axes (BatchNorm's leading axes, pooling's spatial ones) in one float64 pass; any other reduction goes to the stock kernel. */
function sum(args: { inputs: SumInputs; backend: BackendWasm; attrs: SumAttrs }): TensorInfo {
  const { inputs, backend, attrs } = args;
  const x = inputs.x as TensorInfo;
  const plan = planAxisBlock(x, attrs.axis, attrs.keepDims);
  if (plan == null) return runStockKernel(Sum, backend, { x }, attrs as unknown as NamedAttrMap);
  return reduceAxisBlock(backend, x, plan, 1);
}

export const sumConfig: KernelConfig = {
  kernelName: Sum,
  backendName: 'wasm',
  kernelFunc: sum as unknown as KernelFunc,
};
