import * as tf from '@tensorflow/tfjs';
import type { DataSource } from '../data/dataSource.js';
import { classAccuracy } from '../metrics/classAccuracy.js';
import { confusionMatrix } from '../metrics/confusionMatrix.js';
import type { Model } from '../models/model.js';

export interface Evaluation {
  /** Accuracy per true class (null for a class with no samples). */
  perClass: (number | null)[];
  /** Accuracy over all samples. */
  overall: number;
  /** Counts, row = true class, column = predicted class. */
  confusion: number[][];
  /** Predicted class per sample, in the source's order. */
  predictions: Int32Array;
  labels: Int32Array;
}

/** Inference-mode accuracy of `model` on every sample of `source`, unshuffled, unaugmented. */
export async function evaluate(
  model: Model,
  source: DataSource,
  options: { batchSize?: number; signal?: AbortSignal; numClasses?: number; onBatch?: (done: number, total: number) => void } = {},
): Promise<Evaluation> {
  const numClasses = options.numClasses ?? model.shape.numClasses;
  const predictions = new Int32Array(source.size);
  const labels = new Int32Array(source.size);
  let offset = 0;
  for await (const { x, y } of source.batches({ batchSize: options.batchSize ?? 256, shuffle: false, augment: false })) {
    options.signal?.throwIfAborted();
    const predicted = tf.tidy(() => tf.argMax(model.forward(x, { training: false }).logits, 1));
    predictions.set(await predicted.data(), offset);
    labels.set(await y.data(), offset);
    offset += x.shape[0];
    tf.dispose([x, y, predicted]);
    options.onBatch?.(offset, source.size);
  }
  const confusion = confusionMatrix(labels, predictions, numClasses);
  const hits = confusion.reduce((sum, row, c) => sum + row[c], 0);
  return { perClass: classAccuracy(confusion), overall: offset === 0 ? 0 : hits / offset, confusion, predictions, labels };
}
