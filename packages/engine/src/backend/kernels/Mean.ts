import { Mean } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, MeanAttrs, MeanInputs, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { planAxisBlock, reduceAxisBlock } from './reduceAxisBlock.js';
import { runStockKernel } from './wasmKernels.js';

/** Mean over a block of axes (BatchNorm's leading axes, pooling's spatial ones) in one float64 pass; any other reduction goes to the stock kernel. */
function mean(args: { inputs: MeanInputs; backend: BackendWasm; attrs: MeanAttrs }): TensorInfo {
  const { inputs, backend, attrs } = args;
  const x = inputs.x as TensorInfo;
  const plan = planAxisBlock(x, attrs.axis, attrs.keepDims);
  if (plan == null) return runStockKernel(Mean, backend, { x }, attrs as unknown as NamedAttrMap);
  return reduceAxisBlock(backend, x, plan, 1 / plan.rows);
}

export const meanConfig: KernelConfig = {
  kernelName: Mean,
  backendName: 'wasm',
  kernelFunc: mean as unknown as KernelFunc,
};
