import { describe, expect, it } from 'vitest';
import { chooseBackend, type BackendLoaders, type NativeLoad } from './chooseBackend.js';

const missing: NativeLoad = { ok: false, installed: false, reason: '@tensorflow/tfjs-node is not installed' };
const broken: NativeLoad = { ok: false, installed: true, reason: 'libtensorflow.so: cannot open shared object file' };

/** Loaders that record what was tried; `native` answers per backend, `wasm` may throw. */
function mockLoaders(native: Partial<Record<'tensorflow-gpu' | 'tensorflow', NativeLoad>>, wasm: Error | { threads: number; simd: boolean } = { threads: 4, simd: true }) {
  const tried: string[] = [];
  const loaders: BackendLoaders = {
    native: async (name) => (tried.push(name), native[name] ?? missing),
    wasm: async (threads) => {
      tried.push(`wasm×${threads}`);
      if (wasm instanceof Error) throw wasm;
      return wasm;
    },
    cpu: async () => void tried.push('cpu'),
  };
  return { loaders, tried };
}

describe('chooseBackend', () => {
  it('takes tfjs-node-gpu first when it loads, with unknown threads and SIMD (it does not report them)', async () => {
    const { loaders, tried } = mockLoaders({ 'tensorflow-gpu': { ok: true } });
    expect(await chooseBackend('auto', 4, loaders)).toEqual({ name: 'tensorflow-gpu', threads: null, simd: null, warnings: [] });
    expect(tried).toEqual(['tensorflow-gpu']);
  });

  it('falls back to tfjs-node, warning that an installed GPU backend failed to load', async () => {
    const { loaders, tried } = mockLoaders({ 'tensorflow-gpu': broken, tensorflow: { ok: true } });
    expect(await chooseBackend('auto', 4, loaders)).toEqual({
      name: 'tensorflow',
      threads: null,
      simd: null,
      warnings: ['tensorflow-gpu backend failed to load (libtensorflow.so: cannot open shared object file)'],
    });
    expect(tried).toEqual(['tensorflow-gpu', 'tensorflow']);
  });

  it('uses wasm with its real thread count and SIMD when no native backend is installed, silently', async () => {
    const { loaders, tried } = mockLoaders({}, { threads: 3, simd: false });
    expect(await chooseBackend('auto', 4, loaders)).toEqual({ name: 'wasm', threads: 3, simd: false, warnings: [] });
    expect(tried).toEqual(['tensorflow-gpu', 'tensorflow', 'wasm×4']);
  });

  it('ends on cpu with warnings when the native backends are broken and wasm fails', async () => {
    const { loaders, tried } = mockLoaders({ tensorflow: broken }, new Error('no WebAssembly'));
    expect(await chooseBackend('auto', 2, loaders)).toEqual({
      name: 'cpu',
      threads: 1,
      simd: false,
      warnings: [
        'tensorflow backend failed to load (libtensorflow.so: cannot open shared object file)',
        'wasm backend failed to start (no WebAssembly)',
        'using the slow pure-JavaScript cpu backend',
      ],
    });
    expect(tried).toEqual(['tensorflow-gpu', 'tensorflow', 'wasm×2', 'cpu']);
  });

  it('uses only a named backend, and fails when it does not start', async () => {
    const wasm = mockLoaders({ 'tensorflow-gpu': { ok: true } });
    expect((await chooseBackend('wasm', 2, wasm.loaders)).name).toBe('wasm');
    expect(wasm.tried).toEqual(['wasm×2']);
    await expect(chooseBackend('tensorflow', 2, mockLoaders({}).loaders)).rejects.toThrow('backend tensorflow is not available: @tensorflow/tfjs-node is not installed');
    await expect(chooseBackend('wasm', 2, mockLoaders({}, new Error('no WebAssembly')).loaders)).rejects.toThrow('backend wasm failed to start: no WebAssembly');
    const cpu = mockLoaders({ tensorflow: { ok: true } });
    expect(await chooseBackend('cpu', 2, cpu.loaders)).toEqual({ name: 'cpu', threads: 1, simd: false, warnings: [] });
    expect(cpu.tried).toEqual(['cpu']);
  });
});
