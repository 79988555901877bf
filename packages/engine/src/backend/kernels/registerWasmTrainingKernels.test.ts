import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../random.js';
import { normalData, relativeError } from './backendParity.js';
import { registerWasmTrainingKernels } from './registerWasmTrainingKernels.js';

/** Max error relative to the largest entry, per gradient and per updated weight. */
const TOLERANCE = 1e-4;
const KERNELS = ['Conv2D', 'FusedConv2D', 'Conv2DBackpropInput', 'Conv2DBackpropFilter', 'Tile', 'Sum', 'Mean', 'BatchMatMul'];

describe('registerWasmTrainingKernels', () => {
  it('is idempotent and keeps the stock kernels for fall-through', async () => {
    await tf.setBackend('wasm');
    registerWasmTrainingKernels();
    const first = KERNELS.map((name) => tf.getKernel(name, 'wasm')?.kernelFunc);
    registerWasmTrainingKernels();
    expect(KERNELS.map((name) => tf.getKernel(name, 'wasm')?.kernelFunc)).toEqual(first);
    // Innermost-axis Sum falls through to the stock kernel (it would recurse if ours were saved as stock).
    const total = tf.sum(tf.tensor2d([1, 2, 3, 4], [2, 2]), 1);
    expect(Array.from(total.dataSync())).toEqual([3, 7]);
    total.dispose();
  });

  it('sets up the stock kernels again when the backend is re-created (as the threaded loader does)', async () => {
    await tf.setBackend('wasm');
    registerWasmTrainingKernels();
    const factory = tf.findBackendFactory('wasm');
    tf.removeBackend('wasm');
    tf.registerBackend('wasm', factory, 2);
    await tf.setBackend('wasm');
    const total = tf.sum(tf.tensor2d([1, 2, 3, 4], [2, 2]), 1);
    const mean = tf.mean(tf.tensor2d([1, 2, 3, 4], [2, 2]), 0);
    expect(Array.from(total.dataSync())).toEqual([3, 7]);
    expect(Array.from(mean.dataSync())).toEqual([2, 3]);
    tf.dispose([total, mean]);
  });
});

/** conv-BN-ReLU ×2 with a strided 1×1 projection shortcut, GAP, Dense: every kernel a ResNet step runs. */
function buildNet(): tf.LayersModel {
  const conv = (filters: number, kernelSize: number, strides: number) =>
    tf.layers.conv2d({ filters, kernelSize, strides, padding: 'same', useBias: false });
  const bn = () => tf.layers.batchNormalization({ momentum: 0.9, epsilon: 1e-5 });
  const relu = () => tf.layers.activation({ activation: 'relu' });
  const input = tf.input({ shape: [10, 10, 3] });
  const stem = relu().apply(bn().apply(conv(8, 3, 1).apply(input))) as tf.SymbolicTensor;
  const main = relu().apply(bn().apply(conv(16, 3, 2).apply(stem))) as tf.SymbolicTensor;
  const body = bn().apply(conv(16, 3, 1).apply(main)) as tf.SymbolicTensor;
  const shortcut = bn().apply(conv(16, 1, 2).apply(stem)) as tf.SymbolicTensor;
  const merged = relu().apply(tf.layers.add().apply([body, shortcut])) as tf.SymbolicTensor;
  const pooled = tf.layers.globalAveragePooling2d({}).apply(merged);
  const logits = tf.layers.dense({ units: 5 }).apply(pooled) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: logits });
}

interface StepResult {
  loss: number;
  grads: Float32Array[];
  updated: Float32Array[];
  leakedTensors: number;
}

/** One SGD step from identical weights and data: loss, gradients and updated weights. */
async function trainStep(
  backend: 'wasm' | 'cpu',
  weights: Float32Array[],
  xData: Float32Array,
  labels: number[],
): Promise<StepResult> {
  await tf.setBackend(backend);
  if (backend === 'wasm') registerWasmTrainingKernels();
  const model = buildNet();
  const initial = model.getWeights().map((w, i) => tf.tensor(weights[i], w.shape));
  model.setWeights(initial);
  tf.dispose(initial);
  const x = tf.tensor4d(xData, [labels.length, 10, 10, 3]);
  const y = tf.oneHot(tf.tensor1d(labels, 'int32'), 5);
  const optimizer = tf.train.sgd(0.1);

  const before = tf.memory().numTensors;
  const { value, grads } = tf.variableGrads(() =>
    tf.losses.softmaxCrossEntropy(y, model.apply(x, { training: true }) as tf.Tensor),
  );
  const ordered = model.trainableWeights.map((w) => grads[w.name]);
  const result = { loss: value.dataSync()[0], grads: ordered.map((g) => Float32Array.from(g.dataSync())) };
  optimizer.applyGradients(grads);
  tf.dispose([value, ...Object.values(grads)]);
  const leakedTensors = tf.memory().numTensors - before;

  const updated = model.trainableWeights.map((w) => Float32Array.from(w.read().dataSync()));
  tf.dispose([x, y]);
  optimizer.dispose();
  model.dispose();
  return { ...result, updated, leakedTensors };
}

describe('a small conv net', () => {
  it('trains one step on wasm and matches the cpu backend', async () => {
    await tf.setBackend('cpu');
    const reference = buildNet();
    const weights = reference.getWeights().map((w) => Float32Array.from(w.dataSync()));
    reference.dispose();
    const rng = createRng(99);
    const labels = [0, 3, 1, 4, 2, 2];
    const xData = normalData(rng, labels.length * 10 * 10 * 3);

    const wasm = await trainStep('wasm', weights, xData, labels);
    const cpu = await trainStep('cpu', weights, xData, labels);

    expect(Number.isFinite(wasm.loss)).toBe(true);
    expect(Math.abs(wasm.loss - cpu.loss) / cpu.loss).toBeLessThanOrEqual(TOLERANCE);
    const gradErrors = wasm.grads.map((g, i) => relativeError(g, cpu.grads[i]));
    const weightErrors = wasm.updated.map((w, i) => relativeError(w, cpu.updated[i]));
    console.log(`conv net: ${gradErrors.length} gradients, worst relative error ${Math.max(...gradErrors).toExponential(2)}`);
    expect(Math.max(...gradErrors)).toBeLessThanOrEqual(TOLERANCE);
    expect(Math.max(...weightErrors)).toBeLessThanOrEqual(TOLERANCE);
    expect(wasm.updated.some((w, i) => relativeError(w, weights[i]) > 0)).toBe(true);
    expect(wasm.leakedTensors).toBe(0);
  });
});
