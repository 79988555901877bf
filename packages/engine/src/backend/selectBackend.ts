import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { BACKEND_CHOICES, chooseBackend, type BackendChoice, type BackendLoaders, type ChosenBackend, type NativeLoad } from './chooseBackend.js';
import { registerWasmTrainingKernels } from './kernels/registerWasmTrainingKernels.js';
import { setBackendOrThrow } from './setBackendOrThrow.js';
import { registerThreadedWasm } from './threadedWasm.js';
import { probeWebgpuAdapter, startWebgpu } from './webgpu.js';

/** What ran the computation; recorded with every checkpoint and result. */
export interface BackendInfo extends ChosenBackend {
  tfjsVersion: string;
}

export interface BackendOptions {
  /** `MU_BACKEND` overrides; `auto` tries tensorflow-gpu, tensorflow, webgpu (hardware adapter), wasm, then cpu. */
  backend?: string;
  /** Threads for wasm; `MU_THREADS` overrides; default: available cores. */
  threads?: number;
}

let active: Promise<BackendInfo> | null = null;

/**
 * Picks and starts the fastest available tfjs backend once per process.
 *
 *   const info = await initBackend(); // {name: 'wasm', threads: 2, …}
 */
export function initBackend(options: BackendOptions = {}): Promise<BackendInfo> {
  active ??= start(options).catch((error: unknown) => {
    active = null;
    throw error;
  });
  return active;
}

async function start(options: BackendOptions): Promise<BackendInfo> {
  const choice = (process.env.MU_BACKEND || options.backend || 'auto') as BackendChoice;
  if (!BACKEND_CHOICES.includes(choice)) {
    throw new Error(`unknown backend: ${choice} (expected ${BACKEND_CHOICES.join(', ')})`);
  }
  const chosen = await chooseBackend(choice, resolveThreads(process.env.MU_THREADS ?? options.threads), loaders);
  if (chosen.name === 'cpu' && choice === 'auto') process.emitWarning('unlearning-comparator: using the slow pure-JavaScript cpu backend');
  return { ...chosen, tfjsVersion: tf.version.tfjs };
}

const loaders: BackendLoaders = {
  native: loadNative,
  webgpuAdapter: probeWebgpuAdapter,
  webgpu: startWebgpu,
  async wasm(threads) {
    if (threads > 1) await registerThreadedWasm(threads);
    await setBackendOrThrow('wasm');
    registerWasmTrainingKernels();
    return { threads: getThreadsCount(), simd: Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) };
  },
  cpu: () => setBackendOrThrow('cpu'),
};

/** A thread count from `MU_THREADS` or an option; default: available cores. */
export function resolveThreads(value: string | number | undefined): number {
  if (value === undefined || value === '') return os.availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error(`invalid thread count: ${value} (expected an integer 1..64)`);
  return n;
}

/**
 * Loads tfjs-node(-gpu) if installed with its native binding (optional dependencies whose install
 * script downloads libtensorflow: without network the package is there but its binding is not, and
 * importing it anyway registers its kernels before failing, with a warning for each).
 */
async function loadNative(name: 'tensorflow-gpu' | 'tensorflow'): Promise<NativeLoad> {
  const specifier = name === 'tensorflow-gpu' ? '@tensorflow/tfjs-node-gpu' : '@tensorflow/tfjs-node';
  let packageDir: string;
  try {
    packageDir = path.dirname(require.resolve(`${specifier}/package.json`));
  } catch {
    return { ok: false, installed: false, reason: `${specifier} is not installed` };
  }
  if (!hasNativeBinding(packageDir)) {
    return { ok: false, installed: false, reason: `${specifier} is installed without its native binding (its install script could not download libtensorflow)` };
  }
  try {
    await import(specifier);
    await setBackendOrThrow('tensorflow');
    return { ok: true };
  } catch (error) {
    return { ok: false, installed: true, reason: `${specifier} failed to load (${(error as Error).message.split('\n')[0]})` };
  }
}

const require = createRequire(import.meta.url);

/** Whether tfjs-node's install script put its `tfjs_binding.node` under `lib/` (one folder per N-API version). */
function hasNativeBinding(packageDir: string): boolean {
  const lib = path.join(packageDir, 'lib');
  return existsSync(lib) && readdirSync(lib).some((d) => existsSync(path.join(lib, d, 'tfjs_binding.node')));
}
