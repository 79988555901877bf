import { checkForgetClass } from '../data/checkForgetClass.js';
import { rm } from 'node:fs/promises';
import * as tf from '@tensorflow/tfjs';
import { knownRecipeId, type ResultRecord } from '@mu/schema';
import { initBackend } from '../backend/selectBackend.js';
import { classSplit } from '../data/classSplit.js';
import { createDataSource } from '../data/dataSource.js';
import type { LoadedDataset } from '../data/loadDataset.js';
import { createUnlearnContext } from '../methods/unlearnContext.js';
import { getMethod } from '../methods/registry.js';
import { resolveParams } from '../methods/resolveParams.js';
import { retrainDefaults } from '../methods/retrain.js';
import type { MethodParams } from '../methods/types.js';
import type { Model } from '../models/model.js';
import { createRng } from '../random.js';
import { checkpointPaths, newId, saveCheckpoint, type CheckpointMeta } from '../train/checkpoint.js';
import { evaluate } from '../train/evaluate.js';
import { crossEntropy } from '../train/losses.js';
import { Sgd } from '../train/sgd.js';
import { sgdStep } from '../train/sgdStep.js';
import { assertFinite } from './buildBaseline.js';
import type { StoredModel } from './checkpointIndex.js';
import { evaluateModel, type EvaluationHooks, type EvaluationSettings, type EvaluationStage } from './evaluateModel.js';
import type { ReferenceCache } from './referenceCache.js';
import { saveResult } from './resultStore.js';
import { Stopwatch } from './stopwatch.js';

export type RunStage = 'preparing' | 'unlearning' | EvaluationStage | 'saving';

export interface UnlearnProgress {
  epoch: number;
  epochs: number;
  step: number;
  steps: number;
  loss: number | null;
  forgetAccuracy: number | null;
  message: string | null;
  /** Timed seconds so far. */
  seconds: number;
}

export interface UnlearnRunInput {
  methodId: string;
  /** Raw hyperparameters (validated against the method's descriptor here). */
  params?: Record<string, unknown>;
  forgetClass: number;
  seed?: number;
  data: LoadedDataset;
  /** The designated Original (also the base model unless `base` is given). */
  original: StoredModel;
  /** The designated Retrained model of the forget class, if there is one. */
  retrained: StoredModel | null;
  /** The model to unlearn from (a chained run); default the Original. */
  base?: StoredModel;
  label?: string | null;
  checkpointDir: string;
  /** Where the record is written as `<id>.json` (the command line); unused when `storeRecord` is given. */
  resultsDir: string;
  /**
   * Stores the record instead of writing it to `resultsDir` (the server keeps records in its
   * database). Called after the weights are saved; when it throws, the weights are removed again.
   */
  storeRecord?: (record: ResultRecord, checkpoint: CheckpointMeta) => Promise<void>;
  cache?: ReferenceCache;
  evaluation?: EvaluationSettings;
  /** Measure forget-set accuracy after each epoch (untimed); default true. */
  trackForgetAccuracy?: boolean;
}

export interface UnlearnRunHooks extends Omit<EvaluationHooks, 'onStage'> {
  onStage?: (stage: RunStage) => void;
  onUnlearnProgress?: (p: UnlearnProgress) => void;
  onEpoch?: (entry: ResultRecord['history'][number]) => void;
}

/**
 * One unlearning run (methods.md §4): validate → prepare (untimed) → `unlearn(ctx)` (timed, =
 * RTE) → finite-weights check → evaluate (untimed) → save weights and record under a new id.
 * A failed or cancelled run writes nothing.
 */
export async function runUnlearning(input: UnlearnRunInput, hooks: UnlearnRunHooks = {}): Promise<{ record: ResultRecord; checkpoint: CheckpointMeta }> {
  const { data, forgetClass } = input;
  const { signal } = hooks;
  const { descriptor: dataset } = data;
  const base = input.base ?? input.original;

  // Validate
  const method = getMethod(input.methodId);
  // Retrain takes the designated Original's recipe unless a parameter overrides it (methods.md §5.6).
  const defaults = method.descriptor.id === 'retrain' ? retrainDefaults(input.original.meta.config) : {};
  const params: MethodParams = resolveParams(method.descriptor, { ...defaults, ...input.params });
  checkForgetClass(forgetClass, dataset.numClasses);
  const seed = input.seed ?? 2048;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error(`invalid seed: ${seed} (expected an integer 0..4294967295)`);
  for (const [what, m] of [['base', base], ['Original', input.original], ['Retrained', input.retrained]] as const) {
    if (!m) continue;
    if (m.meta.dataset.id !== dataset.id) throw new Error(`${what} model ${m.meta.id} was trained on ${m.meta.dataset.id}, not ${dataset.id}`);
    if (m.meta.model.architecture !== base.meta.model.architecture) {
      throw new Error(`${what} model ${m.meta.id} is a ${m.meta.model.architecture}, the base model a ${base.meta.model.architecture}`);
    }
  }
  if (input.retrained && input.retrained.meta.forgetClass !== forgetClass) {
    throw new Error(`Retrained model ${input.retrained.meta.id} is for class ${input.retrained.meta.forgetClass}, not ${forgetClass}`);
  }

  // Prepare (untimed)
  const backend = await initBackend();
  hooks.onStage?.('preparing');
  const prepareStart = performance.now();
  const rng = createRng(seed);
  const { forget: forgetIdx, retain: retainIdx } = classSplit(data.train.labels, forgetClass, dataset.numClasses);
  const forget = createDataSource(data.train, forgetIdx, dataset, { rng: rng.fork('forget'), signal });
  const retain = createDataSource(data.train, retainIdx, dataset, { rng: rng.fork('retain'), signal });
  const forgetEval = createDataSource(data.train, forgetIdx, dataset, { signal });
  await warmUp(base.model, data, retainIdx, rng.fork('warm-up'));
  const model = await base.model.clone();
  const frozen = await base.model.clone();
  const prepareSeconds = (performance.now() - prepareStart) / 1000;

  const clock = new Stopwatch();
  const history: ResultRecord['history'] = [];
  const epochs = Number(params.epochs);
  const progress: UnlearnProgress = { epoch: 0, epochs, step: 0, steps: 0, loss: null, forgetAccuracy: null, message: null, seconds: 0 };
  const report = (patch: Partial<UnlearnProgress>) => hooks.onUnlearnProgress?.(Object.assign(progress, patch, { seconds: clock.seconds }));
  const forgetAccuracy = () => clock.untimed(async () => (await evaluate(model, forgetEval, { signal })).overall);
  let result: Model = model;
  const tensorsBefore = tf.memory().numTensors;
  try {
    // Run (timed)
    hooks.onStage?.('unlearning');
    const ctx = createUnlearnContext({
      model,
      original: frozen,
      forget,
      retain,
      params,
      info: { dataset: dataset.id, architecture: base.meta.model.architecture, numClasses: dataset.numClasses, forgetClass },
      rng: rng.fork('method'),
      signal,
      progress: {
        step: (step, steps) => report({ step, steps }),
        message: (message) => report({ message }),
        forgetAccuracy,
        epoch: async (done, total, stats) => {
          const seconds = clock.seconds;
          const accuracy = input.trackForgetAccuracy === false ? null : await forgetAccuracy();
          const entry = { epoch: done, lr: stats?.lr ?? Number(params.lr), loss: stats?.loss ?? null, forgetAccuracy: accuracy, seconds };
          history.push(entry);
          hooks.onEpoch?.(entry);
          report({ epoch: done, epochs: total, loss: stats?.loss ?? null, forgetAccuracy: accuracy });
        },
      },
    });
    clock.start();
    const returned = await method.unlearn(ctx);
    clock.pause();
    if (returned && returned !== model) {
      result = returned;
      model.dispose();
    }
    await assertFinite(result);
    const leaked = tf.memory().numTensors - tensorsBefore;
    const warnings = leaked > 0 ? [`method ${method.descriptor.id} left ${leaked} tensors allocated`] : [];

    // Evaluate (untimed)
    const id = newId();
    const role = method.descriptor.id === 'retrain' ? 'retrained' : 'unlearned';
    const record = await evaluateModel(
      {
        model: result,
        modelId: id,
        role,
        label: input.label ?? null,
        data,
        forgetClass,
        original: { id: input.original.meta.id, model: input.original.model },
        retrained: input.retrained ? { id: input.retrained.meta.id, model: input.retrained.model } : null,
        method: { id: method.descriptor.id, label: method.descriptor.label, version: method.descriptor.version },
        hyperparameters: params,
        seed,
        baseModelId: base.meta.id,
        recipe: knownRecipeId(base.meta.config.recipe),
        rteSeconds: clock.seconds,
        history,
        prepareSeconds,
        warnings,
        cache: input.cache,
        settings: input.evaluation,
      },
      { signal, onProgress: hooks.onProgress, onStage: hooks.onStage },
    );

    // Save: weights first, then the record; a failed record write removes the weights again.
    signal?.throwIfAborted();
    hooks.onStage?.('saving');
    const checkpoint = await saveCheckpoint(
      input.checkpointDir,
      result,
      {
        role,
        dataset: { id: dataset.id, checksum: data.checksum },
        forgetClass,
        config: { method: record.config.method, hyperparameters: params, seed, forgetClass, baseModelId: base.meta.id },
        seed,
        environment: { backend: backend.name, threads: backend.threads, tfjsVersion: backend.tfjsVersion },
        trainingSeconds: clock.seconds,
        accuracy: record.accuracy,
      },
      id,
    );
    try {
      if (input.storeRecord) await input.storeRecord(record, checkpoint);
      else await saveResult(input.resultsDir, record);
    } catch (error) {
      const paths = checkpointPaths(input.checkpointDir, id);
      await Promise.all([rm(paths.meta, { force: true }), rm(paths.weights, { force: true })]);
      throw error;
    }
    return { record, checkpoint };
  } finally {
    result.dispose();
    if (result !== model) model.dispose();
    frozen.dispose();
  }
}

/** One forward and backward pass on a throw-away copy, so that first-call costs stay out of RTE. */
async function warmUp(base: Model, data: LoadedDataset, retainIdx: Int32Array, rng: ReturnType<typeof createRng>): Promise<void> {
  const copy = await base.clone();
  const sgd = new Sgd(copy.trainable, { momentum: 0.9, nesterov: false, weightDecay: 0 });
  try {
    const source = createDataSource(data.train, retainIdx.subarray(0, 32), data.descriptor, { rng });
    for await (const { x, y } of source.batches({ batchSize: 32 })) {
      sgdStep(copy, sgd, () => crossEntropy(copy.forward(x, { training: true }).logits, y), { lr: 0 });
      tf.dispose([x, y]);
    }
  } finally {
    sgd.dispose();
    copy.dispose();
  }
}
