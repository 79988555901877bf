import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../random.js';
import { normalData, onBothBackends, relativeError } from './backendParity.js';
import { CHUNK_FLAG, filterGradMethod, imagesPerChunk } from './Conv2DBackpropFilter.js';
import { NATIVE_CONV_FLAG } from './nativeConv.js';

/** Max error relative to the largest gradient entry; float32 round-off measures ~1e-6. */
const TOLERANCE = 1e-4;

type Pad = 'same' | 'valid' | number | [[number, number], [number, number], [number, number], [number, number]];
interface Case {
  batch: number;
  height: number;
  width: number;
  inChannels: number;
  outChannels: number;
  kernel: number | [number, number];
  stride: number | [number, number];
  pad: Pad;
}

const pair = (v: number | [number, number]): [number, number] => (typeof v === 'number' ? [v, v] : v);

const pads: Pad[] = [
  'same',
  'valid',
  1,
  [[0, 0], [1, 1], [1, 1], [0, 0]],
  [[0, 0], [0, 1], [2, 0], [0, 0]], // asymmetric, wider than a 1×1 kernel: negative sub-pixel pads
];

/** Every kernel × stride × pad, once small and once large, plus dW in several chunks with a remainder. */
function cases(): Case[] {
  const rng = createRng(20240611);
  const out: Case[] = [];
  for (const kernel of [1, 3]) {
    for (const stride of [1, 2]) {
      for (const pad of pads) {
        out.push({
          batch: 1 + rng.int(4),
          height: 3 + rng.int(7),
          width: 3 + rng.int(7),
          inChannels: 1 + rng.int(32),
          outChannels: 1 + rng.int(32),
          kernel,
          stride,
          pad,
        });
        out.push({
          batch: 1 + rng.int(2),
          height: 21 + rng.int(6),
          width: 21 + rng.int(6),
          inChannels: 5 + rng.int(12),
          outChannels: 1 + rng.int(16),
          kernel,
          stride,
          pad,
        });
      }
    }
  }
  // Any stride and kernel shape (a numeric pad only with square ones: tfjs sizes NUMBER pads from the height).
  out.push(
    { batch: 2, height: 13, width: 11, inChannels: 6, outChannels: 5, kernel: [5, 3], stride: 3, pad: 'same' },
    { batch: 1, height: 14, width: 9, inChannels: 9, outChannels: 3, kernel: [5, 3], stride: 4, pad: [[0, 0], [3, 0], [0, 4], [0, 0]] },
    { batch: 3, height: 9, width: 12, inChannels: 4, outChannels: 8, kernel: 2, stride: [1, 2], pad: 'valid' },
    { batch: 2, height: 16, width: 15, inChannels: 7, outChannels: 6, kernel: 3, stride: [2, 3], pad: 'same' },
    { batch: 2, height: 10, width: 10, inChannels: 5, outChannels: 4, kernel: 3, stride: 4, pad: 2 },
  );
  return out;
}

const convInfo = (c: Case) =>
  tf.backend_util.computeConv2DInfo(
    [c.batch, c.height, c.width, c.inChannels],
    [...pair(c.kernel), c.inChannels, c.outChannels],
    c.stride,
    1,
    c.pad,
  );

const label = (c: Case): string =>
  `${c.batch}×${c.height}×${c.width}×${c.inChannels} k${pair(c.kernel).join('×')} s${pair(c.stride).join('×')} → ${c.outChannels}, ` +
  `pad ${JSON.stringify(c.pad)}`;

/** dx and dW of tf.conv2d for one case on both backends, from seeded data. */
async function gradients(c: Case) {
  const rng = createRng(c.height * 1000 + c.width * 10 + c.inChannels);
  const xShape: [number, number, number, number] = [c.batch, c.height, c.width, c.inChannels];
  const wShape: [number, number, number, number] = [...pair(c.kernel), c.inChannels, c.outChannels];
  const info = convInfo(c);
  const xData = normalData(rng, tf.util.sizeFromShape(xShape));
  const wData = normalData(rng, tf.util.sizeFromShape(wShape));
  const dyData = normalData(rng, tf.util.sizeFromShape(info.outShape));
  return onBothBackends(() => {
    const x = tf.tensor4d(xData, xShape);
    const w = tf.tensor4d(wData, wShape);
    const dy = tf.tensor4d(dyData, info.outShape);
    const conv = (a: tf.Tensor, b: tf.Tensor) => tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.stride, c.pad);
    return tf.grads(conv)([x, w], dy);
  });
}

const worst = { dx: 0, dW: 0 };

// The WebAssembly path; nativeConv.test.ts covers the oneDNN addon.
beforeAll(() => tf.env().set(NATIVE_CONV_FLAG, false));
afterAll(() => tf.env().set(NATIVE_CONV_FLAG, true));

describe('gradients of tf.conv2d on wasm match the cpu backend', () => {
  it.each(cases().map((c) => [label(c), c] as const))('%s', async (_, c) => {
    const { wasm, cpu } = await gradients(c);
    const dxError = relativeError(wasm.values[0], cpu.values[0]);
    const dWError = relativeError(wasm.values[1], cpu.values[1]);
    worst.dx = Math.max(worst.dx, dxError);
    worst.dW = Math.max(worst.dW, dWError);
    expect(dxError).toBeLessThanOrEqual(TOLERANCE);
    expect(dWError).toBeLessThanOrEqual(TOLERANCE);
    expect(wasm.leakedTensors).toBe(0);
    expect(wasm.leakedData).toBe(0);
  });

  it('exercises both dW methods', () => {
    expect([...new Set(cases().map(convInfo).map(filterGradMethod))].sort()).toEqual(['image-chunks', 'whole-batch']);
  });

  it('sums dW over chunks of images, the last one short', async () => {
    const c: Case = { batch: 5, height: 9, width: 8, inChannels: 6, outChannels: 7, kernel: 3, stride: 2, pad: 'same' };
    const previous = tf.env().getNumber(CHUNK_FLAG);
    tf.env().set(CHUNK_FLAG, 2 * 5 * 4 * 7); // two images of dy per chunk: 2 + 2 + 1
    expect(imagesPerChunk(convInfo(c))).toBe(2);
    try {
      const { wasm, cpu } = await gradients(c);
      expect(relativeError(wasm.values[1], cpu.values[1])).toBeLessThanOrEqual(TOLERANCE);
      expect(wasm.leakedData).toBe(0);
    } finally {
      tf.env().set(CHUNK_FLAG, previous);
    }
  });

  afterAll(() => {
    console.log(`conv2d gradients: worst relative error dx ${worst.dx.toExponential(2)}, dW ${worst.dW.toExponential(2)}`);
  });
});

describe('unsupported convolutions', () => {
  it('throws for NCHW with the reason', async () => {
    await tf.setBackend('wasm');
    const dy = tf.zeros([1, 2, 4, 4]);
    const filter = tf.zeros([3, 3, 2, 2]);
    const attrs = { strides: 1, pad: 'same', dataFormat: 'NCHW', inputShape: [1, 2, 4, 4] };
    expect(() => tf.engine().runKernel('Conv2DBackpropInput', { dy, filter }, attrs as never)).toThrow(/NHWC only/);
    tf.dispose([dy, filter]);
  });
});
