import { util } from '@tensorflow/tfjs-core';
import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { release, reshapeInfo } from './heap.js';
import { runWasmKernel } from './wasmKernels.js';

/**
 * Layout change on the heap through the wasm backend's C++ Transpose, after merging input axes that
 * stay adjacent and in order (e.g. [N,H,W,C] perm [3,1,2,0] runs as [N,H·W,C] perm [2,1,0]).
 * Returns a new tensor the caller owns.
 *
 *   const xT = transposeOnHeap(backend, x, [3, 1, 2, 0]); // [N,H,W,C] → [C,H,W,N]
 */
export function transposeOnHeap(backend: BackendWasm, x: TensorInfo, perm: number[]): TensorInfo {
  const outShape = perm.map((axis) => x.shape[axis]);
  const runs: number[][] = [];
  for (const axis of perm) {
    const last = runs[runs.length - 1];
    if (last != null && last[last.length - 1] + 1 === axis) last.push(axis);
    else runs.push([axis]);
  }
  const inputOrder = runs.map((_, j) => j).sort((i, j) => runs[i][0] - runs[j][0]);
  const mergedShape = inputOrder.map((j) => util.sizeFromShape(runs[j].map((axis) => x.shape[axis])));
  const mergedPerm = runs.map((_, j) => inputOrder.indexOf(j));

  const merged = reshapeInfo(backend, x, mergedShape);
  if (mergedPerm.every((axis, i) => axis === i)) {
    merged.shape = outShape;
    return merged;
  }
  const out = runWasmKernel('Transpose', backend, { x: merged }, { perm: mergedPerm });
  release(backend, merged);
  return { ...out, shape: outShape };
}
