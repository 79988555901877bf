import type { DataType, TensorInfo } from '@tensorflow/tfjs-core';
import { util } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/**
 * Direct access to tensor memory on the wasm heap.
 *
 * Views are created fresh on every call: the heap's ArrayBuffer is replaced whenever wasm memory
 * grows (any `_malloc` or kernel call may grow it), so a view must never outlive an allocation.
 *
 *   const dst = f32(backend, out); dst.set(f32(backend, x).subarray(0, 10));
 */
export function f32(backend: BackendWasm, info: TensorInfo): Float32Array {
  return new Float32Array(heapBuffer(backend), offsetOf(backend, info), util.sizeFromShape(info.shape));
}

/** The whole heap as float32, for block copies between tensors (indices in floats, see {@link floatIndex}). */
export function heapF32(backend: BackendWasm): Float32Array {
  return new Float32Array(heapBuffer(backend));
}

/** Index of a tensor's first element in {@link heapF32}. */
export function floatIndex(backend: BackendWasm, info: TensorInfo): number {
  return offsetOf(backend, info) / 4;
}

/** A typed view matching the tensor's dtype (float32, int32 or bool). */
export function typedView(backend: BackendWasm, info: TensorInfo): Float32Array | Int32Array | Uint8Array {
  return backend.typedArrayFromHeap(info) as Float32Array | Int32Array | Uint8Array;
}

/** The wasm memory as it is now (emscripten swaps `HEAPU8` when memory grows). */
function heapBuffer(backend: BackendWasm): ArrayBufferLike {
  // The module type extends EmscriptenModule, whose typings are not installed here.
  return (backend.wasm as unknown as { HEAPU8: Uint8Array }).HEAPU8.buffer;
}

function offsetOf(backend: BackendWasm, info: TensorInfo): number {
  return backend.dataIdMap.get(info.dataId)!.memoryOffset;
}

/** A new, uninitialised tensor on the heap. */
export function allocate(backend: BackendWasm, shape: number[], dtype: DataType = 'float32'): TensorInfo {
  return backend.makeOutput(shape, dtype);
}

/** Frees intermediate tensors created by a kernel (null entries are skipped). */
export function release(backend: BackendWasm, ...infos: (TensorInfo | null | undefined)[]): void {
  for (const info of infos) if (info != null) backend.disposeData(info.dataId);
}

/**
 * A tensor that aliases `shape`-many floats of `base` starting at element `offset`, without a copy
 * (e.g. one batch of a batched matrix). Free it with {@link releaseAlias}, never with `disposeData`:
 * the memory belongs to `base`.
 */
export function alias(backend: BackendWasm, base: TensorInfo, offset: number, shape: number[]): TensorInfo {
  const bytes = offsetOf(backend, base) + offset * util.bytesPerElement(base.dtype);
  return backend.makeOutput(shape, base.dtype, bytes);
}

/** Unregisters an alias (and any XNNPACK operator cached on it) without freeing its memory. */
export function releaseAlias(backend: BackendWasm, view: TensorInfo): void {
  const data = backend.dataIdMap.get(view.dataId);
  if (data == null) return;
  backend.wasm.tfjs.disposeData(data.id);
  backend.dataIdMap.delete(view.dataId);
}

/** Reinterprets a tensor with a new shape of the same size (shares the memory, like stock Reshape). */
export function reshapeInfo(backend: BackendWasm, x: TensorInfo, shape: number[]): TensorInfo {
  backend.incRef(x.dataId);
  return { dataId: x.dataId, shape, dtype: x.dtype };
}

/** Copies `length` floats inside the heap; a plain loop beats `copyWithin`'s call cost for short runs. */
export function copyFloats(heap: Float32Array, src: number, dst: number, length: number): void {
  if (length >= 64) heap.copyWithin(dst, src, src + length);
  else for (let i = 0; i < length; i++) heap[dst + i] = heap[src + i];
}
