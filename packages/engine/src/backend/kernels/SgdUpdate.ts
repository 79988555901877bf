import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { allocate, f32 } from './heap.js';

/** Our kernel: one SGD update of one weight tensor → [new weights, new momentum buffer when momentum > 0]. */
export const SgdUpdate = 'SgdUpdate';

export interface SgdUpdateAttrs {
  lr: number;
  momentum: number;
  nesterov: boolean;
  weightDecay: number;
}

/**
 * PyTorch's SGD (methods.md §1.5) in one pass: g = grad + wd·w; b = m·b + g (b = g without a
 * previous buffer); step = g + m·b with Nesterov, else b; w − lr·step. Every operation is rounded
 * to float32 (`Math.fround` of a float64 sum or product of float32 values is the float32 result),
 * so the numbers are bit-identical to the same chain of tfjs element-wise ops.
 */
export function sgdUpdateValues(
  w: Float32Array,
  grad: Float32Array,
  buffer: Float32Array | null,
  attrs: SgdUpdateAttrs,
  wOut: Float32Array,
  bufferOut: Float32Array | null,
): void {
  const f = Math.fround;
  const [lr, m, wd] = [f(attrs.lr), f(attrs.momentum), f(attrs.weightDecay)];
  for (let i = 0; i < w.length; i++) {
    const g = wd > 0 ? f(grad[i] + f(w[i] * wd)) : grad[i];
    let step = g;
    if (bufferOut !== null) {
      const b = buffer === null ? g : f(f(buffer[i] * m) + g);
      bufferOut[i] = b;
      step = attrs.nesterov ? f(g + f(b * m)) : b;
    }
    wOut[i] = f(w[i] - f(step * lr));
  }
}

function sgdUpdate(args: { inputs: { w: TensorInfo; grad: TensorInfo; buffer?: TensorInfo }; backend: BackendWasm; attrs: SgdUpdateAttrs }): TensorInfo[] {
  const { inputs, backend, attrs } = args;
  const wOut = allocate(backend, inputs.w.shape);
  const bufferOut = attrs.momentum > 0 ? allocate(backend, inputs.w.shape) : null;
  const buffer = inputs.buffer ? f32(backend, inputs.buffer) : null;
  sgdUpdateValues(f32(backend, inputs.w), f32(backend, inputs.grad), buffer, attrs, f32(backend, wOut), bufferOut && f32(backend, bufferOut));
  return bufferOut ? [wOut, bufferOut] : [wOut];
}

export const sgdUpdateConfig: KernelConfig = {
  kernelName: SgdUpdate,
  backendName: 'wasm',
  kernelFunc: sgdUpdate as unknown as KernelFunc,
};
