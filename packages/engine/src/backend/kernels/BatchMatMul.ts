import { BatchMatMul, broadcast_util, util } from '@tensorflow/tfjs-core';
import type { BatchMatMulAttrs, BatchMatMulInputs, KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { alias, allocate, floatIndex, heapF32, release, releaseAlias, reshapeInfo } from './heap.js';
import { matMulOnHeap } from './matMulOnHeap.js';
import { transposeOnHeap } from './transposeOnHeap.js';
import { runStockKernel } from './wasmKernels.js';

/** Below this many MACs per matrix the stock loop beats creating an XNNPACK operator. */
const TINY_MACS = 4096;

/**
 * Matrix product with transposes, batches and broadcasting on XNNPACK's GEMM.
 *
 * Stock wasm runs only untransposed, unbatched products on XNNPACK and everything else in a naive
 * loop (~0.4 GFLOP/s). Here transposed operands are laid out explicitly first, a shared right
 * operand turns the batch into one tall GEMM, and other batches run one GEMM per matrix.
 */
function batchMatMul(args: { inputs: BatchMatMulInputs; backend: BackendWasm; attrs: BatchMatMulAttrs }): TensorInfo {
  const { inputs, backend, attrs } = args;
  const a = inputs.a as TensorInfo;
  const b = inputs.b as TensorInfo;
  const { transposeA, transposeB } = attrs;
  if (a.dtype !== 'float32' || b.dtype !== 'float32') {
    return runStockKernel(BatchMatMul, backend, { a, b }, { transposeA, transposeB });
  }
  const aRank = a.shape.length;
  const bRank = b.shape.length;
  const m = transposeA ? a.shape[aRank - 1] : a.shape[aRank - 2];
  const k = transposeA ? a.shape[aRank - 2] : a.shape[aRank - 1];
  const kB = transposeB ? b.shape[bRank - 1] : b.shape[bRank - 2];
  const n = transposeB ? b.shape[bRank - 2] : b.shape[bRank - 1];
  util.assert(
    k === kB,
    () =>
      `Error in matMul: inner shapes (${k}) and (${kB}) of Tensors with shapes ${a.shape} and ` +
      `${b.shape} and transposeA=${transposeA} and transposeB=${transposeB} must match.`,
  );
  const aOuter = a.shape.slice(0, -2);
  const bOuter = b.shape.slice(0, -2);
  const outOuter = broadcast_util.assertAndGetBroadcastShape(aOuter, bOuter);
  const batchA = util.sizeFromShape(aOuter);
  const batchB = util.sizeFromShape(bOuter);
  const batch = util.sizeFromShape(outOuter);
  const outShape = [...outOuter, m, n];

  const plain = !transposeA && !transposeB && batchA === 1 && batchB === 1;
  const tiny = m * n * k < TINY_MACS && batchA === batchB;
  if (plain || tiny || batch === 0 || m * n === 0) {
    const out = runStockKernel(BatchMatMul, backend, { a, b }, { transposeA, transposeB });
    return { ...out, shape: outShape };
  }

  const a3 = transposeA ? swapLastTwo(backend, a, [batchA, k, m]) : reshapeInfo(backend, a, [batchA, m, k]);
  const b3 = transposeB ? swapLastTwo(backend, b, [batchB, n, k]) : reshapeInfo(backend, b, [batchB, k, n]);
  let out: TensorInfo;
  if (batchB === 1) {
    // One tall GEMM: [batchA·m, k] @ [k, n].
    const tall = reshapeInfo(backend, a3, [batchA * m, k]);
    out = { ...matMulOnHeap(backend, tall, b3), shape: outShape };
    release(backend, tall);
  } else {
    out = allocate(backend, outShape);
    for (let o = 0; o < batch; o++) {
      const aView = alias(backend, a3, broadcastIndex(o, outOuter, aOuter) * m * k, [m, k]);
      const bView = alias(backend, b3, broadcastIndex(o, outOuter, bOuter) * k * n, [k, n]);
      const product = matMulOnHeap(backend, aView, bView);
      const heap = heapF32(backend);
      const src = floatIndex(backend, product);
      heap.copyWithin(floatIndex(backend, out) + o * m * n, src, src + m * n);
      release(backend, product);
      releaseAlias(backend, aView);
      releaseAlias(backend, bView);
    }
  }
  release(backend, a3, b3);
  return out;
}

/** x viewed as [batch, rows, cols] → a new [batch, cols, rows]. */
function swapLastTwo(backend: BackendWasm, x: TensorInfo, shape: number[]): TensorInfo {
  const x3 = reshapeInfo(backend, x, shape);
  const out = transposeOnHeap(backend, x3, [0, 2, 1]);
  release(backend, x3);
  return out;
}

/** Flat batch index into an operand whose batch dims broadcast (right-aligned) to `outShape`. */
function broadcastIndex(flat: number, outShape: number[], shape: number[]): number {
  let index = 0;
  let stride = 1;
  for (let d = shape.length - 1, od = outShape.length - 1; d >= 0; d--, od--) {
    const coord = flat % outShape[od];
    flat = Math.floor(flat / outShape[od]);
    if (shape[d] !== 1) index += coord * stride;
    stride *= shape[d];
  }
  return index;
}

export const batchMatMulConfig: KernelConfig = {
  kernelName: BatchMatMul,
  backendName: 'wasm',
  kernelFunc: batchMatMul as unknown as KernelFunc,
};
