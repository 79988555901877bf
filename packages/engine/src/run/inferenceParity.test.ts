import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/selectBackend.js';
import { assembleBatch } from '../data/assembleBatch.js';
import { normalizationTable } from '../data/normalizationTable.js';
import { Model } from '../models/model.js';
import { loadOnnxRuntime } from '../onnx/loadOnnxRuntime.js';
import { createRng } from '../random.js';
import type { BatchOutputs, InferenceRuntime } from './inferenceRuntime.js';
import { onnxInference } from './onnxInference.js';
import { testDataset } from './testDataset.js';
import { tfjsInference } from './tfjsInference.js';

const maxAbs = (a: Float32Array, b: Float32Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

/** A random-init model whose batch norms are not the identity (so that folding them is tested). */
async function modelWithBatchNormStatistics(architecture: string): Promise<Model> {
  const rng = createRng(5);
  const init = Model.create({ architecture, inputChannels: 3, numClasses: 10 }, rng.fork('init'));
  const values = await init.values();
  init.dispose();
  const bn = (name: string) => !name.startsWith('fc') && !/conv|downsample\.0/.test(name);
  init.tensorSpecs.forEach((spec, i) => {
    if (!bn(spec.name)) return;
    const draw = spec.name.endsWith('running_var') || spec.name.endsWith('.weight') ? () => 0.5 + rng.uniform() : () => 0.3 * rng.normal();
    values[i] = Float32Array.from(values[i], draw);
  });
  return Model.fromValues(init.shape, values);
}

describe('onnxruntime and tfjs give the same outputs', () => {
  const data = testDataset({ train: 0, test: 5 }, 11); // 50 images
  const { x } = assembleBatch(data.test, Int32Array.from({ length: 50 }, (_, i) => i), normalizationTable(data.descriptor.normalization));
  let ort: InferenceRuntime;
  let tfjs: InferenceRuntime;
  beforeAll(async () => {
    await initBackend();
    const module = await loadOnnxRuntime();
    if (typeof module === 'string') throw new Error(module);
    ort = onnxInference(module, 2);
    tfjs = tfjsInference([]);
  });

  const run = async (runtime: InferenceRuntime, model: Model, request: { activations: string[]; grams: string[] }): Promise<BatchOutputs> => {
    const prepared = await runtime.prepare(model, data.descriptor.inputShape, request);
    try {
      return await prepared.run(x, 50);
    } finally {
      prepared.release();
    }
  };

  for (const architecture of ['resnet18-w8', 'small-cnn']) {
    it(`${architecture}: logits, features and every CKA layer's activations within 1e-4 (max abs), Gram matrices within 1e-4 of their scale (float32 sums over up to 32,768 values)`, async () => {
      const model = await modelWithBatchNormStatistics(architecture);
      const layers = [...model.network.namedLayers, model.network.featureLayer];
      const [a, b] = await Promise.all([ort, tfjs].map((r) => run(r, model, { activations: layers, grams: [] })));
      expect(Math.max(...a.logits.map(Math.abs))).toBeGreaterThan(0.1);
      expect(maxAbs(a.logits, b.logits)).toBeLessThanOrEqual(1e-4);
      for (const name of layers) {
        expect(a.activations.get(name)!.length, name).toBe(b.activations.get(name)!.length);
        expect(maxAbs(a.activations.get(name)!, b.activations.get(name)!), name).toBeLessThanOrEqual(1e-4);
      }
      const [ga, gb] = await Promise.all([ort, tfjs].map((r) => run(r, model, { activations: [], grams: [...model.network.namedLayers] })));
      expect(maxAbs(ga.logits, gb.logits)).toBeLessThanOrEqual(1e-4);
      for (const name of model.network.namedLayers) {
        const scale = Math.max(...gb.grams.get(name)!.map(Math.abs));
        expect(ga.grams.get(name)!.length, name).toBe(50 * 50);
        expect(maxAbs(ga.grams.get(name)!, gb.grams.get(name)!) / scale, name).toBeLessThanOrEqual(1e-4);
      }
      model.dispose();
    });
  }
});
