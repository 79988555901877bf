import * as tf from '@tensorflow/tfjs';
import type { DataSource } from '../data/dataSource.js';
import type { Model } from '../models/model.js';
import { evaluate } from './evaluate.js';
import { crossEntropy } from './losses.js';
import { learningRate } from './schedules.js';
import { Sgd } from './sgd.js';
import { sgdStep } from './sgdStep.js';
import type { TrainConfig } from './trainConfig.js';

export interface TrainProgress {
  stage: 'training' | 'evaluating';
  /** 1-based epoch being run. */
  epoch: number;
  epochs: number;
  batch: number;
  batches: number;
  /** Running mean loss and accuracy of the current epoch (training mode, before each update). */
  loss: number;
  accuracy: number;
  lr: number;
  /** Training throughput so far (evaluation excluded). */
  imagesPerSecond: number;
  etaSeconds: number | null;
}

export interface EpochSummary {
  epoch: number;
  lr: number;
  loss: number;
  accuracy: number;
  seconds: number;
  testAccuracy: number | null;
}

export interface TrainHooks {
  onProgress?: (p: TrainProgress) => void;
  onEpoch?: (e: EpochSummary) => void;
  signal?: AbortSignal;
}

/**
 * Trains `model` in place with the recipe in `config` (methods.md §3.1): cross-entropy, SGD with
 * momentum / Nesterov / weight decay, the schedule stepped per epoch. Only the training passes
 * are timed; the optional per-epoch test evaluation is not.
 */
export async function trainModel(
  model: Model,
  data: { train: DataSource; test?: DataSource },
  config: TrainConfig,
  hooks: TrainHooks = {},
): Promise<{ history: EpochSummary[]; trainingSeconds: number }> {
  const { epochs, batchSize } = config;
  const batches = Math.ceil(data.train.size / batchSize);
  const sgd = new Sgd(model.trainable, { momentum: config.momentum, nesterov: config.nesterov, weightDecay: config.weightDecay });
  const history: EpochSummary[] = [];
  let trainingSeconds = 0;
  let imagesSeen = 0;

  try {
    for (let epoch = 0; epoch < epochs; epoch++) {
      // Training
      const lr = learningRate(config.schedule, config.lr, epoch, epochs);
      const epochStart = performance.now();
      let lossSum = 0;
      let correct = 0;
      let seen = 0;
      let batch = 0;
      for await (const { x, y } of data.train.batches({ batchSize, shuffle: true, augment: config.augment })) {
        hooks.signal?.throwIfAborted();
        const n = x.shape[0];
        try {
          let hits = null as tf.Tensor | null;
          try {
            const loss = await sgdStep(model, sgd, () => {
              const { logits } = model.forward(x, { training: true });
              hits = tf.keep(tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), tf.cast(y, 'int32')), 'int32')));
              return crossEntropy(logits, y);
            }, { lr, gradClip: config.gradClip });
            lossSum += loss * n;
            correct += (await hits!.data())[0];
          } finally {
            hits?.dispose();
          }
        } finally {
          tf.dispose([x, y]);
        }
        seen += n;
        batch++;
        imagesSeen += n;
        const elapsed = trainingSeconds + (performance.now() - epochStart) / 1000;
        const imagesPerSecond = imagesSeen / elapsed;
        const remaining = (epochs - epoch - 1) * data.train.size + Math.max(data.train.size - seen, 0);
        hooks.onProgress?.({
          stage: 'training', epoch: epoch + 1, epochs, batch, batches,
          loss: lossSum / seen, accuracy: correct / seen, lr, imagesPerSecond,
          etaSeconds: remaining / imagesPerSecond,
        });
      }
      const seconds = (performance.now() - epochStart) / 1000;
      trainingSeconds += seconds;

      // Evaluation (untimed)
      let testAccuracy: number | null = null;
      if (config.evaluateEachEpoch && data.test) {
        hooks.onProgress?.({
          stage: 'evaluating', epoch: epoch + 1, epochs, batch, batches, loss: lossSum / seen, accuracy: correct / seen, lr,
          imagesPerSecond: imagesSeen / trainingSeconds, etaSeconds: ((epochs - epoch - 1) * data.train.size) / (imagesSeen / trainingSeconds),
        });
        testAccuracy = (await evaluate(model, data.test, { signal: hooks.signal })).overall;
      }
      const summary = { epoch: epoch + 1, lr, loss: lossSum / seen, accuracy: correct / seen, seconds, testAccuracy };
      history.push(summary);
      hooks.onEpoch?.(summary);
    }
  } finally {
    sgd.dispose();
  }
  return { history, trainingSeconds };
}
