import { describe, expect, it } from 'vitest';
import { chooseBackend, type AdapterProbe, type BackendLoaders, type NativeLoad } from './chooseBackend.js';

const missing: NativeLoad = { ok: false, installed: false, reason: '@tensorflow/tfjs-node is not installed' };
const broken: NativeLoad = { ok: false, installed: true, reason: '@tensorflow/tfjs-node failed to load (libtensorflow.so: cannot open shared object file)' };
const brokenAt: NativeLoad = { ok: false, installed: true, reason: "@tensorflow/tfjs-node-gpu failed to load (Cannot find module '/home/ann/app/node_modules/tfjs-node-gpu/lib/napi-v8/tfjs_binding.node')" };
const noAdapter: AdapterProbe = { found: false, reason: 'no Vulkan driver installed' };
const gpu = { vendor: 'nvidia', name: 'H200', driver: 'NVIDIA 550.54' };
const hardware: AdapterProbe = { found: true, software: false, adapter: gpu };
const swiftshader: AdapterProbe = { found: true, software: true, adapter: { vendor: 'google', name: 'swiftshader-device', driver: 'SwiftShader driver 5.0.0' } };

interface Mocks {
  native?: Partial<Record<'tensorflow-gpu' | 'tensorflow', NativeLoad>>;
  adapter?: AdapterProbe;
  webgpu?: Error;
  wasm?: Error | { threads: number; simd: boolean };
}

/** Loaders that record what was tried (`webgpu?` is the adapter probe, `webgpu` the start). */
function mockLoaders({ native = {}, adapter = noAdapter, webgpu, wasm = { threads: 4, simd: true } }: Mocks) {
  const tried: string[] = [];
  const loaders: BackendLoaders = {
    native: async (name) => (tried.push(name), native[name] ?? missing),
    webgpuAdapter: async () => (tried.push('webgpu?'), adapter),
    webgpu: async () => {
      tried.push('webgpu');
      if (webgpu) throw webgpu;
    },
    wasm: async (threads) => {
      tried.push(`wasm×${threads}`);
      if (wasm instanceof Error) throw wasm;
      return wasm;
    },
    cpu: async () => void tried.push('cpu'),
  };
  return { loaders, tried };
}

const outcomes = (c: { candidates: { name: string; outcome: string }[] }) => c.candidates.map((x) => `${x.name}:${x.outcome}`);

describe('chooseBackend', () => {
  it('takes tfjs-node-gpu first when it loads, with unknown threads, SIMD and adapter; the rest not tried', async () => {
    const { loaders, tried } = mockLoaders({ native: { 'tensorflow-gpu': { ok: true } }, adapter: hardware });
    const chosen = await chooseBackend('auto', 4, loaders);
    expect(chosen).toMatchObject({ name: 'tensorflow-gpu', threads: null, simd: null, adapter: null, warnings: [] });
    expect(outcomes(chosen)).toEqual(['tensorflow-gpu:chosen', 'tensorflow:not tried', 'webgpu:not tried', 'wasm:not tried', 'cpu:not tried']);
    expect(tried).toEqual(['tensorflow-gpu']);
  });

  it('skips a broken native backend with a warning and its reason, then takes a hardware WebGPU adapter', async () => {
    const { loaders, tried } = mockLoaders({ native: { 'tensorflow-gpu': broken }, adapter: hardware });
    const chosen = await chooseBackend('auto', 4, loaders);
    expect(chosen).toMatchObject({ name: 'webgpu', threads: null, adapter: gpu });
    expect(chosen.warnings).toEqual(['tensorflow-gpu backend skipped: @tensorflow/tfjs-node failed to load (libtensorflow.so: cannot open shared object file)']);
    expect(chosen.candidates.slice(0, 3)).toEqual([
      { name: 'tensorflow-gpu', outcome: 'skipped', reason: broken.ok ? null : broken.reason },
      { name: 'tensorflow', outcome: 'skipped', reason: '@tensorflow/tfjs-node is not installed' },
      { name: 'webgpu', outcome: 'chosen', reason: null },
    ]);
    expect(tried).toEqual(['tensorflow-gpu', 'tensorflow', 'webgpu?', 'webgpu']);
  });

  it('passes over a software adapter in auto mode (saying so) and uses wasm, silently', async () => {
    const { loaders, tried } = mockLoaders({ adapter: swiftshader, wasm: { threads: 3, simd: false } });
    const chosen = await chooseBackend('auto', 4, loaders);
    expect(chosen).toMatchObject({ name: 'wasm', threads: 3, simd: false, adapter: null, warnings: [] });
    expect(chosen.candidates[2]).toEqual({ name: 'webgpu', outcome: 'skipped', reason: 'only a software adapter (swiftshader-device); MU_BACKEND=webgpu uses it' });
    expect(tried).toEqual(['tensorflow-gpu', 'tensorflow', 'webgpu?', 'wasm×4']);
  });

  it('uses a software adapter when webgpu is asked for by name', async () => {
    const { loaders, tried } = mockLoaders({ native: { 'tensorflow-gpu': { ok: true } }, adapter: swiftshader });
    const chosen = await chooseBackend('webgpu', 2, loaders);
    expect(chosen).toMatchObject({ name: 'webgpu', adapter: swiftshader.found ? swiftshader.adapter : null });
    expect(outcomes(chosen)).toEqual(['tensorflow-gpu:skipped', 'tensorflow:skipped', 'webgpu:chosen', 'wasm:not tried', 'cpu:not tried']);
    expect(chosen.candidates[0].reason).toBe('not requested (backend webgpu was asked for)');
    expect(tried).toEqual(['webgpu?', 'webgpu']);
  });

  it('ends on cpu with warnings when nothing else works, every candidate skipped with its reason', async () => {
    const { loaders, tried } = mockLoaders({ native: { tensorflow: broken }, adapter: hardware, webgpu: new Error("tf.setBackend('webgpu') failed"), wasm: new Error('no WebAssembly') });
    const chosen = await chooseBackend('auto', 2, loaders);
    expect(chosen).toMatchObject({ name: 'cpu', threads: 1, simd: false, adapter: null });
    expect(chosen.candidates.map((c) => c.reason)).toEqual([
      '@tensorflow/tfjs-node is not installed',
      '@tensorflow/tfjs-node failed to load (libtensorflow.so: cannot open shared object file)',
      "failed to start on H200 (tf.setBackend('webgpu') failed)",
      'failed to start (no WebAssembly)',
      null,
    ]);
    expect(chosen.warnings).toEqual([
      'tensorflow backend skipped: @tensorflow/tfjs-node failed to load (libtensorflow.so: cannot open shared object file)',
      "webgpu backend skipped: failed to start on H200 (tf.setBackend('webgpu') failed)",
      'wasm backend skipped: failed to start (no WebAssembly)',
      'using the slow pure-JavaScript cpu backend',
    ]);
    expect(tried).toEqual(['tensorflow-gpu', 'tensorflow', 'webgpu?', 'webgpu', 'wasm×2', 'cpu']);
  });

  it('keeps file paths out of the reasons it reports (the warning keeps them)', async () => {
    const chosen = await chooseBackend('auto', 2, mockLoaders({ native: { 'tensorflow-gpu': brokenAt } }).loaders);
    expect(chosen.candidates[0].reason).toBe("@tensorflow/tfjs-node-gpu failed to load (Cannot find module 'tfjs_binding.node')");
    expect(chosen.warnings[0]).toContain('/home/ann/app/node_modules');
  });

  it('uses only a named backend, and fails with the reason when it does not start', async () => {
    const wasm = mockLoaders({ native: { 'tensorflow-gpu': { ok: true } }, adapter: hardware });
    expect((await chooseBackend('wasm', 2, wasm.loaders)).name).toBe('wasm');
    expect(wasm.tried).toEqual(['wasm×2']);
    await expect(chooseBackend('tensorflow', 2, mockLoaders({}).loaders)).rejects.toThrow('backend tensorflow is not available: @tensorflow/tfjs-node is not installed');
    await expect(chooseBackend('webgpu', 2, mockLoaders({}).loaders)).rejects.toThrow('backend webgpu is not available: no Vulkan driver installed');
    await expect(chooseBackend('webgpu', 2, mockLoaders({ adapter: hardware, webgpu: new Error('device lost') }).loaders)).rejects.toThrow(
      'backend webgpu is not available: failed to start on H200 (device lost)',
    );
    await expect(chooseBackend('wasm', 2, mockLoaders({ wasm: new Error('no WebAssembly') }).loaders)).rejects.toThrow('backend wasm is not available: failed to start (no WebAssembly)');
    const cpu = mockLoaders({ native: { tensorflow: { ok: true } } });
    expect(await chooseBackend('cpu', 2, cpu.loaders)).toMatchObject({ name: 'cpu', threads: 1, simd: false, warnings: [] });
    expect(cpu.tried).toEqual(['cpu']);
  });
});
