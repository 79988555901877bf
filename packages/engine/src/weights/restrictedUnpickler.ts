/**
 * A pickle reader that builds plain values and never runs anything: globals and calls are handed
 * to `hooks`, which decide what a name means (or refuse it). Only the opcodes a PyTorch state dict
 * uses (protocols 2–5) are understood; any other opcode is an error. Written by hand because no npm
 * pickle reader restricts globals (they either execute nothing useful or mirror Python's trust).
 *
 *   const value = unpickle(bytes, hooks); // Map for dicts, arrays for lists and tuples
 */
export interface UnpickleHooks {
  /** The value a `module.name` global stands for; throws for a name that is not allowed. */
  global(module: string, name: string): unknown;
  /** REDUCE: applies an allowed callable to its arguments; throws for anything else. */
  reduce(callable: unknown, args: unknown[]): unknown;
  /** BUILD: sets state on an object made by REDUCE; throws when that makes no sense. */
  build(target: unknown, state: unknown): void;
  /** A persistent id (PyTorch's storage reference). */
  persistentLoad(pid: unknown): unknown;
}

const MARK = Symbol('mark');

export class PickleError extends Error {}

export function unpickle(bytes: Uint8Array, hooks: UnpickleHooks): unknown {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = new TextDecoder('utf-8', { fatal: true });
  const latin1 = new TextDecoder('latin1');
  const stack: unknown[] = [];
  const memo = new Map<number, unknown>();
  let pos = 0;

  const need = (n: number) => {
    if (pos + n > bytes.length) throw new PickleError('pickle data is truncated');
    const at = pos;
    pos += n;
    return at;
  };
  const u8 = () => view.getUint8(need(1));
  const u16 = () => view.getUint16(need(2), true);
  const u32 = () => view.getUint32(need(4), true);
  const u64 = () => {
    const n = view.getBigUint64(need(8), true);
    if (n > BigInt(bytes.length)) throw new PickleError('pickle data is truncated');
    return Number(n);
  };
  const raw = (n: number) => bytes.subarray(need(n), pos);
  const line = () => {
    const end = bytes.indexOf(0x0a, pos);
    if (end < 0) throw new PickleError('pickle data is truncated');
    const s = latin1.decode(bytes.subarray(pos, end));
    pos = end + 1;
    return s;
  };
  const pop = () => {
    if (stack.length === 0 || stack[stack.length - 1] === MARK) throw new PickleError('malformed pickle: stack underflow');
    return stack.pop();
  };
  const top = () => {
    if (stack.length === 0) throw new PickleError('malformed pickle: stack underflow');
    return stack[stack.length - 1];
  };
  const popMark = () => {
    const at = stack.lastIndexOf(MARK);
    if (at < 0) throw new PickleError('malformed pickle: missing MARK');
    return stack.splice(at).slice(1);
  };
  const memoGet = (key: number) => {
    if (!memo.has(key)) throw new PickleError(`malformed pickle: memo entry ${key} is not set`);
    return memo.get(key);
  };
  const setItems = (target: unknown, items: unknown[]) => {
    if (!(target instanceof Map) || items.length % 2) throw new PickleError('malformed pickle: SETITEM(S) outside a dict');
    for (let i = 0; i < items.length; i += 2) target.set(items[i], items[i + 1]);
  };
  const appendItems = (target: unknown, items: unknown[]) => {
    if (!Array.isArray(target)) throw new PickleError('malformed pickle: APPEND(S) outside a list');
    target.push(...items);
  };
  const signedLong = (b: Uint8Array) => {
    let n = 0n;
    for (let i = b.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(b[i]);
    if (b.length && b[b.length - 1] & 0x80) n -= 1n << BigInt(8 * b.length);
    if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER)) throw new PickleError('pickle holds an integer too large for a state dict');
    return Number(n);
  };

  for (;;) {
    const op = u8();
    switch (op) {
      case 0x80: u8(); break; // PROTO
      case 0x95: u64(); break; // FRAME
      case 0x2e: return pop(); // STOP
      case 0x28: stack.push(MARK); break; // MARK
      case 0x30: pop(); break; // POP
      case 0x31: popMark(); break; // POP_MARK
      case 0x4e: stack.push(null); break; // NONE
      case 0x88: stack.push(true); break; // NEWTRUE
      case 0x89: stack.push(false); break; // NEWFALSE
      case 0x4b: stack.push(u8()); break; // BININT1
      case 0x4d: stack.push(u16()); break; // BININT2
      case 0x4a: stack.push(view.getInt32(need(4), true)); break; // BININT
      case 0x8a: stack.push(signedLong(raw(u8()))); break; // LONG1
      case 0x47: stack.push(view.getFloat64(need(8), false)); break; // BINFLOAT (big-endian)
      case 0x58: stack.push(text.decode(raw(u32()))); break; // BINUNICODE
      case 0x8c: stack.push(text.decode(raw(u8()))); break; // SHORT_BINUNICODE
      case 0x8d: stack.push(text.decode(raw(u64()))); break; // BINUNICODE8
      case 0x55: stack.push(latin1.decode(raw(u8()))); break; // SHORT_BINSTRING
      case 0x54: stack.push(latin1.decode(raw(u32()))); break; // BINSTRING
      case 0x7d: stack.push(new Map()); break; // EMPTY_DICT
      case 0x5d: stack.push([]); break; // EMPTY_LIST
      case 0x29: stack.push([]); break; // EMPTY_TUPLE
      case 0x74: stack.push(popMark()); break; // TUPLE
      case 0x85: stack.push([pop()]); break; // TUPLE1
      case 0x86: { const b = pop(); stack.push([pop(), b]); break; } // TUPLE2
      case 0x87: { const c = pop(); const b = pop(); stack.push([pop(), b, c]); break; } // TUPLE3
      case 0x73: { const v = pop(); const k = pop(); setItems(top(), [k, v]); break; } // SETITEM
      case 0x75: { const items = popMark(); setItems(top(), items); break; } // SETITEMS
      case 0x61: { const v = pop(); appendItems(top(), [v]); break; } // APPEND
      case 0x65: { const items = popMark(); appendItems(top(), items); break; } // APPENDS
      case 0x71: memo.set(u8(), top()); break; // BINPUT
      case 0x72: memo.set(u32(), top()); break; // LONG_BINPUT
      case 0x94: memo.set(memo.size, top()); break; // MEMOIZE
      case 0x68: stack.push(memoGet(u8())); break; // BINGET
      case 0x6a: stack.push(memoGet(u32())); break; // LONG_BINGET
      case 0x63: { const module = line(); stack.push(hooks.global(module, line())); break; } // GLOBAL
      case 0x93: { const name = pop(); const module = pop(); stack.push(hooks.global(String(module), String(name))); break; } // STACK_GLOBAL
      case 0x51: stack.push(hooks.persistentLoad(pop())); break; // BINPERSID
      case 0x52: { // REDUCE
        const args = pop();
        if (!Array.isArray(args)) throw new PickleError('malformed pickle: REDUCE without an argument tuple');
        stack.push(hooks.reduce(pop(), args));
        break;
      }
      case 0x62: { const state = pop(); hooks.build(top(), state); break; } // BUILD
      default:
        throw new PickleError(`pickle uses opcode 0x${op.toString(16).padStart(2, '0')} at byte ${pos - 1}, which a state dict never needs (refused)`);
    }
  }
}
