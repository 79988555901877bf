import { createRequire } from 'node:module';
import { writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { BackendWasm, setThreadsCount } from '@tensorflow/tfjs-backend-wasm';

const require = createRequire(import.meta.url);

/**
 * Starts the threaded-SIMD build of the tfjs wasm backend in Node and registers it as `wasm`.
 *
 * tfjs refuses threads in Node (its pthread worker is handed over as a Blob URL, which
 * `worker_threads` cannot load), so we call the emscripten factory ourselves with the worker
 * source written to a temp file. The C++ pool is capped at `os.cpus().length / 2` (it assumes
 * hyper-threading), so `os.cpus()` reports twice the cores while the module starts.
 */
export async function registerThreadedWasm(threads: number): Promise<void> {
  const wasmDir = path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'wasm-out');
  const factoryPath = path.join(wasmDir, 'tfjs-backend-wasm-threaded-simd.js');
  const factory = require(factoryPath) as (config: object) => Promise<WasmModule>;
  const { wasmWorkerContents } = require(path.join(wasmDir, 'tfjs-backend-wasm-threaded-simd.worker.js')) as {
    wasmWorkerContents: string;
  };
  const workerFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'mu-wasm-')), 'tfjs-backend-wasm-threaded-simd.worker.js');
  writeFileSync(workerFile, wasmWorkerContents.replace(/\n/g, '\\n'));

  const realCpus = os.cpus;
  os.cpus = () => {
    const cpus = realCpus();
    return Array.from({ length: threads * 2 }, (_, i) => cpus[i % cpus.length]);
  };
  let module: WasmModule;
  try {
    module = await factory({
      locateFile: (file: string) => (file.endsWith('.worker.js') ? workerFile : path.join(wasmDir, file)),
      mainScriptUrlOrBlob: factoryPath,
    });
  } finally {
    os.cpus = realCpus;
  }
  module.tfjs = {
    init: module.cwrap('init', null, []),
    initWithThreadsCount: module.cwrap('init_with_threads_count', null, ['number']),
    getThreadsCount: module.cwrap('get_threads_count', 'number', []),
    registerTensor: module.cwrap('register_tensor', null, ['number', 'number', 'number']),
    disposeData: module.cwrap('dispose_data', null, ['number']),
    dispose: module.cwrap('dispose', null, []),
  };
  setThreadsCount(threads);
  tf.removeBackend('wasm');
  // BackendWasm's constructor type wants the full emscripten interface; the factory's module is it.
  tf.registerBackend('wasm', () => new BackendWasm(module as never), 2);
}

interface WasmModule {
  cwrap(name: string, ret: string | null, args: string[]): (...args: number[]) => number;
  tfjs?: Record<string, unknown>;
}
