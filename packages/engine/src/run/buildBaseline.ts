import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../backend/selectBackend.js';
import { classSplit } from '../data/classSplit.js';
import { createDataSource } from '../data/dataSource.js';
import { loadDataset } from '../data/loadDataset.js';
import { Model } from '../models/model.js';
import { createRng } from '../random.js';
import { saveCheckpoint, type CheckpointMeta } from '../train/checkpoint.js';
import { evaluate } from '../train/evaluate.js';
import { DivergenceError } from '../train/sgdStep.js';
import { trainModel, type TrainHooks } from '../train/train.js';
import { resolveTrainConfig, type TrainConfigInput } from '../train/trainConfig.js';
import { checkpointDir } from './checkpointDir.js';

export type BaselineStage = 'loading data' | 'training' | 'evaluating train' | 'evaluating test' | 'saving';

export interface BuildBaselineOptions extends TrainHooks {
  config: TrainConfigInput;
  checkpointDir?: string;
  onStage?: (stage: BaselineStage) => void;
}

/**
 * Trains an Original (all training data) or a Retrained model (`excludeClass` left out) from
 * scratch, evaluates it per class on train and test, and saves it as a checkpoint.
 */
export async function buildBaseline(options: BuildBaselineOptions): Promise<CheckpointMeta> {
  const { signal, onStage } = options;
  const backend = await initBackend();
  onStage?.('loading data');
  const data = await loadDataset(options.config.dataset);
  const { descriptor } = data;
  const config = resolveTrainConfig(options.config, descriptor.numClasses);
  const rng = createRng(config.seed);
  const allTrain = Int32Array.from({ length: data.train.count }, (_, i) => i);
  const train = createDataSource(data.train, baselineTrainIndices(data.train.labels, config.excludeClass, descriptor.numClasses), descriptor, { rng, signal });
  const test = createDataSource(data.test, Int32Array.from({ length: data.test.count }, (_, i) => i), descriptor, { signal });

  const model = Model.create(
    { architecture: config.architecture, inputChannels: descriptor.inputShape[2], numClasses: descriptor.numClasses },
    rng.fork('init'),
  );
  try {
    onStage?.('training');
    const { trainingSeconds, history } = await trainModel(model, { train, test }, config, options);
    await assertFinite(model);
    onStage?.('evaluating train');
    const trainEval = await evaluate(model, createDataSource(data.train, allTrain, descriptor, { signal }), { signal });
    onStage?.('evaluating test');
    const testEval = await evaluate(model, test, { signal });
    onStage?.('saving');
    return await saveCheckpoint(options.checkpointDir ?? checkpointDir(), model, {
      role: config.excludeClass === null ? 'original' : 'retrained',
      dataset: { id: descriptor.id, checksum: data.checksum },
      forgetClass: config.excludeClass,
      config: { ...config, history },
      seed: config.seed,
      environment: { backend: backend.name, threads: backend.threads, tfjsVersion: backend.tfjsVersion },
      trainingSeconds,
      accuracy: { train: trainEval.perClass, test: testEval.perClass },
    });
  } finally {
    model.dispose();
  }
}

/** The training images of an Original (all) or of a Retrained model (every class but `excludeClass`). */
export function baselineTrainIndices(labels: ArrayLike<number>, excludeClass: number | null, numClasses: number): Int32Array {
  if (excludeClass === null) return Int32Array.from({ length: labels.length }, (_, i) => i);
  return classSplit(labels, excludeClass, numClasses).retain;
}

/** Throws when any weight is NaN or infinite (methods.md §4 step 4). */
export async function assertFinite(model: Model): Promise<void> {
  for (const [name, v] of model.weights) {
    const finite = tf.tidy(() => tf.all(tf.isFinite(v)).dataSync()[0]);
    if (!finite) throw new DivergenceError(`model diverged (non-finite weights in ${name})`);
  }
}
