import { afterEach, describe, expect, it, vi } from 'vitest';

/** A fresh copy of the selection module (it selects once per process). */
async function select() {
  vi.resetModules();
  const { inferenceRuntime } = await import('./inferenceRuntime.js');
  return inferenceRuntime();
}

describe('inferenceRuntime', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.doUnmock('onnxruntime-node');
  });

  it('picks onnxruntime-node when it loads, with MU_THREADS intra-op threads', async () => {
    vi.stubEnv('MU_INFERENCE', '');
    vi.stubEnv('MU_THREADS', '2');
    const runtime = await select();
    expect([runtime.name, runtime.version, runtime.threads, runtime.warnings]).toEqual(['onnxruntime', '1.30.0', 2, []]);
  });

  it('MU_INFERENCE=tfjs keeps inference on the tfjs backend', async () => {
    vi.stubEnv('MU_INFERENCE', 'tfjs');
    const runtime = await select();
    expect([runtime.name, runtime.version, runtime.threads, runtime.warnings]).toEqual(['tfjs', null, null, []]);
  });

  it('falls back to tfjs with a warning when onnxruntime-node cannot load, and fails when it was asked for', async () => {
    vi.doMock('onnxruntime-node', () => {
      throw new Error('libonnxruntime.so.1: cannot open shared object file\nmore');
    });
    vi.stubEnv('MU_INFERENCE', 'auto');
    const runtime = await select();
    expect(runtime.name).toBe('tfjs');
    expect(runtime.warnings).toHaveLength(1);
    expect(runtime.warnings[0]).toMatch(/^onnxruntime not available, inference runs on tfjs \(onnxruntime-node is not installed or failed to load \(.+\)\)$/);
    vi.stubEnv('MU_INFERENCE', 'onnxruntime');
    await expect(select()).rejects.toThrow(/^onnxruntime is not available: onnxruntime-node is not installed or failed to load/);
  });

  it('refuses an unknown MU_INFERENCE', async () => {
    vi.stubEnv('MU_INFERENCE', 'gpu');
    await expect(select()).rejects.toThrow('invalid MU_INFERENCE: gpu (expected auto, onnxruntime, tfjs)');
  });
});
