import { Tile, util } from '@tensorflow/tfjs-core';
import type { KernelConfig, KernelFunc, NamedAttrMap, TensorInfo, TileAttrs, TileInputs } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { allocate, typedView } from './heap.js';
import { runStockKernel } from './wasmKernels.js';

/**
 * Tile by block copies on the heap: each input row is copied once, then every level is replicated
 * by doubling `copyWithin` (stock wasm Tile computes an index per element).
 */
function tile(args: { inputs: TileInputs; backend: BackendWasm; attrs: TileAttrs }): TensorInfo {
  const { inputs, backend, attrs } = args;
  const x = inputs.x as TensorInfo;
  const { reps } = attrs;
  if (x.dtype === 'string' || x.dtype === 'complex64') {
    return runStockKernel(Tile, backend, { x }, attrs as unknown as NamedAttrMap);
  }
  const outShape = x.shape.map((size, i) => size * reps[i]);
  const out = allocate(backend, outShape, x.dtype);
  if (util.sizeFromShape(outShape) === 0) return out;

  const [shape, times] = mergeDims(x.shape, reps);
  tileInto(typedView(backend, x), typedView(backend, out), shape, times);
  return out;
}

/**
 * Drops size-1 untiled dims and folds each dim into the one before it when it is not tiled:
 * [1,1,1,C] × [N,H,W,1] becomes [1,1,C] × [N,H,W].
 */
function mergeDims(shape: number[], reps: number[]): [number[], number[]] {
  const outShape: number[] = [];
  const outReps: number[] = [];
  for (let i = 0; i < shape.length; i++) {
    if (shape[i] === 1 && reps[i] === 1) continue;
    const last = outShape.length - 1;
    if (last >= 0 && reps[i] === 1) outShape[last] *= shape[i];
    else {
      outShape.push(shape[i]);
      outReps.push(reps[i]);
    }
  }
  if (outShape.length === 0) return [[1], [1]];
  return [outShape, outReps];
}

type Typed = Float32Array | Int32Array | Uint8Array;

function tileInto(src: Typed, dst: Typed, shape: number[], reps: number[]): void {
  const rank = shape.length;
  const srcStrides = util.computeStrides(shape).concat(1);
  const dstStrides = util.computeStrides(shape.map((s, i) => s * reps[i])).concat(1);
  const fill = (d: number, srcOffset: number, dstOffset: number): void => {
    if (d === rank - 1) {
      if (shape[d] >= 64) dst.set(src.subarray(srcOffset, srcOffset + shape[d]), dstOffset);
      else for (let i = 0; i < shape[d]; i++) dst[dstOffset + i] = src[srcOffset + i];
    } else {
      for (let i = 0; i < shape[d]; i++) fill(d + 1, srcOffset + i * srcStrides[d], dstOffset + i * dstStrides[d]);
    }
    replicate(dst, dstOffset, shape[d] * dstStrides[d], reps[d]);
  };
  fill(0, 0, 0);
}

/** Repeats dst[offset, offset + length) `times` times in place. */
function replicate(dst: Typed, offset: number, length: number, times: number): void {
  const total = length * times;
  if (total < 256) {
    for (let i = length; i < total; i++) dst[offset + i] = dst[offset + i - length];
    return;
  }
  for (let done = length; done < total; done *= 2) {
    dst.copyWithin(offset + done, offset, offset + Math.min(done, total - done));
  }
}

export const tileConfig: KernelConfig = {
  kernelName: Tile,
  backendName: 'wasm',
  kernelFunc: tile as unknown as KernelFunc,
};
