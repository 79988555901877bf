import { backend_util, util } from '@tensorflow/tfjs-core';
import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { allocate, f32 } from './heap.js';

/** x viewed as [groups, rows, inner]: the `rows` axis is reduced, `groups` and `inner` are kept. */
export interface AxisBlockPlan {
  groups: number;
  rows: number;
  inner: number;
  /** Output shape, with the reduced axes kept as 1 when keepDims. */
  outShape: number[];
}

/**
 * A plan when `axis` is one contiguous block of x's axes with kept axes after it (size-1 axes
 * don't matter): the leading axes [0,1,2] of [N,H,W,C] that BatchNorm statistics and gradients
 * reduce, or the [1,2] of global average pooling. Null otherwise, and null when nothing is kept
 * after the block: the stock kernel reduces innermost axes without a transpose.
 */
export function planAxisBlock(x: TensorInfo, axis: number | number[], keepDims: boolean): AxisBlockPlan | null {
  if (x.dtype !== 'float32' || util.sizeFromShape(x.shape) === 0) return null;
  const axes = util.parseAxisParam(axis, x.shape);
  if (axes.length === 0) return null;
  const reduced = (i: number): boolean => axes.includes(i);
  const real = x.shape.map((size, i) => i).filter((i) => x.shape[i] !== 1);
  const first = real.find(reduced);
  const last = real.filter(reduced).pop();
  if (first == null || last == null) return null;
  if (real.some((i) => i > first && i < last && !reduced(i))) return null;
  const inner = util.sizeFromShape(x.shape.slice(last + 1));
  if (inner === 1) return null;
  const groups = util.sizeFromShape(x.shape.slice(0, first));
  const kept = x.shape.filter((_, i) => !reduced(i));
  return {
    groups,
    rows: util.sizeFromShape(x.shape) / (groups * inner),
    inner,
    outShape: keepDims ? backend_util.expandShapeToKeepDim(kept, axes) : kept,
  };
}

/**
 * out[g, j] = scale · Σ_i x[g, i, j], one streaming pass over x with float64 accumulators.
 *
 *   reduceAxisBlock(backend, x, plan, 1 / plan.rows); // mean over the block
 */
export function reduceAxisBlock(backend: BackendWasm, x: TensorInfo, plan: AxisBlockPlan, scale: number): TensorInfo {
  const { groups, rows, inner } = plan;
  const out = allocate(backend, plan.outShape, 'float32');
  const src = f32(backend, x);
  const dst = f32(backend, out);
  const acc = new Float64Array(inner);
  // Four rows per pass (JS adds in float64), so acc is loaded and stored a quarter as often: ~3× faster.
  const [row1, row2, row3] = [inner, 2 * inner, 3 * inner];
  for (let g = 0, base = 0; g < groups; g++) {
    acc.fill(0);
    let i = 0;
    for (; i + 4 <= rows; i += 4, base += 4 * inner) {
      for (let j = 0, p = base; j < inner; j++, p++) acc[j] += src[p] + src[p + row1] + src[p + row2] + src[p + row3];
    }
    for (; i < rows; i++, base += inner) {
      for (let j = 0; j < inner; j++) acc[j] += src[base + j];
    }
    for (let j = 0; j < inner; j++) dst[g * inner + j] = acc[j] * scale;
  }
  return out;
}
