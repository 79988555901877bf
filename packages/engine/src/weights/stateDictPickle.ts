import { PickleError, unpickle, type UnpickleHooks } from './restrictedUnpickler.js';

/** A tensor as a state-dict pickle describes it: a view into one of the archive's storages. */
export interface TensorRef {
  kind: 'tensor';
  storage: StorageRef;
  offset: number;
  shape: number[];
  stride: number[];
}

export interface StorageRef {
  kind: 'storage';
  key: string;
  /** PyTorch's dtype name, e.g. `float32` (the storage class says it). */
  dtype: string;
}

/** Storage classes and the dtype each holds; only some of these dtypes are accepted later on. */
const STORAGE_DTYPES: Record<string, string> = {
  FloatStorage: 'float32',
  HalfStorage: 'float16',
  BFloat16Storage: 'bfloat16',
  LongStorage: 'int64',
  DoubleStorage: 'float64',
  IntStorage: 'int32',
  ShortStorage: 'int16',
  CharStorage: 'int8',
  ByteStorage: 'uint8',
  BoolStorage: 'bool',
};

const ORDERED_DICT = Symbol('collections.OrderedDict');
const REBUILD_TENSOR = Symbol('torch._utils._rebuild_tensor_v2');
const REBUILD_PARAMETER = Symbol('torch._utils._rebuild_parameter');

/** What each allowed global stands for; `torch.storage` is where protocol 2 may name the storage classes. */
function allowedGlobal(module: string, name: string): unknown {
  if (module === 'collections' && name === 'OrderedDict') return ORDERED_DICT;
  if (module === 'torch._utils' && name === '_rebuild_tensor_v2') return REBUILD_TENSOR;
  if (module === 'torch._utils' && name === '_rebuild_parameter') return REBUILD_PARAMETER;
  if ((module === 'torch' || module === 'torch.storage') && Object.hasOwn(STORAGE_DTYPES, name)) return { storageClass: name };
  throw new PickleError(`pickle refers to ${`${module}.${name}`.slice(0, 100)}, which a state dict never needs (refused; nothing was run)`);
}

const isInt = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const isIntList = (v: unknown): v is number[] => Array.isArray(v) && v.every(isInt);

function describe(value: unknown): string {
  if (typeof value === 'symbol') return value.description ?? 'a global';
  if (value && typeof value === 'object' && 'storageClass' in value) return `torch.${(value as { storageClass: string }).storageClass}`;
  return value === null ? 'None' : typeof value;
}

function rebuildTensor(args: unknown[]): TensorRef {
  const [storage, offset, shape, stride] = args;
  if ((storage as StorageRef)?.kind !== 'storage' || !isInt(offset) || !isIntList(shape) || !isIntList(stride) || shape.length !== stride.length) {
    throw new PickleError('malformed pickle: _rebuild_tensor_v2 with unexpected arguments');
  }
  return { kind: 'tensor', storage: storage as StorageRef, offset, shape, stride };
}

const hooks: UnpickleHooks = {
  global: allowedGlobal,
  reduce(callable, args) {
    if (callable === ORDERED_DICT && args.length === 0) return new Map();
    if (callable === REBUILD_TENSOR) return rebuildTensor(args);
    if (callable === REBUILD_PARAMETER && (args[0] as TensorRef)?.kind === 'tensor') return args[0];
    throw new PickleError(`pickle calls ${describe(callable)}, which a state dict never calls (refused; nothing was run)`);
  },
  build(target, state) {
    // OrderedDict state is the module-version `_metadata` attribute, which we do not need.
    if (!(target instanceof Map) || !(state instanceof Map || state === null)) throw new PickleError('malformed pickle: BUILD on something other than a dict');
  },
  persistentLoad(pid) {
    const [tag, type, key] = Array.isArray(pid) ? pid : [];
    const storageClass = (type as { storageClass?: string } | undefined)?.storageClass;
    if (tag !== 'storage' || !storageClass || typeof key !== 'string' || !/^\w{1,64}$/.test(key)) {
      throw new PickleError('malformed pickle: persistent id is not a PyTorch storage');
    }
    return { kind: 'storage', key, dtype: STORAGE_DTYPES[storageClass] } satisfies StorageRef;
  },
};

/**
 * Reads the `data.pkl` of a `torch.save` archive through the restricted unpickler and returns
 * the state dict: the top-level dict itself or its `state_dict` / `model` entry, with a
 * `module.` prefix (DataParallel) removed.
 */
export function readStateDictPickle(bytes: Uint8Array): Map<string, TensorRef> {
  const top = unpickle(bytes, hooks);
  if (!(top instanceof Map)) throw new Error('the .pth file does not hold a dict of tensors (a state dict)');
  const nested = ['state_dict', 'model'].map((k) => top.get(k)).find((v) => v instanceof Map);
  const dict = (nested ?? top) as Map<unknown, unknown>;
  const keys = [...dict.keys()];
  const strip = keys.length > 0 && keys.every((k) => typeof k === 'string' && k.startsWith('module.'));
  const out = new Map<string, TensorRef>();
  const notTensors: string[] = [];
  for (const [key, value] of dict) {
    const name = String(key);
    if ((value as TensorRef)?.kind !== 'tensor') notTensors.push(name);
    else out.set(strip ? name.slice('module.'.length) : name, value as TensorRef);
  }
  if (notTensors.length) throw new Error(`the state dict holds entries that are not tensors: ${notTensors.slice(0, 8).join(', ')}${notTensors.length > 8 ? ', …' : ''}`);
  return out;
}
