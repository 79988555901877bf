import { checkForgetClass } from '../data/checkForgetClass.js';

/** UA, RA, TUA and TRA of one model (metrics.md §2). */
export interface UnlearningAccuracies {
  UA: number | null;
  RA: number | null;
  TUA: number | null;
  TRA: number | null;
}

/**
 * UA/TUA = accuracy of the forget class on train/test; RA/TRA = unweighted mean of the other
 * classes' accuracies. Classes without images (null) are left out of the mean.
 *
 *   unlearningAccuracies([0.2, 0.9, 0.8], [0.1, 0.7, 0.9], 0) // {UA: 0.2, RA: 0.85, TUA: 0.1, TRA: 0.8}
 */
export function unlearningAccuracies(
  trainAccuracy: readonly (number | null)[],
  testAccuracy: readonly (number | null)[],
  forgetClass: number,
): UnlearningAccuracies {
  const numClasses = trainAccuracy.length;
  if (testAccuracy.length !== numClasses) {
    throw new Error(`invalid test accuracy length: ${testAccuracy.length} (expected ${numClasses})`);
  }
  checkForgetClass(forgetClass, numClasses);
  return {
    UA: trainAccuracy[forgetClass],
    RA: retainMean(trainAccuracy, forgetClass),
    TUA: testAccuracy[forgetClass],
    TRA: retainMean(testAccuracy, forgetClass),
  };
}

function retainMean(accuracy: readonly (number | null)[], forgetClass: number): number | null {
  let sum = 0;
  let count = 0;
  accuracy.forEach((a, c) => {
    if (c !== forgetClass && a !== null) {
      sum += a;
      count++;
    }
  });
  return count === 0 ? null : sum / count;
}
