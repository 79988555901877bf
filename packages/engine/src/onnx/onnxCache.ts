import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Exported graphs kept on disk; the least recently used beyond this are deleted. */
const KEPT_FILES = 16;

/** Where exported ONNX graphs are cached: `MU_ONNX_CACHE`, else `~/.cache/unlearning-comparator/onnx`. */
export function onnxCacheDir(): string {
  if (process.env.MU_ONNX_CACHE) return path.resolve(process.env.MU_ONNX_CACHE);
  return path.join(os.homedir(), '.cache', 'unlearning-comparator', 'onnx');
}

/**
 * The cache key of an exported graph: SHA-256 over what the graph depends on (a description
 * of the architecture, input and outputs, and every weight's bytes in declaration order).
 *
 *   onnxKey(JSON.stringify({ shape, inputShape, outputs }), await model.values()) // '3f9a…'
 */
export function onnxKey(description: string, values: readonly Float32Array[]): string {
  const hash = createHash('sha256').update(description);
  for (const v of values) hash.update(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
  return hash.digest('hex');
}

/**
 * The cached graph file of `key`, exported with `build` and written (atomically) when missing.
 * Returns the file's path, or the built bytes when the cache folder cannot be written (the
 * graph is then exported again next time, nothing else is lost).
 */
export function cachedOnnx(key: string, build: () => Uint8Array): string | Uint8Array {
  const dir = onnxCacheDir();
  const file = path.join(dir, `${key}.onnx`);
  try {
    const now = new Date();
    utimesSync(file, now, now);
    return file;
  } catch {
    // not cached yet
  }
  const bytes = build();
  try {
    mkdirSync(dir, { recursive: true });
    const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(temporary, bytes);
    renameSync(temporary, file);
    prune(dir);
    return file;
  } catch {
    return bytes;
  }
}

function prune(dir: string): void {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.onnx'))
    .map((f) => ({ file: path.join(dir, f), used: statSync(path.join(dir, f)).mtimeMs }))
    .sort((a, b) => b.used - a.used);
  for (const { file } of files.slice(KEPT_FILES)) unlinkSync(file);
}
