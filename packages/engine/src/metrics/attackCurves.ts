import { type AttackGrid, CONFIDENCE_GRID, ENTROPY_GRID } from './attackGrid.js';
import type { AttackValues } from './attackValues.js';
import { type ThresholdCurve, thresholdCurve } from './thresholdCurve.js';

/** The four sweeps of metrics.md §8, in the order that breaks ties in the privacy score. */
export interface AttackCurves {
  entropyAboveUnlearn: ThresholdCurve;
  entropyAboveRetrain: ThresholdCurve;
  confidenceAboveUnlearn: ThresholdCurve;
  confidenceAboveRetrain: ThresholdCurve;
}

export type AttackCurveName = keyof AttackCurves;

/** Curve names in table order (metrics.md §8), with the metric and the side taken as positives. */
export const ATTACK_CURVES: readonly { name: AttackCurveName; metric: 'entropy' | 'confidence'; positives: 'unlearn' | 'retrain' }[] = [
  { name: 'entropyAboveUnlearn', metric: 'entropy', positives: 'unlearn' },
  { name: 'entropyAboveRetrain', metric: 'entropy', positives: 'retrain' },
  { name: 'confidenceAboveUnlearn', metric: 'confidence', positives: 'unlearn' },
  { name: 'confidenceAboveRetrain', metric: 'confidence', positives: 'retrain' },
];

/** Grids of the two metrics (metrics.md §8 defaults). */
export interface AttackGrids {
  entropy: AttackGrid;
  confidence: AttackGrid;
}

export const DEFAULT_ATTACK_GRIDS: AttackGrids = Object.freeze({ entropy: ENTROPY_GRID, confidence: CONFIDENCE_GRID });

/**
 * The four threshold sweeps of the evaluated model's values U against the Retrained model's
 * values R on the same images (unrounded; round each entry to 3 decimals to store).
 *
 *   attackCurves(subsetValuesOfModel, subsetValuesOfRetrained).confidenceAboveUnlearn.score
 */
export function attackCurves(
  unlearn: AttackValues,
  retrain: AttackValues,
  grids: AttackGrids = DEFAULT_ATTACK_GRIDS,
  delta?: number,
): AttackCurves {
  const sides = { unlearn, retrain };
  const curves = {} as AttackCurves;
  for (const { name, metric, positives } of ATTACK_CURVES) {
    const negatives = positives === 'unlearn' ? 'retrain' : 'unlearn';
    curves[name] = thresholdCurve(sides[positives][metric], sides[negatives][metric], grids[metric], delta);
  }
  return curves;
}
