import * as tf from '@tensorflow/tfjs';
import { type ResultRecord, validateResult } from '@mu/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend/selectBackend.js';
import { type LoadedDataset, loadDataset } from '../data/loadDataset.js';
import { datasetMissing } from '../../test/testData.js';
import { Model } from '../models/model.js';
import { createRng } from '../random.js';
import { type EvaluateModelInput, type EvaluationStage, evaluateModel } from './evaluateModel.js';
import { evaluationPlan } from './evaluationPlan.js';
import { ReferenceCache } from './referenceCache.js';
import { testDataset } from './testDataset.js';

const SHAPE = { architecture: 'small-cnn', inputChannels: 3, numClasses: 10 };
const SMALL_LAYERS = ['conv1', 'block1', 'block2', 'block3', 'fc'];
// Fewer CKA images and UMAP epochs keep the suite fast; both are recorded in the config.
const SETTINGS = { ckaSampling: { train: { forget: 60, other: 120 }, test: { forget: 60, other: 120 }, batchSize: 60 }, umap: { nEpochs: 40 } };
const FIXED = { createdAt: '2026-01-31T12:00:00.000Z', prepareSeconds: 0.5 };
const ORIGINAL = { id: 'original', label: 'Original', version: '1' };

/** Everything but the timings: what must be identical for identical inputs. */
const numbers = (r: ResultRecord) => ({ ...r, timings: null });

describe.skipIf(datasetMissing('cifar10-mini'))('evaluateModel on cifar10-mini (small CNN, random weights)', () => {
  let data: LoadedDataset;
  let original: Model;
  let originalCopy: Model;
  let retrained: Model;
  const cache = new ReferenceCache();
  let record: ResultRecord;
  let input: EvaluateModelInput;
  let tensors: number;

  beforeAll(async () => {
    await initBackend();
    data = await loadDataset('cifar10-mini');
    original = Model.create(SHAPE, createRng(1));
    originalCopy = await original.clone();
    retrained = Model.create(SHAPE, createRng(2));
    tensors = tf.memory().numTensors;
    // The Original's "vs Original" goes through a copy under another id, so CKA is really computed.
    input = {
      ...FIXED,
      model: original,
      modelId: '0000aaaa',
      id: '0000aaa3',
      role: 'original',
      data,
      forgetClass: 3,
      original: { id: '0000cccc', model: originalCopy },
      retrained: { id: '0000bbbb', model: retrained },
      method: ORIGINAL,
      hyperparameters: { epochs: 0, lr: 0.1, batchSize: 128 },
      seed: 1,
      recipe: 'quick',
      rteSeconds: 12.3456,
      settings: SETTINGS,
      cache,
    };
    const stages: EvaluationStage[] = [];
    record = await evaluateModel(input, { onStage: (s) => stages.push(s) });
    expect(stages).toEqual(['evaluating train', 'evaluating test', 'embedding', 'attack', 'cka']);
  });
  afterAll(() => [original, originalCopy, retrained].forEach((m) => m.dispose()));

  it('produces a record that validates, also after a JSON round trip, with the model’s own CKA layer list', () => {
    expect(validateResult(JSON.parse(JSON.stringify(record)))).toMatchObject({ ok: true });
    expect(record).toMatchObject({ id: '0000aaa3', modelId: '0000aaaa', role: 'original', references: { originalModelId: '0000cccc', retrainedModelId: '0000bbbb' } });
    expect(record.config.architecture).toEqual({ id: 'small-cnn', width: 32, inputChannels: 3, paramCount: original.paramCount });
    expect(record.config.dataset).toMatchObject({ id: 'cifar10-mini', checksum: data.checksum, numClasses: 10 });
    expect(record.config.environment).toMatchObject({ backend: 'wasm', tfjsVersion: tf.version.tfjs, appVersion: '0.1.0' });
    expect(record.config.environment.inference).toMatchObject({ runtime: 'onnxruntime', version: '1.30.0' });
    expect(record.config.environment.inference!.threads).toBeGreaterThanOrEqual(1);
    const { batchSize: _, ...samples } = SETTINGS.ckaSampling;
    expect(record.config.evaluation.cka).toEqual({ layers: SMALL_LAYERS, samples, batchSize: 60, selection: 'first-n' });
    expect(record.config.evaluation.embedding).toMatchObject({ sampleId: 'cifar10-mini/seeded-2048-200', featureLayer: 'avgpool', featureDim: 128, umap: { nEpochs: 40, seed: 42 } });
    expect(record.cka.layers).toEqual(SMALL_LAYERS);
    expect(record.metrics.RTE).toBe(12.346);
    expect(record.timings.prepare).toBe(0.5);
    expect(record.timings.total).toBeGreaterThan(record.timings.evaluate! + record.timings.cka!);
    expect(record.warnings).toEqual([]);
    expect(tf.memory().numTensors).toBe(tensors);
  });

  it('derives UA/RA/TUA/TRA, accuracies and labelDist from the confusion counts', () => {
    const { train, test } = record.predictions;
    const accuracy = (confusion: number[][]) => confusion.map((row, c) => row[c] / row.reduce((a, b) => a + b, 0));
    expect(train.confusion!.map((row) => row.reduce((a, b) => a + b, 0))).toEqual(Array(10).fill(500));
    expect(test.confusion!.map((row) => row.reduce((a, b) => a + b, 0))).toEqual(Array(10).fill(100));
    accuracy(train.confusion!).forEach((a, c) => expect(record.accuracy.train[c]).toBeCloseTo(a, 4));
    accuracy(test.confusion!).forEach((a, c) => expect(record.accuracy.test[c]).toBeCloseTo(a, 4));
    train.labelDist.forEach((row, c) => expect(row[c]).toBe(record.accuracy.train[c]));
    const retainMean = (acc: (number | null)[]) => acc.filter((_, c) => c !== 3).reduce<number>((s, a) => s + a!, 0) / 9;
    expect(record.metrics.UA).toBe(record.accuracy.train[3]);
    expect(record.metrics.TUA).toBe(record.accuracy.test[3]);
    expect(Math.abs(record.metrics.RA! - retainMean(record.accuracy.train))).toBeLessThanOrEqual(1e-4);
    expect(Math.abs(record.metrics.TRA! - retainMean(record.accuracy.test))).toBeLessThanOrEqual(1e-4);
    for (const row of [...train.confDist, ...test.confDist]) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 2);
  });

  it('embeds the 2,000 seeded sample points and attacks all 500 forget images and the 200 in the sample', () => {
    const e = record.embedding;
    expect([e.pred.length, e.x.length, e.y.length, e.probs.length]).toEqual([2000, 2000, 2000, 2000]);
    expect(e).toMatchObject({ indices: null, trueClass: null, probTemperature: 2, deterministic: true });
    expect(e.x.every((v) => Math.round(v * 100) / 100 === v)).toBe(true);
    expect(e.probs.every((row) => Math.abs(row.reduce((a, b) => a + b, 0) - 1000) <= 5)).toBe(true);
    const { subset, full } = record.attack!;
    expect([subset.count, full!.count]).toEqual([200, 500]);
    expect(record.metrics.PS).toBe(full!.privacyScore);
    expect(record.metrics.psBasis).toBe('full');
    expect(subset.privacyScore).not.toBeNull();
    expect(full!.entropy.every((v) => v >= 0 && v <= Math.log(10) + 0.005)).toBe(true);
  });

  it('gives CKA 1 on every layer against a copy of itself, below 1 against another model', () => {
    const vs = record.cka.vsOriginal!;
    expect(vs.referenceModelId).toBe('0000cccc');
    for (const values of [vs.train.forget, vs.train.other, vs.test.forget, vs.test.other]) expect(values).toEqual([1, 1, 1, 1, 1]);
    expect(record.cka.vsRetrained!.train.other.some((v) => v! < 0.99)).toBe(true);
  });

  it('keeps a CIFAR-10-sized record within 250 kB of compact JSON', () => {
    const bytes = Buffer.byteLength(JSON.stringify(record));
    expect(bytes).toBeLessThanOrEqual(250_000);
  });

  it('gives identical numbers and coordinates for identical inputs (references now from the cache)', async () => {
    expect(cache.size).toBe(3);
    const again = await evaluateModel(input);
    expect(numbers(again)).toEqual(numbers(record));
  });

  it('gives the Retrained model, its own reference, PS 1 and CKA 1 vs Retrained', async () => {
    const r = await evaluateModel({
      ...input,
      model: retrained,
      modelId: '0000bbbb',
      id: undefined,
      role: 'retrained',
      original: { id: '0000aaaa', model: original },
      retrained: null,
      method: { id: 'retrain', label: 'Retrain', version: '1' },
    });
    expect(r.id).toBe('0000bbbb');
    expect(r.references).toEqual({ originalModelId: '0000aaaa', retrainedModelId: '0000bbbb' });
    expect([r.metrics.PS, r.attack!.subset.privacyScore, r.metrics.psBasis]).toEqual([1, 1, 'full']);
    const vs = r.cka.vsRetrained!;
    for (const values of [vs.train.forget, vs.train.other, vs.test.forget, vs.test.other]) expect(values).toEqual([1, 1, 1, 1, 1]);
    // CKA is symmetric: Retrained vs Original = Original vs Retrained.
    expect(r.cka.vsOriginal!.train).toEqual(record.cka.vsRetrained!.train);
    expect(r.cka.vsOriginal!.test).toEqual(record.cka.vsRetrained!.test);
  });
});

describe('evaluateModel: cancellation and missing references (small random dataset)', () => {
  const data = testDataset({ train: 40, test: 10 });
  let model: Model;
  let other: Model;
  const base = () =>
    ({
      ...FIXED,
      modelId: '1234abcd',
      role: 'unlearned',
      data,
      forgetClass: 0,
      method: { id: 'ft', label: 'Fine-Tuning', version: '1' },
      hyperparameters: { epochs: 1 },
      seed: 2048,
      rteSeconds: null,
      settings: { ckaSampling: { train: { forget: 20, other: 40 }, test: { forget: 10, other: 20 }, batchSize: 20 } },
    }) as const;
  beforeAll(async () => {
    await initBackend();
    model = Model.create(SHAPE, createRng(3));
    other = Model.create(SHAPE, createRng(4));
  });
  afterAll(() => [model, other].forEach((m) => m.dispose()));

  it('leaves attack curves, PS and CKA vs Retrained null without a Retrained model, and says so', async () => {
    const r = await evaluateModel({ ...base(), model, original: { id: 'cafe0000', model: other }, retrained: null, settings: { ...base().settings, umap: { nEpochs: 5 } } });
    expect([r.metrics.PS, r.metrics.psBasis, r.attack!.full!.curves, r.attack!.subset.worstCase, r.cka.vsRetrained, r.references.retrainedModelId]).toEqual([null, null, null, null, null, null]);
    expect(r.attack!.full!.count).toBe(40);
    expect(r.cka.vsOriginal!.train.forget).toHaveLength(5);
    expect(r.warnings).toEqual(['no Retrained model: attack curves and PS pending']);
  });

  it.each(['embedding', 'cka'] as const)('rejects with an AbortError within the %s stage when cancelled there, caching nothing partial', async (when) => {
    const cache = new ReferenceCache();
    const tensors = tf.memory().numTensors;
    const controller = new AbortController();
    let current: EvaluationStage | null = null;
    const stagesAfterAbort: EvaluationStage[] = [];
    const run = evaluateModel(
      { ...base(), model, original: { id: 'cafe0000', model: other }, retrained: { id: 'beef0000', model: other }, cache },
      {
        signal: controller.signal,
        onStage: (s) => {
          if (controller.signal.aborted) stagesAfterAbort.push(s);
          current = s;
        },
        onProgress: (done) => {
          if (current === when && done >= 1) controller.abort();
        },
      },
    );
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    // It stopped inside the stage it was cancelled in: no later stage started.
    expect(stagesAfterAbort).toEqual([]);
    // Only the Retrained attack values, complete before the abort, may be cached; no Gram matrices.
    const plan = evaluationPlan(data, 0, SMALL_LAYERS, base().settings.ckaSampling);
    expect(cache.get('cafe0000', plan)).toEqual({});
    expect(Object.keys(cache.get('beef0000', plan))).toEqual(when === 'cka' ? ['attack'] : []);
    expect(cache.size).toBe(when === 'cka' ? 1 : 0);
    expect(tf.memory().numTensors).toBe(tensors);
  });
});
