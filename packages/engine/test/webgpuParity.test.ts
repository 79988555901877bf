import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerWasmTrainingKernels } from '../src/backend/kernels/registerWasmTrainingKernels.js';
import { normalData, relativeError } from '../src/backend/kernels/backendParity.js';
import { setBackendOrThrow } from '../src/backend/setBackendOrThrow.js';
import { probeWebgpuAdapter, startWebgpu } from '../src/backend/webgpu.js';
import { Model, type ModelShape } from '../src/models/model.js';
import { createRng } from '../src/random.js';
import { crossEntropy } from '../src/train/losses.js';
import { Sgd } from '../src/train/sgd.js';
import { sgdStep } from '../src/train/sgdStep.js';
import { useSwiftShader } from './fixtures/swiftShader.js';

// The webgpu backend (Dawn on SwiftShader, a software GPU) against wasm with our kernels, on the
// same weights and batch: one SGD step (loss and updated weights) and inference logits.
const BACKENDS = ['wasm', 'webgpu'] as const;

async function on(backend: (typeof BACKENDS)[number]): Promise<void> {
  await setBackendOrThrow(backend);
  if (backend === 'wasm') registerWasmTrainingKernels();
}

interface Run {
  loss: number;
  weights: Float32Array[];
  logits: Float32Array;
}

/** One training step (SGD, Nesterov, weight decay) from `values` on `backend`, then inference logits. */
async function trainStep(backend: (typeof BACKENDS)[number], shape: ModelShape, values: Float32Array[], x: Float32Array, y: Int32Array): Promise<Run> {
  await on(backend);
  const model = Model.fromValues(shape, values);
  const images = tf.tensor4d(x, [y.length, 32, 32, 3]);
  const labels = tf.tensor1d(y, 'int32');
  const sgd = new Sgd(model.trainable, { momentum: 0.9, nesterov: true, weightDecay: 5e-4 });
  const loss = await sgdStep(model, sgd, () => crossEntropy(model.forward(images, { training: true }).logits, labels), { lr: 0.05 });
  const logits = model.predict(images);
  const run = { loss, weights: await model.values(), logits: (await logits.data()) as Float32Array };
  tf.dispose([images, labels, logits]);
  model.dispose();
  return run;
}

const swiftShader = useSwiftShader();

describe.skipIf(!swiftShader)('webgpu on SwiftShader vs wasm', () => {
  beforeAll(async () => {
    const probe = await probeWebgpuAdapter();
    if (!probe.found) throw new Error(`no WebGPU adapter: ${probe.reason}`);
    await startWebgpu();
  }, 120_000);

  for (const [architecture, batch] of [['small-cnn', 4], ['resnet18-w8', 2]] as const) {
    it(`${architecture}: one training step gives the same loss and updated weights, then the same logits`, async () => {
      const shape = { architecture, inputChannels: 3, numClasses: 10 };
      const rng = createRng(11);
      await on('wasm');
      const initial = Model.create(shape, rng.fork('init'));
      const values = await initial.values();
      initial.dispose();
      const x = normalData(rng.fork('x'), batch * 32 * 32 * 3);
      const y = Int32Array.from({ length: batch }, (_, i) => (i * 3) % 10);

      const [wasm, webgpu] = [await trainStep('wasm', shape, values, x, y), await trainStep('webgpu', shape, values, x, y)];
      expect(Math.abs(webgpu.loss - wasm.loss) / wasm.loss).toBeLessThan(1e-4);
      const worst = Math.max(...wasm.weights.map((w, i) => relativeError(webgpu.weights[i], w)));
      expect(worst).toBeLessThan(1e-4);
      // The steps really moved the weights, so agreeing on them says something.
      expect(Math.max(...values.map((v, i) => relativeError(wasm.weights[i], v)))).toBeGreaterThan(1e-3);
      expect(relativeError(webgpu.logits, wasm.logits)).toBeLessThan(1e-3);
    }, 300_000);
  }
});
