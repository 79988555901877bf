import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/selectBackend.js';
import { Model } from '../models/model.js';
import { createRng } from '../random.js';
import { inferencePass } from './inferencePass.js';
import { testDataset } from './testDataset.js';

describe('inferencePass', () => {
  const data = testDataset({ train: 3, test: 1 });
  let model: Model;
  beforeAll(async () => {
    await initBackend();
    model = Model.create({ architecture: 'small-cnn', inputChannels: 3, numClasses: 10 }, createRng(1));
  });

  it('returns n × C logits that do not depend on the batch size', async () => {
    const one = await inferencePass(model, data.train, data.descriptor, { batchSize: 30 });
    const seven = await inferencePass(model, data.train, data.descriptor, { batchSize: 7 });
    expect([one.logits.rows, one.logits.cols, one.logits.data.length]).toEqual([30, 10, 300]);
    const diff = Math.max(...one.logits.data.map((v, i) => Math.abs(v - seven.logits.data[i])));
    expect(diff).toBeLessThan(1e-5);
  });

  it('visits the given indices in order and keeps the activations of the requested rows only, in their order', async () => {
    const indices = [4, 11, 0, 29, 17];
    const all = await inferencePass(model, data.train, data.descriptor, { indices, layers: ['avgpool', 'block1'], batchSize: 2 });
    const some = await inferencePass(model, data.train, data.descriptor, { indices, layers: ['avgpool', 'block1'], activationRows: [3, 0], batchSize: 2 });
    expect(all.activations.get('avgpool')!.cols).toBe(128);
    expect(all.activations.get('block1')!.cols).toBe(16 * 16 * 32);
    for (const layer of ['avgpool', 'block1']) {
      const a = all.activations.get(layer)!;
      const s = some.activations.get(layer)!;
      expect(s.rows).toBe(2);
      expect(Array.from(s.data.subarray(0, s.cols))).toEqual(Array.from(a.data.subarray(3 * a.cols, 4 * a.cols)));
      expect(Array.from(s.data.subarray(s.cols))).toEqual(Array.from(a.data.subarray(0, a.cols)));
    }
    const direct = await inferencePass(model, data.train, data.descriptor, { indices: [29] });
    expect(Array.from(direct.logits.data)).toEqual(Array.from(all.logits.data.subarray(30, 40)));
  });

  it('stops with an AbortError between batches and leaks no tensor', async () => {
    const before = tf.memory().numTensors;
    const controller = new AbortController();
    const run = inferencePass(model, data.train, data.descriptor, {
      batchSize: 5,
      layers: ['conv1'],
      signal: controller.signal,
      onProgress: (done) => done === 10 && controller.abort(),
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('names an unknown layer', async () => {
    await expect(inferencePass(model, data.test, data.descriptor, { layers: ['layer4.1'] })).rejects.toThrow(/^unknown layer: layer4.1 \(expected one of conv1, block1/);
  });
});
