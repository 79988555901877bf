import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { release, reshapeInfo } from './heap.js';
import { runWasmKernel } from './wasmKernels.js';

/**
 * Plain GEMM a [M, K] @ b [K, N] → [M, N] on XNNPACK: the one BatchMatMul case the wasm backend
 * runs fast (no transposes, batch 1). Returns a new tensor the caller owns.
 */
export function matMulOnHeap(backend: BackendWasm, a: TensorInfo, b: TensorInfo): TensorInfo {
  const [m, k] = a.shape.slice(-2);
  const n = b.shape[b.shape.length - 1];
  const a3 = reshapeInfo(backend, a, [1, m, k]);
  const b3 = reshapeInfo(backend, b, [1, k, n]);
  const out = runWasmKernel('BatchMatMul', backend, { a: a3, b: b3 }, { transposeA: false, transposeB: false });
  release(backend, a3, b3);
  return { ...out, shape: [m, n] };
}
