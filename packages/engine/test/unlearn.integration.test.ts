import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../src/backend/selectBackend.js';
import { loadDataset, type LoadedDataset } from '../src/data/loadDataset.js';
import { methodRegistry } from '../src/methods/registry.js';
import { standardParams } from '../src/methods/standardParams.js';
import type { UnlearnMethod } from '../src/methods/types.js';
import { buildBaseline } from '../src/run/buildBaseline.js';
import { loadStoredModel, type StoredModel } from '../src/run/checkpointIndex.js';
import { evaluateUpload } from '../src/run/evaluateUpload.js';
import { newId } from '../src/train/checkpoint.js';
import { ReferenceCache } from '../src/run/referenceCache.js';
import { runUnlearning, type UnlearnRunInput } from '../src/run/unlearn.js';

// The whole unlearning run on real data: cifar10-mini, small CNN, one-epoch baselines.
describe('runUnlearning', () => {
  let dir: string;
  let data: LoadedDataset;
  let original: StoredModel;
  let retrained: StoredModel;
  let base: Omit<UnlearnRunInput, 'methodId'>;
  let checkpointDir: string;
  let resultsDir: string;

  beforeAll(async () => {
    await initBackend();
    dir = mkdtempSync(path.join(os.tmpdir(), 'mu-unlearn-'));
    data = await loadDataset('cifar10-mini');
    const config = { dataset: 'cifar10-mini', architecture: 'small-cnn', epochs: 1, evaluateEachEpoch: false };
    checkpointDir = path.join(dir, 'checkpoints');
    resultsDir = path.join(dir, 'results');
    original = await loadStoredModel(checkpointDir, (await buildBaseline({ config, checkpointDir })).id);
    retrained = await loadStoredModel(checkpointDir, (await buildBaseline({ config: { ...config, excludeClass: 2 }, checkpointDir })).id);
    base = {
      forgetClass: 2,
      data,
      original,
      retrained,
      checkpointDir,
      resultsDir,
      cache: new ReferenceCache(),
      evaluation: { umap: { nEpochs: 60 } },
    };
  });
  afterAll(() => {
    original?.model.dispose();
    retrained?.model.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const files = () => readdirSync(resultsDir).length + readdirSync(checkpointDir).length;

  it('is reproducible: same method, seed and config give identical metrics and embedding', async () => {
    const a = await runUnlearning({ ...base, methodId: 'ga', params: { epochs: 2 }, seed: 7 });
    const b = await runUnlearning({ ...base, methodId: 'ga', params: { epochs: 2 }, seed: 7 });
    expect(b.record.id).not.toBe(a.record.id);
    const pick = (r: typeof a.record) => ({ ...r.metrics, RTE: null });
    expect(pick(b.record)).toEqual(pick(a.record));
    expect(b.record.embedding).toEqual(a.record.embedding);
    expect(a.record.metrics.PS).not.toBeNull();
    expect(a.record.config.method.id).toBe('ga');
    expect(a.record.config.hyperparameters).toEqual({ epochs: 2, lr: 1e-4, batchSize: 256, gradClip: 100 });
    expect(a.record.history).toHaveLength(2);
    expect(a.record.metrics.RTE).toBeGreaterThan(0);
  });

  it("stores each epoch's scheduled learning rate in the history (FT, cosine)", async () => {
    const { record } = await runUnlearning({ ...base, methodId: 'ft', params: { epochs: 3, lr: 0.03 } });
    expect(record.history.map((h) => h.lr)).toEqual([0.03, 0.03 * (1 + Math.cos(Math.PI / 3)) / 2, 0.03 * (1 + Math.cos((2 * Math.PI) / 3)) / 2]);
  });

  it("Retrain takes the designated Original's whole recipe unless a parameter overrides it, and records it", async () => {
    const { record } = await runUnlearning({ ...base, methodId: 'retrain', params: { batchSize: 256 } });
    const c = original.meta.config as Record<string, unknown>;
    expect(record.role).toBe('retrained');
    expect(record.config.hyperparameters).toEqual({
      epochs: c.epochs, lr: c.lr, batchSize: 256, momentum: c.momentum, nesterov: c.nesterov, weightDecay: c.weightDecay,
      schedule: 'cosine', etaMin: 0, augment: c.augment, gradClip: c.gradClip,
    });
    expect(record.history.map((h) => h.lr)).toEqual([c.lr]);
  });

  it('rejects invalid hyperparameters, classes and mismatched models before doing any work', async () => {
    const before = files();
    await expect(runUnlearning({ ...base, methodId: 'ga', params: { lr: 2 } })).rejects.toThrow('invalid lr: 2');
    await expect(runUnlearning({ ...base, methodId: 'ga', params: { foo: 1 } })).rejects.toThrow('unknown parameter for ga: foo');
    await expect(runUnlearning({ ...base, methodId: 'nope' })).rejects.toThrow('unknown method: nope');
    await expect(runUnlearning({ ...base, methodId: 'ga', forgetClass: 10 })).rejects.toThrow('invalid forget class: 10');
    await expect(runUnlearning({ ...base, methodId: 'ga', forgetClass: 4 })).rejects.toThrow('is for class 2, not 4');
    expect(files()).toBe(before);
  });

  it('fails a diverged run with a clear error and writes nothing', async () => {
    const poison: UnlearnMethod = {
      descriptor: {
        id: 'test-poison',
        label: 'Poison',
        description: 'Sets one weight to NaN.',
        version: '1',
        params: standardParams({ epochs: 1, lr: 0.1, batchSize: 64 }),
      },
      unlearn: async (ctx) => {
        const w = ctx.model.weights.get('fc.bias')!;
        w.assign(ctx.ops.tf.fill(w.shape, Number.NaN));
      },
    };
    if (!methodRegistry.has('test-poison')) methodRegistry.register(poison);
    const before = files();
    await expect(runUnlearning({ ...base, methodId: 'test-poison' })).rejects.toThrow('model diverged (non-finite weights in fc.bias)');
    expect(files()).toBe(before);
  });

  it('stops on cancellation during unlearning or evaluation and writes nothing', async () => {
    const before = files();
    for (const stage of ['unlearning', 'embedding']) {
      const controller = new AbortController();
      const run = runUnlearning({ ...base, methodId: 'ga' }, { signal: controller.signal, onStage: (s) => s === stage && controller.abort() });
      await expect(run).rejects.toThrow(/abort/i);
    }
    expect(files()).toBe(before);
  });

  it('evaluates an uploaded checkpoint without training: method upload, RTE null, no hyperparameters', async () => {
    const { record, upload } = await evaluateUpload({
      checkpointPath: path.join(checkpointDir, `${retrained.meta.id}.json`),
      data, forgetClass: 2, original, retrained, id: newId(), label: 'external', evaluation: { umap: { nEpochs: 30 } },
    });
    upload.model.dispose();
    expect(record.config.method.id).toBe('upload');
    expect(record.role).toBe('unlearned');
    expect(record.metrics.RTE).toBeNull();
    expect(record.config.hyperparameters).toEqual({});
    expect(record.metrics.UA).toBe(0); // the uploaded weights are the Retrained model's
  });

  it('refuses an uploaded checkpoint of another architecture', async () => {
    const other = path.join(dir, 'other');
    const { Model } = await import('../src/models/model.js');
    const { createRng } = await import('../src/random.js');
    const { saveCheckpoint } = await import('../src/train/checkpoint.js');
    const model = Model.create({ architecture: 'resnet18-w8', inputChannels: 3, numClasses: 10 }, createRng(1));
    const meta = await saveCheckpoint(other, model, { ...original.meta, role: 'unlearned' });
    model.dispose();
    await expect(
      evaluateUpload({ checkpointPath: path.join(other, `${meta.id}.json`), data, forgetClass: 2, original, retrained, id: newId() }),
    ).rejects.toThrow('uploaded model is a resnet18-w8 (3 channels, 10 classes), the Original a small-cnn (3, 10)');
  });
});
