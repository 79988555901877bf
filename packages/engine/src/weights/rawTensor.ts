/** The element types a PyTorch state dict may hold here, named as safetensors names them. */
export type TensorDtype = 'F32' | 'F16' | 'BF16' | 'I64';

export const DTYPE_BYTES: Record<TensorDtype, number> = { F32: 4, F16: 2, BF16: 2, I64: 8 };

/** One tensor of a state dict in PyTorch's layout: floats widened to float32, integers kept as int64. */
export interface RawTensor {
  dtype: TensorDtype;
  shape: number[];
  values: Float32Array | BigInt64Array;
}

export function elementCount(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Typed arrays use the platform's byte order; files are little-endian, so a plain copy works on little-endian hosts. */
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** Reads one half-precision value (IEEE 754 binary16) as a number. */
function halfToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 0x1f) return fraction ? NaN : sign * Infinity;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

/**
 * Decodes `count` little-endian elements of `dtype` starting at byte `offset`, element `i` taken
 * from element index `index(i)` (strided views; identity for contiguous data).
 */
export function decodeElements(
  dtype: TensorDtype,
  bytes: Uint8Array,
  offset: number,
  count: number,
  index?: (i: number) => number,
): Float32Array | BigInt64Array {
  if (index === undefined && LITTLE_ENDIAN && (dtype === 'F32' || dtype === 'I64')) {
    const copy = bytes.slice(offset, offset + count * DTYPE_BYTES[dtype]).buffer;
    return dtype === 'F32' ? new Float32Array(copy) : new BigInt64Array(copy);
  }
  index ??= (i) => i;
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, bytes.byteLength - offset);
  if (dtype === 'I64') {
    const out = new BigInt64Array(count);
    for (let i = 0; i < count; i++) out[i] = view.getBigInt64(index(i) * 8, true);
    return out;
  }
  const out = new Float32Array(count);
  if (dtype === 'F32') for (let i = 0; i < count; i++) out[i] = view.getFloat32(index(i) * 4, true);
  else if (dtype === 'F16') for (let i = 0; i < count; i++) out[i] = halfToNumber(view.getUint16(index(i) * 2, true));
  else {
    // bfloat16 is the upper half of a float32.
    const word = new DataView(new ArrayBuffer(4));
    for (let i = 0; i < count; i++) {
      word.setUint32(0, view.getUint16(index(i) * 2, true) << 16);
      out[i] = word.getFloat32(0);
    }
  }
  return out;
}

/** The little-endian bytes of a float32 or int64 tensor (the only dtypes we write). */
export function encodeElements(values: Float32Array | BigInt64Array): Uint8Array {
  if (LITTLE_ENDIAN) return new Uint8Array(values.buffer.slice(values.byteOffset, values.byteOffset + values.byteLength));
  const out = new Uint8Array(values.byteLength);
  const view = new DataView(out.buffer);
  if (values instanceof BigInt64Array) values.forEach((v, i) => view.setBigInt64(i * 8, v, true));
  else values.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return out;
}
