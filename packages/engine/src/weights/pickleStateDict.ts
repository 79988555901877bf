import type { RawTensor, TensorDtype } from './rawTensor.js';

const STORAGE_CLASS: Record<TensorDtype, string> = { F32: 'FloatStorage', F16: 'HalfStorage', BF16: 'BFloat16Storage', I64: 'LongStorage' };

/** Appends pickle opcodes; only the handful a state dict needs, as Python's protocol 2 writes them. */
class PickleWriter {
  private chunks: number[] = [];

  op(...bytes: number[]): this {
    this.chunks.push(...bytes);
    return this;
  }

  global(module: string, name: string): this {
    return this.op(0x63, ...new TextEncoder().encode(`${module}\n${name}\n`));
  }

  string(s: string): this {
    const utf8 = new TextEncoder().encode(s);
    return this.op(0x58, ...le32(utf8.length), ...utf8); // BINUNICODE
  }

  int(n: number): this {
    if (n < 256) return this.op(0x4b, n); // BININT1
    if (n < 65536) return this.op(0x4d, n & 0xff, n >> 8); // BININT2
    return this.op(0x4a, ...le32(n)); // BININT
  }

  tuple(items: readonly number[]): this {
    if (items.length === 0) return this.op(0x29); // EMPTY_TUPLE
    this.op(0x28); // MARK
    items.forEach((n) => this.int(n));
    return this.op(0x74); // TUPLE
  }

  emptyOrderedDict(): this {
    return this.global('collections', 'OrderedDict').op(0x29, 0x52); // EMPTY_TUPLE, REDUCE
  }

  bytes(): Uint8Array {
    return Uint8Array.from(this.chunks);
  }
}

function le32(n: number): number[] {
  return [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
}

function contiguousStride(shape: readonly number[]): number[] {
  const stride = new Array<number>(shape.length);
  let s = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    stride[d] = s;
    s *= shape[d];
  }
  return stride;
}

/**
 * The `data.pkl` of a `torch.save(state_dict)` archive (pickle protocol 2): an OrderedDict of
 * `_rebuild_tensor_v2` calls, tensor i stored in storage `"i"` on the CPU. Only globals that
 * `torch.load(weights_only=True)` allows are named.
 */
export function pickleStateDict(stateDict: ReadonlyMap<string, RawTensor>): Uint8Array {
  const w = new PickleWriter().op(0x80, 2).emptyOrderedDict().op(0x28); // PROTO 2, dict, MARK
  [...stateDict].forEach(([name, t], i) => {
    const count = t.shape.reduce((a, b) => a * b, 1);
    w.string(name).global('torch._utils', '_rebuild_tensor_v2').op(0x28); // MARK of the argument tuple
    w.op(0x28).string('storage').global('torch', STORAGE_CLASS[t.dtype]).string(String(i)).string('cpu').int(count).op(0x74, 0x51); // TUPLE, BINPERSID
    w.int(0).tuple(t.shape).tuple(contiguousStride(t.shape)).op(0x89).emptyOrderedDict(); // offset, size, stride, requires_grad False, hooks
    w.op(0x74, 0x52); // TUPLE, REDUCE
  });
  return w.op(0x75, 0x2e).bytes(); // SETITEMS, STOP
}
