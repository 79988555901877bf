import { type ResultConfig, type ResultRecord, type Role, type Weights, assertResult } from '@mu/schema';
import { type BackendInfo, initBackend } from '../backend/selectBackend.js';
import type { LoadedDataset } from '../data/loadDataset.js';
import { attackValues } from '../metrics/attackValues.js';
import type { CkaSampling } from '../metrics/ckaSamples.js';
import { predictionMatrices } from '../metrics/predictionMatrices.js';
import { round } from '../metrics/round.js';
import { UMAP_PARAMS, type UmapParams } from '../metrics/umapEmbedding.js';
import { unlearningAccuracies } from '../metrics/unlearningAccuracies.js';
import type { Model } from '../models/model.js';
import { newId } from '../train/checkpoint.js';
import { attackSet, pickAttackValues } from './attackSet.js';
import { ckaDiagonals } from './ckaDiagonals.js';
import { evaluationConfig } from './evaluationConfig.js';
import { CKA_PARTS, ckaSamplingFor, evaluationPlan } from './evaluationPlan.js';
import { gatherRows } from './gatherRows.js';
import { inferencePass } from './inferencePass.js';
import { inferenceRuntime } from './inferenceRuntime.js';
import { recordEmbedding } from './recordEmbedding.js';
import { recordEnvironment } from './recordEnvironment.js';
import type { ReferenceCache } from './referenceCache.js';
import { type ReferenceModel, referenceAttackValues, resolveReference } from './referenceModel.js';

/** The untimed evaluation stages, in the order they run (metrics.md). */
export type EvaluationStage = 'evaluating train' | 'evaluating test' | 'embedding' | 'attack' | 'cka';

export interface EvaluationHooks {
  /** Checked between batches and UMAP epochs; an abort rejects with its reason (an AbortError). */
  signal?: AbortSignal;
  onStage?: (stage: EvaluationStage) => void;
  /** Progress within the current stage (images, or UMAP epochs for `embedding`). */
  onProgress?: (done: number, total: number) => void;
}

/** Overrides of the evaluation settings; every value used is stored in `config.evaluation`. */
export interface EvaluationSettings {
  /** CKA counts and batch size; default by backend (metrics.md §10). */
  ckaSampling?: CkaSampling;
  umap?: Partial<Pick<UmapParams, 'nNeighbors' | 'minDist' | 'spread' | 'nEpochs' | 'seed'>>;
  /** Images per inference batch (results do not depend on it). */
  batchSize?: number;
}

/** Small UMAP and CKA settings (the server's `MU_EVALUATION=fast`, `bench:fidelity`); headline metrics do not depend on them. */
export const FAST_EVALUATION: EvaluationSettings = {
  ckaSampling: { train: { forget: 60, other: 120 }, test: { forget: 60, other: 120 }, batchSize: 60 },
  umap: { nEpochs: 40 },
};

export interface EvaluateModelInput {
  model: Model;
  modelId: string;
  /** Record id; default `modelId`, or a fresh id for an Original (one record per forget class). */
  id?: string;
  role: Role;
  label?: string | null;
  data: LoadedDataset;
  forgetClass: number;
  /** The designated Original; null means none, except for an Original, which is then its own. */
  original: ReferenceModel | null;
  /** The designated Retrained of the class; null means none (attack curves and PS null), except for a Retrained model, which is then its own. */
  retrained: ReferenceModel | null;
  method: ResultConfig['method'];
  hyperparameters: ResultConfig['hyperparameters'];
  seed: number | null;
  baseModelId?: string | null;
  recipe?: ResultConfig['recipe'];
  /** RTE in seconds (metrics.md §3), null when unknown. */
  rteSeconds: number | null;
  history?: ResultRecord['history'];
  epochMetrics?: ResultRecord['epochMetrics'];
  /** Seconds of the caller's untimed prepare step, stored in `timings.prepare`. */
  prepareSeconds?: number | null;
  warnings?: string[];
  /** Default: available, tfjs format, float32 bytes of every tensor (what saveCheckpoint writes). */
  weights?: Weights;
  /** Default: now. */
  createdAt?: string;
  /** Default: the started backend (initBackend()). */
  backend?: Pick<BackendInfo, 'name' | 'threads' | 'tfjsVersion'> & { warnings?: string[] };
  settings?: EvaluationSettings;
  /** Reference outputs shared between evaluations; an Original's or Retrained's own outputs are added to it. */
  cache?: ReferenceCache;
}

/**
 * Evaluates one model for one forget class and returns its complete, validated result record
 * (metrics.md §1–§10, results-schema.md §2): class-wise accuracies and prediction matrices on
 * train and test, the seeded embedding, attack values with curves and PS against the Retrained
 * model, and diagonal CKA against the Original and the Retrained model. Untimed; every stage
 * checks `signal` between batches, and an abort rejects without returning or caching anything.
 *
 *   const record = await evaluateModel({ model, modelId, role: 'unlearned', data, forgetClass: 3,
 *     original: { id: originalId, model: original }, retrained: { id: retrainedId, model: retrained },
 *     method, hyperparameters, seed: 2048, rteSeconds, cache }, { signal, onStage });
 */
export async function evaluateModel(input: EvaluateModelInput, hooks: EvaluationHooks = {}): Promise<ResultRecord> {
  const { model, modelId, role, data, forgetClass, cache } = input;
  const { signal, onProgress } = hooks;
  const { descriptor } = data;
  const C = descriptor.numClasses;
  signal?.throwIfAborted();
  if (model.shape.numClasses !== C || model.shape.inputChannels !== descriptor.inputShape[2]) {
    throw new Error(`model ${modelId} has ${model.shape.inputChannels} input channels and ${model.shape.numClasses} classes (expected ${descriptor.inputShape[2]} and ${C} for ${descriptor.id})`);
  }
  const backend = input.backend ?? (await initBackend());
  const inference = await inferenceRuntime(); // runs every pass below
  const umap: UmapParams = { ...UMAP_PARAMS, ...input.settings?.umap };
  const batchSize = input.settings?.batchSize;
  const { namedLayers, featureLayer } = model.network;
  const plan = evaluationPlan(data, forgetClass, namedLayers, input.settings?.ckaSampling ?? ckaSamplingFor(backend.name));
  const original = resolveReference(input.original, role === 'original', modelId, model, plan, cache);
  const retrained = resolveReference(input.retrained, role === 'retrained', modelId, model, plan, cache);
  const warnings = [...(input.warnings ?? []), ...(backend.warnings ?? []), ...inference.warnings];

  const stage = async <T>(name: EvaluationStage, run: () => Promise<T>): Promise<{ value: T; seconds: number }> => {
    signal?.throwIfAborted();
    hooks.onStage?.(name);
    signal?.throwIfAborted();
    const start = performance.now();
    const value = await run();
    return { value, seconds: (performance.now() - start) / 1000 };
  };

  // Class-wise evaluation; the embedding features come from the same pass over the training split.
  const train = await stage('evaluating train', () =>
    inferencePass(model, data.train, descriptor, { layers: [featureLayer], activationRows: plan.embedding.indices, batchSize, signal, onProgress }),
  );
  const test = await stage('evaluating test', () => inferencePass(model, data.test, descriptor, { batchSize, signal, onProgress }));
  const trainPredictions = predictionMatrices(train.value.logits.data, data.train.labels, C);
  const testPredictions = predictionMatrices(test.value.logits.data, data.test.labels, C);
  const accuracies = unlearningAccuracies(trainPredictions.accuracy, testPredictions.accuracy, forgetClass);

  const features = train.value.activations.get(featureLayer)!;
  const embedding = await stage('embedding', () =>
    recordEmbedding(plan.embedding.sampleId, gatherRows(train.value.logits, plan.embedding.indices), features, umap, { signal, onProgress }),
  );

  const attack = await stage('attack', async () => {
    const full = attackValues(gatherRows(train.value.logits, plan.forgetIndices).data, C);
    const r = retrained === null ? null : retrained.self ? full : await referenceAttackValues(retrained, data, plan, cache, { signal, onProgress, batchSize });
    return {
      values: full,
      record: {
        subset: attackSet(pickAttackValues(full, plan.subsetPositions), r === null ? null : pickAttackValues(r, plan.subsetPositions)),
        full: attackSet(full, r),
      },
    };
  });

  // An Original or Retrained model is a reference for later evaluations: keep its own outputs.
  const keepOwn = cache !== undefined && role !== 'unlearned';
  const cka = await stage('cka', () => ckaDiagonals(model, data, plan, { original, retrained }, { cache, keepOwn, signal, onProgress }));
  if (keepOwn) cache.put(modelId, plan, { attack: attack.value.values, grams: cka.value.own ?? undefined });
  if (retrained === null) warnings.push('no Retrained model: attack curves and PS pending');
  if (original === null) warnings.push('no Original model: CKA vs Original missing');
  const undefinedLayers = namedLayers.filter((_, l) => [cka.value.vsOriginal, cka.value.vsRetrained].some((set) => set !== null && CKA_PARTS.some(([s, p]) => set[s][p][l] === null)));
  if (undefinedLayers.length > 0) warnings.push(`CKA undefined (constant activations or no batch) for layers ${undefinedLayers.join(', ')}`);

  const seconds = [input.prepareSeconds ?? null, train.seconds + test.seconds, embedding.seconds, attack.seconds, cka.seconds];
  const [prepare, evaluate, embeddingSeconds, attackSeconds, ckaSeconds] = seconds.map((s) => (s === null ? null : round(s, 3)));
  const r4 = (v: number | null) => (v === null ? null : round(v, 4));
  const matrices = (p: typeof trainPredictions) => ({ confusion: p.confusion, labelDist: p.labelDist.map((row) => row.map((v) => round(v, 4))), confDist: p.confDist.map((row) => row.map((v) => round(v, 4))) });
  const upload = input.method.id === 'upload';
  const PS = attack.value.record.full.privacyScore;

  return assertResult({
    schemaVersion: 1,
    id: input.id ?? (role === 'original' ? newId() : modelId),
    modelId,
    role,
    label: input.label ?? null,
    createdAt: input.createdAt ?? new Date().toISOString(),
    references: { originalModelId: original?.id ?? null, retrainedModelId: retrained?.id ?? null },
    config: {
      dataset: { id: descriptor.id, version: null, checksum: data.checksum, numClasses: C, classNames: [...descriptor.classNames] },
      architecture: { id: model.shape.architecture, width: model.info.width, inputChannels: model.shape.inputChannels, paramCount: model.paramCount },
      scenario: 'class',
      forgetClass,
      method: input.method,
      hyperparameters: input.hyperparameters,
      seed: input.seed,
      baseModelId: input.baseModelId ?? null,
      recipe: input.recipe ?? null,
      environment: recordEnvironment(backend, inference),
      evaluation: evaluationConfig(plan, umap, featureLayer, features.cols),
    },
    metrics: { UA: r4(accuracies.UA), RA: r4(accuracies.RA), TUA: r4(accuracies.TUA), TRA: r4(accuracies.TRA), PS, psBasis: PS === null ? null : 'full', RTE: input.rteSeconds === null ? null : round(input.rteSeconds, 3) },
    accuracy: { train: trainPredictions.accuracy.map(r4), test: testPredictions.accuracy.map(r4) },
    predictions: { train: matrices(trainPredictions), test: matrices(testPredictions) },
    embedding: embedding.value,
    attack: attack.value.record,
    cka: { layers: [...namedLayers], vsOriginal: cka.value.vsOriginal, vsRetrained: cka.value.vsRetrained },
    timings: {
      prepare,
      evaluate,
      embedding: embeddingSeconds,
      attack: attackSeconds,
      cka: ckaSeconds,
      total: round(seconds.reduce<number>((sum, s) => sum + (s ?? 0), 0), 3),
    },
    history: input.history ?? [],
    epochMetrics: input.epochMetrics ?? null,
    weights: input.weights ?? { available: true, format: 'tfjs', bytes: 4 * model.tensorSpecs.reduce((n, s) => n + s.shape.reduce((a, b) => a * b, 1), 0) },
    provenance: { source: upload ? 'upload' : 'engine', importedFrom: null, reproducible: !upload, legacy: {} },
    warnings,
  });
}

