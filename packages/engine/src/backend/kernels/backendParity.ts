import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import type { Rng } from '../../random.js';
import { registerWasmTrainingKernels } from './registerWasmTrainingKernels.js';

/**
 * Test helpers: run the same computation on the patched `wasm` backend and on the `cpu` reference
 * from identical plain-array inputs, and measure the disagreement and any leak.
 *
 *   const { wasm, cpu } = await onBothBackends(() => tf.tile(tf.tensor(data, [2, 3]), [2, 1]));
 *   expect(relativeError(wasm.values[0], cpu.values[0])).toBe(0);
 */
export interface BackendRun {
  values: Float32Array[];
  /** Engine tensors left after the run (tf.memory().numTensors difference). */
  leakedTensors: number;
  /** Backend buffers left after the run, including intermediates a kernel forgot to free. */
  leakedData: number;
}

export async function onBothBackends(
  compute: () => tf.Tensor | tf.Tensor[],
): Promise<{ wasm: BackendRun; cpu: BackendRun }> {
  const wasm = await runOn('wasm', compute);
  const cpu = await runOn('cpu', compute);
  return { wasm, cpu };
}

/** Runs `compute` inside tidy on one backend and reads every result back (wasm gets the patch). */
export async function runOn(backend: 'wasm' | 'cpu', compute: () => tf.Tensor | tf.Tensor[]): Promise<BackendRun> {
  await tf.setBackend(backend);
  if (backend === 'wasm') registerWasmTrainingKernels();
  const tensorsBefore = tf.memory().numTensors;
  const dataBefore = tf.engine().backend.numDataIds();
  const result = tf.tidy(compute);
  const outputs = Array.isArray(result) ? result : [result];
  const values = outputs.map((t) => Float32Array.from(t.dataSync()));
  tf.dispose(outputs);
  return {
    values,
    leakedTensors: tf.memory().numTensors - tensorsBefore,
    leakedData: tf.engine().backend.numDataIds() - dataBefore,
  };
}

/** max |actual − expected| / max |expected| (the absolute error when expected is all zeros). */
export function relativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  if (actual.length !== expected.length) throw new Error(`length mismatch: ${actual.length} vs ${expected.length}`);
  let maxError = 0;
  let maxValue = 0;
  for (let i = 0; i < expected.length; i++) {
    maxError = Math.max(maxError, Math.abs(actual[i] - expected[i]));
    maxValue = Math.max(maxValue, Math.abs(expected[i]));
  }
  return maxValue > 0 ? maxError / maxValue : maxError;
}

/** Standard-normal float32 data from the seeded generator. */
export function normalData(rng: Rng, size: number): Float32Array {
  const data = new Float32Array(size);
  for (let i = 0; i < size; i++) data[i] = rng.normal();
  return data;
}
