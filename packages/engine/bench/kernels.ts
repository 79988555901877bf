/**
 * Per-layer speed of the wasm training kernels: forward conv, dx and dW for ResNet-18 (CIFAR)
 * layer shapes, then Tile / Sum / Mean / transposed matMul against the stock wasm kernels.
 * Single-threaded wasm; prints figures, asserts nothing. FLOP = 2·MAC. Each figure is the
 * fastest of `reps` runs after a warm-up, the least disturbed on a shared machine.
 *
 *   node --import tsx packages/engine/bench/kernels.ts [batch=32] [reps=3]
 */
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { registerWasmTrainingKernels } from '../src/backend/kernels/registerWasmTrainingKernels.js';

const batch = Number(process.argv[2] ?? 32);
const reps = Number(process.argv[3] ?? 3);

/** [input size, Ci, Co, kernel, stride] as in the CIFAR ResNet-18. */
const layers: [number, number, number, number, number][] = [
  [32, 3, 64, 3, 1],
  [32, 64, 64, 3, 1],
  [32, 64, 128, 3, 2],
  [32, 64, 128, 1, 2],
  [16, 128, 128, 3, 1],
  [16, 128, 256, 3, 2],
  [8, 256, 256, 3, 1],
  [8, 256, 512, 3, 2],
  [4, 512, 512, 3, 1],
];

/** Fastest of `reps` timed runs after one untimed run, in ms (wasm kernels run synchronously). */
function timeMs(run: () => tf.Tensor): number {
  tf.dispose(run());
  let fastest = Infinity;
  for (let i = 0; i < reps; i++) {
    const start = performance.now();
    tf.dispose(run());
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

function runKernel(name: string, inputs: Record<string, tf.Tensor>, attrs: Record<string, unknown>): tf.Tensor {
  return tf.engine().runKernel(name, inputs, attrs as never) as tf.Tensor;
}

function convTable(): void {
  console.log(`\nconv layers, batch ${batch}, fastest of ${reps}: ms (GFLOP/s)`);
  console.log('layer (H, Ci→Co, k, s)      GFLOP    fwd             dx              dW');
  for (const [size, ci, co, k, s] of layers) {
    const x = tf.randomNormal([batch, size, size, ci]) as tf.Tensor4D;
    const w = tf.randomNormal([k, k, ci, co]) as tf.Tensor4D;
    const out = size / s;
    const dy = tf.randomNormal([batch, out, out, co]) as tf.Tensor4D;
    const gflop = (2 * batch * out * out * co * k * k * ci) / 1e9;
    const attrs = { strides: [s, s], pad: 'same', dataFormat: 'NHWC', dimRoundingMode: undefined };
    const fwd = timeMs(() => tf.conv2d(x, w, s, 'same'));
    const dx = timeMs(() => runKernel('Conv2DBackpropInput', { dy, filter: w }, { ...attrs, inputShape: x.shape }));
    const dW = timeMs(() => runKernel('Conv2DBackpropFilter', { x, dy }, { ...attrs, filterShape: w.shape }));
    const cell = (ms: number): string => `${ms.toFixed(1)} (${(gflop / (ms / 1e3)).toFixed(1)})`.padEnd(16);
    const name = `${size}, ${ci}→${co}, ${k}, ${s}`.padEnd(26);
    console.log(`${name}${gflop.toFixed(3).padStart(6)}   ${cell(fwd)}${cell(dx)}${cell(dW)}`);
    tf.dispose([x, w, dy]);
  }
}

/** The other replaced kernels, on BatchNorm- and Dense-gradient shapes. */
function otherCases(): [string, () => tf.Tensor][] {
  const perChannel = tf.randomNormal([1, 1, 1, 64]);
  const activations = tf.randomNormal([batch, 32, 32, 64]);
  const features = tf.randomNormal([batch * 16, 512]);
  const square = tf.randomNormal([512, 512]);
  return [
    [`Tile [1,1,1,64] → [${batch},32,32,64]`, () => tf.tile(perChannel, [batch, 32, 32, 1])],
    [`Sum [${batch},32,32,64] axes [0,1,2]`, () => tf.sum(activations, [0, 1, 2])],
    [`Mean [${batch},32,32,64] axes [0,1,2]`, () => tf.mean(activations, [0, 1, 2], true)],
    [`matMul 512×${batch * 16}ᵀ·${batch * 16}×512`, () => tf.matMul(features, features, true, false)],
    ['matMul 512×512 · 512×512ᵀ', () => tf.matMul(square, square, false, true)],
  ];
}

async function main(): Promise<void> {
  await tf.setBackend('wasm');
  const others = otherCases();
  const stockMs = others.map(([, run]) => timeMs(run));
  registerWasmTrainingKernels();
  const patchedMs = others.map(([, run]) => timeMs(run));
  console.log(`tfjs ${tf.version.tfjs}, backend ${tf.getBackend()}, ${getThreadsCount()} thread(s), Node ${process.version}`);
  console.log('\nother kernels: stock ms → patched ms');
  others.forEach(([label], i) => {
    const speedup = stockMs[i] / patchedMs[i];
    console.log(`${label.padEnd(40)}${stockMs[i].toFixed(1).padStart(8)} → ${patchedMs[i].toFixed(1).padStart(6)}  (${speedup.toFixed(1)}×)`);
  });
  convTable();
}

await main();
