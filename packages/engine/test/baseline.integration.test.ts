import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../src/backend/selectBackend.js';
import { createDataSource } from '../src/data/dataSource.js';
import { loadDataset } from '../src/data/loadDataset.js';
import { Model } from '../src/models/model.js';
import { createRng } from '../src/random.js';
import { baselineTrainIndices, buildBaseline } from '../src/run/buildBaseline.js';
import { loadCheckpoint, saveCheckpoint } from '../src/train/checkpoint.js';
import { evaluate } from '../src/train/evaluate.js';

// Real engine on cifar10-mini with the small CNN: a short Original, a Retrained without class 3.
describe('baseline models on cifar10-mini', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'mu-ckpt-'));
    await initBackend();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('trains an Original that beats chance, and reloads to identical accuracies', async () => {
    const epochs: number[] = [];
    const meta = await buildBaseline({
      config: { dataset: 'cifar10-mini', architecture: 'small-cnn', epochs: 2, evaluateEachEpoch: false },
      checkpointDir: dir,
      onEpoch: (e) => epochs.push(e.loss),
    });
    expect(meta.role).toBe('original');
    expect(epochs).toHaveLength(2);
    expect(epochs[1]).toBeLessThan(epochs[0]);
    expect(meta.accuracy.test).not.toContain(null);
    const meanTest = meta.accuracy.test.reduce<number>((a, b) => a + b!, 0) / 10;
    expect(meanTest).toBeGreaterThan(0.2);
    expect(meta.environment.backend).toBe('wasm');
    expect(meta.config).toMatchObject({ lr: 0.1, nesterov: true, weightDecay: 5e-4, batchSize: 128, seed: 2048 });

    const { model } = await loadCheckpoint(path.join(dir, `${meta.id}.json`));
    const data = await loadDataset('cifar10-mini');
    const all = Int32Array.from({ length: data.test.count }, (_, i) => i);
    const again = await evaluate(model, createDataSource(data.test, all, data.descriptor));
    expect(again.perClass).toEqual(meta.accuracy.test);
    model.dispose();
  });

  it('builds a Retrained model whose training data holds no image of the forget class', async () => {
    const data = await loadDataset('cifar10-mini');
    const indices = baselineTrainIndices(data.train.labels, 3, 10);
    expect(indices.length).toBe(4500);
    expect(Array.from(indices).some((i) => data.train.labels[i] === 3)).toBe(false);
    expect(baselineTrainIndices(data.train.labels, null, 10).length).toBe(5000);

    const meta = await buildBaseline({
      config: { dataset: 'cifar10-mini', architecture: 'small-cnn', epochs: 1, excludeClass: 3, evaluateEachEpoch: false },
      checkpointDir: dir,
    });
    expect(meta.role).toBe('retrained');
    expect(meta.forgetClass).toBe(3);
    // Never a target, so the class-3 logit only ever gets pushed down.
    expect(meta.accuracy.train[3]).toBeLessThan(0.05);
  });

  it('saves and loads weights bit-exactly: identical logits', async () => {
    const model = Model.create({ architecture: 'resnet18-w8', inputChannels: 3, numClasses: 10 }, createRng(3));
    const meta = await saveCheckpoint(dir, model, {
      role: 'original', dataset: { id: 'cifar10-mini', checksum: 'x' }, forgetClass: null, config: {}, seed: 3,
      environment: { backend: 'wasm', threads: 1, tfjsVersion: tf.version.tfjs }, trainingSeconds: null,
      accuracy: { train: [], test: [] },
    });
    const { model: loaded } = await loadCheckpoint(path.join(dir, `${meta.id}.json`));
    const x = tf.randomNormal([4, 32, 32, 3], 0, 1, 'float32', 9) as tf.Tensor4D;
    const a = model.predict(x);
    const b = loaded.predict(x);
    expect(Array.from(await b.data())).toEqual(Array.from(await a.data()));
    tf.dispose([x, a, b]);
    model.dispose();
    loaded.dispose();
  });
});
