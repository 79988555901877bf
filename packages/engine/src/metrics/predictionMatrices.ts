import { argmaxRows } from './argmaxRows.js';
import { classAccuracy } from './classAccuracy.js';
import { confidenceDistribution } from './confidenceDistribution.js';
import { confusionMatrix } from './confusionMatrix.js';
import { labelDistribution } from './labelDistribution.js';

/** Everything metrics.md §1 and §4 derive from one split's logits (unrounded). */
export interface PredictionMatrices {
  confusion: number[][];
  accuracy: (number | null)[];
  labelDist: number[][];
  confDist: number[][];
}

/**
 * Confusion counts, class-wise accuracy, `labelDist` and `confDist` of one split from its n × C
 * logits and true labels.
 *
 *   predictionMatrices(trainLogits, trainLabels, 10).accuracy // acc_train[10]
 */
export function predictionMatrices(
  logits: ArrayLike<number>,
  labels: ArrayLike<number>,
  numClasses: number,
): PredictionMatrices {
  const confusion = confusionMatrix(labels, argmaxRows(logits, numClasses), numClasses);
  return {
    confusion,
    accuracy: classAccuracy(confusion),
    labelDist: labelDistribution(confusion),
    confDist: confidenceDistribution(logits, labels, numClasses),
  };
}
