import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { channelMoments, scaleShift } from './batchNormPasses.js';
import { allocate, f32 } from './heap.js';
import { nativeBatchNorm } from './nativeConv.js';

/** Our kernel: training-mode batch norm over N·H·W → [y, batch mean, biased batch variance]. */
export const BatchNormTraining = 'BatchNormTraining';

export interface BatchNormTrainingAttrs {
  epsilon: number;
}

/** y = (x − mean)·γ/√(var + ε) + β in two passes over x on the heap, on the addon when it is loaded. */
function batchNormTraining(args: {
  inputs: { x: TensorInfo; gamma: TensorInfo; beta: TensorInfo };
  backend: BackendWasm;
  attrs: BatchNormTrainingAttrs;
}): TensorInfo[] {
  const { inputs, backend, attrs } = args;
  const { x, gamma, beta } = inputs;
  const channels = x.shape[x.shape.length - 1];
  const y = allocate(backend, x.shape);
  const meanOut = allocate(backend, [channels]);
  const varianceOut = allocate(backend, [channels]);
  const native = nativeBatchNorm(backend, x);
  if (native != null) {
    native.batchNormForward(f32(backend, x), f32(backend, gamma), f32(backend, beta), f32(backend, y), f32(backend, meanOut), f32(backend, varianceOut), attrs.epsilon);
    return [y, meanOut, varianceOut];
  }
  const { mean, variance } = channelMoments(f32(backend, x), channels);
  const g = f32(backend, gamma);
  const b = f32(backend, beta);
  const scale = variance.map((v, c) => g[c] / Math.sqrt(v + attrs.epsilon));
  const shift = mean.map((m, c) => b[c] - m * scale[c]);
  scaleShift(f32(backend, x), Float32Array.from(scale), Float32Array.from(shift), f32(backend, y));
  f32(backend, meanOut).set(mean);
  f32(backend, varianceOut).set(variance);
  return [y, meanOut, varianceOut];
}

export const batchNormTrainingConfig: KernelConfig = {
  kernelName: BatchNormTraining,
  backendName: 'wasm',
  kernelFunc: batchNormTraining as unknown as KernelFunc,
};
