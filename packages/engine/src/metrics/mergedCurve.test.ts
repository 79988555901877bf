import { describe, expect, it } from 'vitest';
import type { AttackCurves } from './attackCurves.js';
import { mergedCurve } from './mergedCurve.js';

const c = (score: number[], fpr: number) => ({ fpr: score.map(() => fpr), fnr: score.map(() => 1 - fpr), score });
const curves: AttackCurves = {
  entropyAboveUnlearn: c([0, 0.5, 0.2], 0.1),
  entropyAboveRetrain: c([0, 0.3, 0.4], 0.7),
  confidenceAboveUnlearn: c([0.1], 0.2),
  confidenceAboveRetrain: c([0.9], 0.3),
};

describe('mergedCurve', () => {
  it('takes the higher-scoring direction per threshold, above-unlearn on ties', () => {
    expect(mergedCurve(curves, 'entropy')).toEqual({
      positives: ['unlearn', 'unlearn', 'retrain'],
      fpr: [0.1, 0.1, 0.7],
      fnr: [0.9, 0.9, 1 - 0.7],
      score: [0, 0.5, 0.4],
    });
    expect(mergedCurve(curves, 'confidence').positives).toEqual(['retrain']);
  });

  it('rejects curves of different lengths', () => {
    expect(() => mergedCurve({ ...curves, entropyAboveRetrain: c([0], 0) }, 'entropy')).toThrow(
      'invalid entropy curves: 3 vs 1 thresholds (expected equal)',
    );
  });
});
