import os from 'node:os';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { BACKEND_CHOICES, chooseBackend, type BackendChoice, type BackendLoaders, type ChosenBackend, type NativeLoad } from './chooseBackend.js';
import { registerWasmTrainingKernels } from './kernels/registerWasmTrainingKernels.js';
import { registerThreadedWasm } from './threadedWasm.js';

/** What ran the computation; recorded with every checkpoint and result. */
export interface BackendInfo extends ChosenBackend {
  tfjsVersion: string;
}

export interface BackendOptions {
  /** `MU_BACKEND` overrides; `auto` tries tensorflow-gpu, tensorflow, wasm, then cpu. */
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
  async wasm(threads) {
    if (threads > 1) await registerThreadedWasm(threads);
    await tf.setBackend('wasm');
    registerWasmTrainingKernels();
    return { threads: getThreadsCount(), simd: Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) };
  },
  async cpu() {
    await tf.setBackend('cpu');
  },
};

/** A thread count from `MU_THREADS` or an option; default: available cores. */
export function resolveThreads(value: string | number | undefined): number {
  if (value === undefined || value === '') return os.availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error(`invalid thread count: ${value} (expected an integer 1..64)`);
  return n;
}

/** Loads tfjs-node(-gpu) if installed (optional dependencies). */
async function loadNative(name: 'tensorflow-gpu' | 'tensorflow'): Promise<NativeLoad> {
  const specifier = name === 'tensorflow-gpu' ? '@tensorflow/tfjs-node-gpu' : '@tensorflow/tfjs-node';
  try {
    await import(specifier);
    await tf.setBackend('tensorflow');
    return { ok: true };
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const installed = code !== 'ERR_MODULE_NOT_FOUND' || !message.includes(specifier);
    return { ok: false, installed, reason: `${specifier} ${installed ? 'failed to load' : 'is not installed'} (${message.split('\n')[0]})` };
  }
}

