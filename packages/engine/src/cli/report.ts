import { initBackend, type BackendInfo } from '../backend/selectBackend.js';
import { describeDataset } from '../data/catalog.js';

/** Starts the backend and prints which one runs, with its thread count. */
export async function printBackend(): Promise<BackendInfo> {
  const backend = await initBackend();
  for (const warning of backend.warnings) console.error(`warning: ${warning}`);
  console.error(`backend: ${backend.name} (${backend.threads} thread${backend.threads === 1 ? '' : 's'}${backend.simd ? ', SIMD' : ''}), tfjs ${backend.tfjsVersion}`);
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
