import { DTYPE_BYTES, elementCount, encodeElements, type RawTensor } from './rawTensor.js';

/** A `.safetensors` file of a state dict (tensors in its order, header padded to 8 bytes as the format asks). */
export function writeSafetensors(stateDict: ReadonlyMap<string, RawTensor>, metadata: Record<string, string> = {}): Uint8Array {
  const header: Record<string, unknown> = { __metadata__: metadata };
  let offset = 0;
  for (const [name, t] of stateDict) {
    const size = elementCount(t.shape) * DTYPE_BYTES[t.dtype];
    header[name] = { dtype: t.dtype, shape: t.shape, data_offsets: [offset, offset + size] };
    offset += size;
  }
  let json = JSON.stringify(header);
  json += ' '.repeat((8 - ((8 + Buffer.byteLength(json)) % 8)) % 8);
  const headerBytes = new TextEncoder().encode(json);
  const out = new Uint8Array(8 + headerBytes.length + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(headerBytes.length), true);
  out.set(headerBytes, 8);
  let at = 8 + headerBytes.length;
  for (const t of stateDict.values()) {
    const bytes = encodeElements(t.values);
    out.set(bytes, at);
    at += bytes.length;
  }
  return out;
}
