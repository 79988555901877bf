import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../src/backend/selectBackend.js';
import { catalog } from '../src/data/catalog.js';
import type { LoadedDataset } from '../src/data/loadDataset.js';
import { syntheticSet } from '../src/methods/methodTestKit.js';
import { Model } from '../src/models/model.js';
import { createRng } from '../src/random.js';
import { loadStoredModel, type StoredModel } from '../src/run/checkpointIndex.js';
import { runUnlearning } from '../src/run/unlearn.js';
import { saveCheckpoint } from '../src/train/checkpoint.js';
import { useSwiftShader } from './fixtures/swiftShader.js';

// One unlearning run end to end (method, evaluation, record, checkpoint) with MU_BACKEND=webgpu on
// SwiftShader, on a tiny synthetic dataset: a software GPU is slow.
const swiftShader = useSwiftShader();
if (swiftShader) process.env.MU_BACKEND = 'webgpu';

describe.skipIf(!swiftShader)('unlearning with MU_BACKEND=webgpu (SwiftShader)', () => {
  let dir: string;
  let original: StoredModel;
  const data: LoadedDataset = {
    descriptor: catalog['cifar10-mini'],
    train: syntheticSet(20, 7),
    test: syntheticSet(10, 8),
    checksum: 'synthetic',
    location: { id: 'cifar10-mini', dir: 'synthetic', files: { train: [], test: [] } },
  };

  beforeAll(async () => {
    const backend = await initBackend();
    expect(backend.name).toBe('webgpu');
    dir = mkdtempSync(path.join(os.tmpdir(), 'mu-webgpu-'));
    const model = Model.create({ architecture: 'small-cnn', inputChannels: 3, numClasses: 10 }, createRng(1));
    const meta = await saveCheckpoint(path.join(dir, 'checkpoints'), model, {
      role: 'original', dataset: { id: 'cifar10-mini', checksum: data.checksum }, forgetClass: null, config: {}, seed: 1,
      environment: { backend: 'webgpu', threads: null, tfjsVersion: 'test' }, trainingSeconds: null,
      accuracy: { train: Array(10).fill(null), test: Array(10).fill(null) },
    });
    model.dispose();
    original = await loadStoredModel(path.join(dir, 'checkpoints'), meta.id);
  }, 300_000);
  afterAll(() => {
    original?.model.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('runs fine-tuning, evaluates and records the webgpu backend and its adapter', async () => {
    const { record } = await runUnlearning({
      methodId: 'ft',
      params: { epochs: 1, batchSize: 9, lr: 0.01 },
      forgetClass: 3,
      seed: 5,
      data,
      original,
      retrained: null,
      checkpointDir: path.join(dir, 'checkpoints'),
      resultsDir: path.join(dir, 'results'),
      evaluation: { batchSize: 10, umap: { nEpochs: 20 }, ckaSampling: { train: { forget: 2, other: 4 }, test: { forget: 1, other: 2 }, batchSize: 6 } },
    });
    expect(record.config.environment).toMatchObject({ backend: 'webgpu', device: null, threads: null, inference: { runtime: 'tfjs' } });
    expect(record.config.environment.adapter?.driver).toMatch(/swiftshader/i);
    expect(record.history).toHaveLength(1);
    expect(Number.isFinite(record.history[0].loss)).toBe(true);
    expect(record.metrics.UA).not.toBeNull();
    expect(record.metrics.TRA).not.toBeNull();
  }, 600_000);
});
