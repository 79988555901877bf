import { unzipSync } from 'fflate';
import { decodeElements, DTYPE_BYTES, elementCount, type RawTensor, type TensorDtype } from './rawTensor.js';
import { readStateDictPickle, type TensorRef } from './stateDictPickle.js';

/** Largest total size the archive's entries may unpack to (a crafted zip could expand without bound). */
const MAX_UNPACKED_BYTES = 1024 * 1024 * 1024;

const DTYPES: Record<string, TensorDtype> = { float32: 'F32', float16: 'F16', bfloat16: 'BF16', int64: 'I64' };

/** Storage index of element `i` of a strided view (row-major over `shape`). */
function stridedIndex(ref: TensorRef): ((i: number) => number) | undefined {
  let expected = 1;
  const contiguous = ref.shape.every((_, d) => {
    const axis = ref.shape.length - 1 - d;
    const ok = ref.shape[axis] === 1 || ref.stride[axis] === expected;
    expected *= ref.shape[axis];
    return ok;
  });
  if (contiguous) return undefined;
  return (i) => {
    let index = 0;
    for (let d = ref.shape.length - 1; d >= 0; d--) {
      index += (i % ref.shape[d]) * ref.stride[d];
      i = Math.floor(i / ref.shape[d]);
    }
    return index;
  };
}

function lastStorageIndex(ref: TensorRef): number {
  return ref.shape.some((n) => n === 0) ? ref.offset - 1 : ref.offset + ref.shape.reduce((sum, n, d) => sum + (n - 1) * ref.stride[d], 0);
}

/**
 * Reads a PyTorch `.pth` file of the zip format (`torch.save` since 1.6): `<archive>/data.pkl`
 * read by the restricted unpickler, tensors decoded from `<archive>/data/<key>`. Returns the
 * state dict in file order.
 */
export function readPth(bytes: Uint8Array): Map<string, RawTensor> {
  if (bytes[0] === 0x80) {
    throw new Error('this .pth file uses the legacy (before PyTorch 1.6) format, which is not supported; re-save it with torch.save(state_dict, path) in PyTorch ≥ 1.6');
  }
  let files: Record<string, Uint8Array>;
  let unpacked = 0;
  try {
    files = unzipSync(bytes, { filter: (entry) => (unpacked += entry.originalSize) <= MAX_UNPACKED_BYTES });
  } catch {
    throw new Error('the .pth file is not a readable zip archive (truncated or corrupt)');
  }
  if (unpacked > MAX_UNPACKED_BYTES) throw new Error(`the .pth archive unpacks to more than ${MAX_UNPACKED_BYTES} bytes (refused)`);
  const pickleName = Object.keys(files).find((name) => /^[^/]+\/data\.pkl$/.test(name));
  if (!pickleName) throw new Error('the .pth archive has no <archive>/data.pkl (not a torch.save file)');
  const archive = pickleName.slice(0, -'data.pkl'.length);
  const refs = readStateDictPickle(files[pickleName]);

  const out = new Map<string, RawTensor>();
  const badDtypes: string[] = [];
  for (const [name, ref] of refs) {
    const dtype = DTYPES[ref.storage.dtype];
    if (!dtype) {
      badDtypes.push(`${name} (${ref.storage.dtype})`);
      continue;
    }
    const storage = files[`${archive}data/${ref.storage.key}`];
    if (!storage) throw new Error(`the .pth archive lacks storage ${ref.storage.key} of tensor ${name}`);
    if ((lastStorageIndex(ref) + 1) * DTYPE_BYTES[dtype] > storage.length) {
      throw new Error(`tensor ${name} reaches past the end of its storage (corrupt file)`);
    }
    const count = elementCount(ref.shape);
    const index = stridedIndex(ref);
    const values = decodeElements(dtype, storage, ref.offset * DTYPE_BYTES[dtype], count, index);
    out.set(name, { dtype, shape: ref.shape, values });
  }
  if (badDtypes.length) throw new Error(`unsupported tensor dtypes (expected float32, float16, bfloat16 or int64): ${badDtypes.join(', ')}`);
  return out;
}
