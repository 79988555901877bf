import * as tf from '@tensorflow/tfjs';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createRng } from '../../random.js';
import { backendProvenance } from '../backendProvenance.js';
import { nativeConvolutions } from '../nativeConvolutions.js';
import { normalData, onBothBackends, relativeError, runOn } from './backendParity.js';
import type { BackendRun } from './backendParity.js';
import { NATIVE_CONV_FLAG } from './nativeConv.js';

/** Max error relative to the largest entry; float32 round-off measures ~1e-6. */
const TOLERANCE = 1e-4;

type Pad = 'same' | 'valid' | [[number, number], [number, number], [number, number], [number, number]];
interface Case {
  batch: number;
  size: number;
  inChannels: number;
  outChannels: number;
  kernel: number;
  stride: number;
  pad: Pad;
}

const pads: Pad[] = ['same', 'valid', [[0, 0], [1, 1], [1, 1], [0, 0]], [[0, 0], [0, 1], [1, 0], [0, 0]]];

/** 1×1 and 3×3, stride 1 and 2, every pad, batch 1 and more, random sizes; plus a 3-channel stem. */
function cases(): Case[] {
  const rng = createRng(20261204);
  const out: Case[] = [];
  for (const kernel of [1, 3]) {
    for (const stride of [1, 2]) {
      for (const pad of pads) {
        out.push({
          batch: 1 + rng.int(2) * (1 + rng.int(4)),
          size: 4 + rng.int(12),
          inChannels: 1 + rng.int(40),
          outChannels: 1 + rng.int(40),
          kernel,
          stride,
          pad,
        });
      }
    }
  }
  out.push({ batch: 4, size: 32, inChannels: 3, outChannels: 16, kernel: 3, stride: 1, pad: 'same' });
  return out;
}

const label = (c: Case): string =>
  `${c.batch}×${c.size}×${c.size}×${c.inChannels} k${c.kernel} s${c.stride} → ${c.outChannels}, pad ${JSON.stringify(c.pad)}`;

/** y, fused (bias + ReLU) y, dx and dW of one case from seeded data. */
function compute(c: Case): () => tf.Tensor[] {
  const rng = createRng(c.size * 1000 + c.inChannels * 10 + c.outChannels);
  const xShape: [number, number, number, number] = [c.batch, c.size, c.size, c.inChannels];
  const wShape: [number, number, number, number] = [c.kernel, c.kernel, c.inChannels, c.outChannels];
  const xData = normalData(rng, tf.util.sizeFromShape(xShape));
  const wData = normalData(rng, tf.util.sizeFromShape(wShape));
  const biasData = normalData(rng, c.outChannels);
  return () => {
    const x = tf.tensor4d(xData, xShape);
    const w = tf.tensor4d(wData, wShape);
    const bias = tf.tensor1d(biasData);
    const conv = (a: tf.Tensor, b: tf.Tensor) => tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.stride, c.pad);
    const y = conv(x, w);
    const fused = tf.fused.conv2d({ x, filter: w, strides: c.stride, pad: c.pad, bias, activation: 'relu' });
    const dy = tf.tensor4d(normalData(createRng(7), y.size), y.shape);
    return [y, fused, ...tf.grads(conv)([x, w], dy)];
  };
}

/** The case on the WebAssembly path (native flag off). */
async function onWasmPath(compute: () => tf.Tensor[]): Promise<BackendRun> {
  tf.env().set(NATIVE_CONV_FLAG, false);
  try {
    return await runOn('wasm', compute);
  } finally {
    tf.env().set(NATIVE_CONV_FLAG, true);
  }
}

const native = nativeConvolutions();
const worst = { y: 0, fused: 0, dx: 0, dW: 0 };

// CI builds the addon (scripts/setup.sh), so a missing one fails there; elsewhere the tests skip.
describe.skipIf(native.addon == null && process.env.CI !== 'true')('native (oneDNN) convolutions on wasm', () => {
  afterEach(() => vi.restoreAllMocks());

  it('loads the addon', () => {
    expect(native.addon == null ? native.reason : native.version).toMatch(/^oneDNN /);
  });

  it.each(cases().map((c) => [label(c), c] as const))('%s matches cpu and the wasm path', async (_, c) => {
    const addon = native.addon!;
    const calls = [vi.spyOn(addon, 'forward'), vi.spyOn(addon, 'backwardData'), vi.spyOn(addon, 'backwardWeights')];
    const { wasm, cpu } = await onBothBackends(compute(c));
    expect(calls.map((spy) => spy.mock.calls.length > 0)).toEqual([true, true, true]);
    const fallback = await onWasmPath(compute(c));
    (['y', 'fused', 'dx', 'dW'] as const).forEach((name, i) => {
      const error = relativeError(wasm.values[i], cpu.values[i]);
      worst[name] = Math.max(worst[name], error);
      expect(error, `${name} vs cpu`).toBeLessThanOrEqual(TOLERANCE);
      expect(relativeError(wasm.values[i], fallback.values[i]), `${name} vs the wasm path`).toBeLessThanOrEqual(TOLERANCE);
    });
    expect(wasm.leakedTensors).toBe(0);
    expect(wasm.leakedData).toBe(0);
  });

  it('runs as many OpenMP threads as the wasm backend', async () => {
    await runOn('wasm', () => tf.conv2d(tf.ones([1, 4, 4, 2]) as tf.Tensor4D, tf.ones([1, 1, 2, 2]) as tf.Tensor4D, 1, 'valid'));
    const backend = tf.backend() as unknown as { wasm: { tfjs: { getThreadsCount(): number } } };
    expect(native.addon!.threads()).toBe(backend.wasm.tfjs.getThreadsCount());
  });

  it('is recorded in the provenance of wasm checkpoints only', () => {
    const backend = { threads: 1, tfjsVersion: tf.version.tfjs, adapter: null };
    expect(backendProvenance({ ...backend, name: 'wasm' }).nativeConvolutions).toBe(native.addon == null ? undefined : native.version);
    expect(backendProvenance({ ...backend, name: 'cpu' })).not.toHaveProperty('nativeConvolutions');
  });

  it('leaves dilated convolutions to the stock kernel', async () => {
    const forward = vi.spyOn(native.addon!, 'forward');
    const { wasm, cpu } = await onBothBackends(() =>
      tf.conv2d(tf.ones([1, 7, 7, 2]) as tf.Tensor4D, tf.ones([3, 3, 2, 4]) as tf.Tensor4D, 1, 'same', 'NHWC', 2),
    );
    expect(forward).not.toHaveBeenCalled();
    expect(relativeError(wasm.values[0], cpu.values[0])).toBeLessThanOrEqual(TOLERANCE);
  });

  afterAll(() => {
    const e = (v: number) => v.toExponential(2);
    console.log(`native convolutions: worst relative error y ${e(worst.y)}, fused ${e(worst.fused)}, dx ${e(worst.dx)}, dW ${e(worst.dW)}`);
  });
});
