import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cachedOnnx, onnxKey } from './onnxCache.js';

describe('onnx cache', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'onnx-cache-'));
    vi.stubEnv('MU_ONNX_CACHE', dir);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keys a graph by its description and every weight byte', () => {
    const w = [Float32Array.of(1, 2), Float32Array.of(3)];
    const key = onnxKey('resnet18-w8', w);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(onnxKey('resnet18-w8', [Float32Array.of(1, 2), Float32Array.of(3)])).toBe(key);
    expect(onnxKey('resnet18-w8', [Float32Array.of(1, 2), Float32Array.of(3.0000002)])).not.toBe(key);
    expect(onnxKey('small-cnn', w)).not.toBe(key);
  });

  it('exports a missing graph once, writes it, and reuses the file', () => {
    const build = vi.fn(() => Uint8Array.of(8, 1, 2));
    const file = cachedOnnx('a'.repeat(64), build);
    expect(file).toBe(path.join(dir, `${'a'.repeat(64)}.onnx`));
    expect([...readFileSync(file as string)]).toEqual([8, 1, 2]);
    expect(cachedOnnx('a'.repeat(64), build)).toBe(file);
    expect(build).toHaveBeenCalledTimes(1);
    expect(readdirSync(dir)).toEqual([`${'a'.repeat(64)}.onnx`]);
  });

  it('keeps the 16 most recently used graphs', () => {
    const keys = Array.from({ length: 17 }, (_, i) => i.toString(16).padStart(64, '0'));
    keys.forEach((key, i) => {
      cachedOnnx(key, () => Uint8Array.of(i));
      utimesSync(path.join(dir, `${key}.onnx`), 1000 + i, 1000 + i);
    });
    cachedOnnx(keys[0], () => Uint8Array.of(0)); // used again: now the newest
    cachedOnnx('f'.repeat(64), () => Uint8Array.of(99));
    const kept = readdirSync(dir);
    expect(kept).toHaveLength(16);
    expect(kept).toContain(`${keys[0]}.onnx`);
    expect(kept).not.toContain(`${keys[1]}.onnx`);
    expect(kept).not.toContain(`${keys[2]}.onnx`);
  });

  it('still returns the graph when the folder cannot be written', () => {
    vi.stubEnv('MU_ONNX_CACHE', path.join('/dev/null', 'onnx'));
    expect(cachedOnnx('b'.repeat(64), () => Uint8Array.of(5))).toEqual(Uint8Array.of(5));
  });
});
