import { describe, expect, it } from 'vitest';
import type { AttackCurves } from './attackCurves.js';
import { privacyScore } from './privacyScore.js';
import type { ThresholdCurve } from './thresholdCurve.js';

const flat = (score = 0): ThresholdCurve => ({ fpr: new Array(51).fill(1), fnr: new Array(51).fill(0), score: new Array(51).fill(score) });
const withPeak = (index: number, score: number): ThresholdCurve => {
  const c = flat();
  c.score[index] = score;
  c.fpr[index] = 0.25;
  c.fnr[index] = 0.5;
  return c;
};
const curves = (parts: Partial<AttackCurves>): AttackCurves => ({
  entropyAboveUnlearn: flat(),
  entropyAboveRetrain: flat(),
  confidenceAboveUnlearn: flat(),
  confidenceAboveRetrain: flat(),
  ...parts,
});

describe('privacyScore', () => {
  it('is 1 − the best score over the four curves, rounded to 3 decimals', () => {
    const r = privacyScore(curves({ entropyAboveRetrain: withPeak(10, 0.4004) }));
    expect(r.privacyScore).toBe(0.6);
    expect(r.worstCase).toEqual({ metric: 'entropy', positives: 'retrain', index: 10, threshold: 0.5, score: 0.4004, fpr: 0.25, fnr: 0.5 });
  });

  it('reports the threshold of the confidence grid for a confidence curve', () => {
    const r = privacyScore(curves({ confidenceAboveRetrain: withPeak(4, 0.9) }));
    expect(r.worstCase.threshold).toBe(-1.5);
    expect(r.privacyScore).toBe(0.1);
  });

  it('breaks ties by table order, then by the lowest threshold', () => {
    const r = privacyScore(curves({ confidenceAboveUnlearn: withPeak(3, 0.5), entropyAboveRetrain: withPeak(20, 0.5) }));
    expect(r.worstCase).toMatchObject({ metric: 'entropy', positives: 'retrain', index: 20 });
    const c = withPeak(30, 0.5);
    c.score[7] = 0.5;
    expect(privacyScore(curves({ entropyAboveUnlearn: c })).worstCase.index).toBe(7);
  });

  it('is 1 when every score is 0 (a model against itself), at the first threshold', () => {
    const r = privacyScore(curves({}));
    expect(r.privacyScore).toBe(1);
    expect(r.worstCase).toMatchObject({ metric: 'entropy', positives: 'unlearn', index: 0, threshold: 0 });
  });

  it('rejects curves of the wrong length', () => {
    expect(() => privacyScore(curves({ entropyAboveUnlearn: { fpr: [0], fnr: [0], score: [0] } }))).toThrow(
      'invalid entropyAboveUnlearn length: 1 (expected 51)',
    );
  });
});
