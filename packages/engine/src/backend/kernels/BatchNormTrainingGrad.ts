import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { BatchNormTrainingAttrs } from './BatchNormTraining.js';
import { gradientSums, inputGradient } from './batchNormPasses.js';
import { allocate, f32 } from './heap.js';
import { nativeBatchNorm } from './nativeConv.js';

/** Our kernel: the gradient of {@link BatchNormTraining} → [dx, dγ, dβ]. */
export const BatchNormTrainingGrad = 'BatchNormTrainingGrad';

/**
 * With r = 1/√(var + ε), a = γ·r, x̂ = (x − mean)·r and n = N·H·W:
 * dβ = Σdy, dγ = Σdy·x̂, dx = a·dy − a·dγ·r/n·(x − mean) − a·dβ/n. Two passes over dy and x, on
 * the addon when it is loaded.
 */
function batchNormTrainingGrad(args: {
  inputs: { dy: TensorInfo; x: TensorInfo; mean: TensorInfo; variance: TensorInfo; gamma: TensorInfo };
  backend: BackendWasm;
  attrs: BatchNormTrainingAttrs;
}): TensorInfo[] {
  const { inputs, backend, attrs } = args;
  const { dy, x } = inputs;
  const channels = x.shape[x.shape.length - 1];
  const n = f32(backend, x).length / channels;
  const dx = allocate(backend, x.shape);
  const dGammaOut = allocate(backend, [channels]);
  const dBetaOut = allocate(backend, [channels]);
  const mean = f32(backend, inputs.mean);
  const variance = f32(backend, inputs.variance);
  const gamma = f32(backend, inputs.gamma);
  const native = nativeBatchNorm(backend, x);
  if (native != null) {
    native.batchNormBackward(f32(backend, dy), f32(backend, x), mean, variance, gamma, f32(backend, dx), f32(backend, dGammaOut), f32(backend, dBetaOut), attrs.epsilon);
    return [dx, dGammaOut, dBetaOut];
  }
  const { dySum, dyXcSum } = gradientSums(f32(backend, dy), f32(backend, x), mean);
  const r = new Float64Array(channels).map((_, c) => 1 / Math.sqrt(variance[c] + attrs.epsilon));
  const a = r.map((rc, c) => gamma[c] * rc);
  const dGamma = dyXcSum.map((s, c) => s * r[c]);
  const k1 = a.map((ac, c) => (-ac * dGamma[c] * r[c]) / n);
  const k0 = a.map((ac, c) => (-ac * dySum[c]) / n - k1[c] * mean[c]);
  inputGradient(f32(backend, dy), f32(backend, x), Float32Array.from(a), Float32Array.from(k1), Float32Array.from(k0), f32(backend, dx));
  f32(backend, dGammaOut).set(dGamma);
  f32(backend, dBetaOut).set(dySum);
  return [dx, dGammaOut, dBetaOut];
}

export const batchNormTrainingGradConfig: KernelConfig = {
  kernelName: BatchNormTrainingGrad,
  backendName: 'wasm',
  kernelFunc: batchNormTrainingGrad as unknown as KernelFunc,
};
