import { describeNativeConvolutions } from '../backend/nativeConvolutions.js';
import { initBackend, type BackendInfo } from '../backend/selectBackend.js';
import type { CheckpointListing } from '../run/checkpointIndex.js';
import { describeDataset } from '../data/catalog.js';
import { inferenceRuntime } from '../run/inferenceRuntime.js';

const threadCount = (n: number | null) => (n === null ? '– threads' : `${n} thread${n === 1 ? '' : 's'}`);

/** Starts the backend and the inference runtime and prints which ones run, with their threads, and every backend candidate's outcome. */
export async function printBackend(): Promise<BackendInfo> {
  const backend = await initBackend();
  const runtime = await inferenceRuntime();
  for (const warning of [...backend.warnings, ...runtime.warnings]) console.error(`warning: ${warning}`);
  console.error(`backend: ${describeBackend(backend)}, tfjs ${backend.tfjsVersion}`);
  for (const c of backend.candidates) console.error(`  ${c.name.padEnd(14)} ${c.outcome}${c.reason ? `: ${c.reason}` : ''}`);
  if (backend.name === 'wasm') console.error(`convolutions: ${describeNativeConvolutions()}`);
  const onnx = runtime.name === 'onnxruntime' ? `onnxruntime-node ${runtime.version} (${threadCount(runtime.threads)})` : 'the tfjs backend';
  console.error(`inference (evaluation passes): ${onnx}`);
  return backend;
}

/** One `warning:` line (stderr) per checkpoint metadata file that could not be read. */
export function warnUnreadable(unreadable: CheckpointListing['unreadable']): void {
  for (const { file, reason } of unreadable) console.error(`warning: unreadable checkpoint ${file}: ${reason}`);
}

/** e.g. `wasm (2 threads, SIMD)`, `webgpu on nvidia H200 (driver …)`; what the backend does not report shows as `–`. */
export function describeBackend({ name, threads, simd, adapter }: Pick<BackendInfo, 'name' | 'threads' | 'simd' | 'adapter'>): string {
  if (adapter) return `${name} on ${[adapter.vendor, adapter.name].filter(Boolean).join(' ') || 'an unnamed adapter'} (driver ${adapter.driver ?? '–'})`;
  const vector = simd === null ? ', SIMD –' : simd ? ', SIMD' : '';
  return `${name} (${threadCount(threads)}${vector})`;
}

/** Mean of the known per-class accuracies (null when none is known). */
export function meanAccuracy(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : known.reduce((s, x) => s + x, 0) / known.length;
}

/** An accuracy with three decimals, `  –  ` when unknown (a class without images). */
export const formatAccuracy = (v: number | null): string => (v === null ? '  –  ' : v.toFixed(3));

/** Per-class train/test accuracy as an aligned table with the class names. */
export function printAccuracyTable(accuracy: { train: (number | null)[]; test: (number | null)[] }, datasetId: string): void {
  const names = describeDataset(datasetId).classNames;
  const width = Math.max(...names.map((n) => n.length), 5);
  console.log(`${'class'.padEnd(width + 4)}  train   test`);
  names.forEach((name, c) => {
    console.log(`${String(c).padStart(2)}  ${name.padEnd(width)}  ${formatAccuracy(accuracy.train[c])}  ${formatAccuracy(accuracy.test[c])}`);
  });
  console.log(`${'mean'.padEnd(width + 4)}  ${formatAccuracy(meanAccuracy(accuracy.train))}  ${formatAccuracy(meanAccuracy(accuracy.test))}`);
}
