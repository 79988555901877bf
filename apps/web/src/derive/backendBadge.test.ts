import { describe, expect, it } from 'vitest';
import { backendBadge } from './backendBadge.js';

describe('backendBadge', () => {
  it('names the GPU of a GPU backend and lists every candidate with its reason in the tooltip', () => {
    const badge = backendBadge({
      name: 'webgpu',
      threads: null,
      adapter: { vendor: 'google', name: 'swiftshader-device', driver: 'SwiftShader driver 5.0.0' },
      candidates: [
        { name: 'tensorflow-gpu', outcome: 'skipped', reason: '@tensorflow/tfjs-node-gpu is not installed' },
        { name: 'webgpu', outcome: 'chosen', reason: null },
        { name: 'wasm', outcome: 'not tried', reason: 'webgpu was chosen first' },
      ],
    });
    expect(badge.text).toBe('backend: webgpu · google swiftshader-device');
    expect(badge.title.split('\n')).toEqual([
      'Compute backend of the server',
      'driver: SwiftShader driver 5.0.0',
      'tensorflow-gpu: skipped (@tensorflow/tfjs-node-gpu is not installed)',
      'webgpu: chosen',
      'wasm: not tried (webgpu was chosen first)',
    ]);
  });

  it('shows the threads of a CPU backend, – when unknown', () => {
    expect(backendBadge({ name: 'wasm', threads: 2, adapter: null, candidates: [] }).text).toBe('backend: wasm · 2 threads');
    expect(backendBadge({ name: 'tensorflow', threads: null, adapter: null, candidates: [] }).text).toBe('backend: tensorflow · – threads');
  });
});
