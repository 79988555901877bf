import { decodeElements, DTYPE_BYTES, elementCount, type RawTensor, type TensorDtype } from './rawTensor.js';

/** Largest header we read; real headers of our architectures are a few kB. */
const MAX_HEADER_BYTES = 16 * 1024 * 1024;

interface HeaderEntry {
  dtype: string;
  shape: number[];
  data_offsets: [number, number];
}

/**
 * Reads a `.safetensors` file: an 8-byte little-endian header length, a JSON header naming each
 * tensor's dtype, shape and byte range, then the raw little-endian data. Tensors in file order.
 */
export function readSafetensors(bytes: Uint8Array): Map<string, RawTensor> {
  if (bytes.length < 8) throw new Error('the .safetensors file is truncated (no header)');
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(0, true);
  if (headerLength > BigInt(Math.min(MAX_HEADER_BYTES, bytes.length - 8))) throw new Error('the .safetensors file is truncated or its header length is corrupt');
  const dataStart = 8 + Number(headerLength);
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, dataStart)));
  } catch {
    throw new Error('the .safetensors header is not valid JSON');
  }
  if (!header || typeof header !== 'object' || Array.isArray(header)) throw new Error('the .safetensors header is not a JSON object');
  const dataLength = bytes.length - dataStart;
  const out = new Map<string, RawTensor>();
  const badDtypes: string[] = [];
  const entries = Object.entries(header).filter(([name]) => name !== '__metadata__') as [string, HeaderEntry][];
  entries.sort((a, b) => (a[1]?.data_offsets?.[0] ?? 0) - (b[1]?.data_offsets?.[0] ?? 0));
  for (const [name, entry] of entries) {
    const { dtype, shape, data_offsets: range } = entry ?? ({} as HeaderEntry);
    const valid =
      Array.isArray(shape) && shape.every((n) => Number.isInteger(n) && n >= 0) &&
      Array.isArray(range) && range.length === 2 && Number.isInteger(range[0]) && Number.isInteger(range[1]) && 0 <= range[0] && range[0] <= range[1];
    if (!valid) throw new Error(`the .safetensors header entry of ${name} is malformed`);
    if (!Object.hasOwn(DTYPE_BYTES, dtype)) {
      badDtypes.push(`${name} (${String(dtype)})`);
      continue;
    }
    const size = DTYPE_BYTES[dtype as TensorDtype];
    if (range[1] > dataLength) throw new Error(`tensor ${name} reaches past the end of the .safetensors file (truncated)`);
    if (range[1] - range[0] !== elementCount(shape) * size) throw new Error(`tensor ${name} has ${range[1] - range[0]} bytes for shape [${shape}] of ${dtype}`);
    out.set(name, { dtype: dtype as TensorDtype, shape, values: decodeElements(dtype as TensorDtype, bytes, dataStart + range[0], elementCount(shape)) });
  }
  if (badDtypes.length) throw new Error(`unsupported tensor dtypes (expected F32, F16, BF16 or I64): ${badDtypes.join(', ')}`);
  return out;
}
