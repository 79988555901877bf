import os from 'node:os';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { registerWasmTrainingKernels } from './kernels/registerWasmTrainingKernels.js';
import { registerThreadedWasm } from './threadedWasm.js';

export const BACKEND_CHOICES = ['auto', 'tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];

/** What ran the computation; recorded with every checkpoint and result. */
export interface BackendInfo {
  /** `tensorflow-gpu` / `tensorflow` (tfjs-node), `wasm`, or `cpu`. */
  name: 'tensorflow-gpu' | 'tensorflow' | 'wasm' | 'cpu';
  threads: number;
  simd: boolean;
  tfjsVersion: string;
  /** Why a faster backend was not used, when one was skipped. */
  warnings: string[];
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
  const threads = resolveThreads(process.env.MU_THREADS ?? options.threads);
  const warnings: string[] = [];
  const info = (name: BackendInfo['name'], t: number, simd: boolean): BackendInfo => ({
    name,
    threads: t,
    simd,
    tfjsVersion: tf.version.tfjs,
    warnings,
  });

  for (const native of ['tensorflow-gpu', 'tensorflow'] as const) {
    if (choice !== 'auto' && choice !== native) continue;
    const loaded = await loadNative(native);
    if (loaded === true) return info(native, os.availableParallelism(), true);
    if (choice === native) throw new Error(`backend ${native} is not available: ${loaded}`);
  }

  if (choice === 'auto' || choice === 'wasm') {
    try {
      if (threads > 1) await registerThreadedWasm(threads);
      await tf.setBackend('wasm');
      registerWasmTrainingKernels();
      return info('wasm', getThreadsCount(), true);
    } catch (error) {
      if (choice === 'wasm') throw new Error(`backend wasm failed to start: ${(error as Error).message}`);
      warnings.push(`wasm backend failed to start (${(error as Error).message})`);
    }
  }

  await tf.setBackend('cpu');
  if (choice === 'auto') {
    warnings.push('using the slow pure-JavaScript cpu backend');
    process.emitWarning('unlearning-comparator: using the slow pure-JavaScript cpu backend');
  }
  return info('cpu', 1, false);
}

/** A thread count from `MU_THREADS` or an option; default: available cores. */
export function resolveThreads(value: string | number | undefined): number {
  if (value === undefined || value === '') return os.availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error(`invalid thread count: ${value} (expected an integer 1..64)`);
  return n;
}

/** Loads tfjs-node(-gpu) if installed (optional dependencies); returns true or the reason it failed. */
async function loadNative(name: 'tensorflow-gpu' | 'tensorflow'): Promise<true | string> {
  const specifier = name === 'tensorflow-gpu' ? '@tensorflow/tfjs-node-gpu' : '@tensorflow/tfjs-node';
  try {
    await import(specifier);
    await tf.setBackend('tensorflow');
    return true;
  } catch (error) {
    return `${specifier} is not installed or failed to load (${(error as Error).message.split('\n')[0]})`;
  }
}
