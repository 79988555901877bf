import { initBackend, type BackendInfo } from '../backend/selectBackend.js';
import { describeDataset } from '../data/catalog.js';
import { inferenceRuntime } from '../run/inferenceRuntime.js';

const threads = (n: number) => `${n} thread${n === 1 ? '' : 's'}`;

/** Starts the backend and the inference runtime and prints which ones run, with their threads. */
export async function printBackend(): Promise<BackendInfo> {
  const backend = await initBackend();
  const runtime = await inferenceRuntime();
  for (const warning of [...backend.warnings, ...runtime.warnings]) console.error(`warning: ${warning}`);
  console.error(`backend: ${backend.name} (${threads(backend.threads)}${backend.simd ? ', SIMD' : ''}), tfjs ${backend.tfjsVersion}`);
  const onnx = runtime.name === 'onnxruntime' ? `onnxruntime-node ${runtime.version} (${threads(runtime.threads ?? 1)})` : 'the tfjs backend';
  console.error(`inference (evaluation passes): ${onnx}`);
  return backend;
}

/** Per-class train/test accuracy as an aligned table with the class names. */
export function printAccuracyTable(accuracy: { train: number[]; test: number[] }, datasetId: string): void {
  const names = describeDataset(datasetId).classNames;
  const width = Math.max(...names.map((n) => n.length), 5);
  console.log(`${'class'.padEnd(width + 4)}  train   test`);
  names.forEach((name, c) => {
    console.log(`${String(c).padStart(2)}  ${name.padEnd(width)}  ${accuracy.train[c].toFixed(3)}  ${accuracy.test[c].toFixed(3)}`);
  });
  const mean = (a: number[]) => a.reduce((s, x) => s + x, 0) / a.length;
  console.log(`${'mean'.padEnd(width + 4)}  ${mean(accuracy.train).toFixed(3)}  ${mean(accuracy.test).toFixed(3)}`);
}
