import { describe, expect, it } from 'vitest';
import { localUpstreamFixture } from '../../test/fixtures/upstreamResults.js';
import { ATTACK_CURVES, attackCurves } from './attackCurves.js';
import { CONFIDENCE_GRID, ENTROPY_GRID, gridThresholds } from './attackGrid.js';
import { attackScore } from './attackScore.js';
import { privacyScore } from './privacyScore.js';
import { roundCurves } from './roundCurves.js';
import { thresholdCurve } from './thresholdCurve.js';

const original = localUpstreamFixture('0/0000.attack.json');
const retrained = localUpstreamFixture('0/a000.attack.json');
const valuesOf = (f: any) => ({
  entropy: f.attack.values.map((v: any) => v.entropy as number),
  confidence: f.attack.values.map((v: any) => v.confidence as number),
});
const referenceKey = { entropyAboveUnlearn: 'entropy_above_unlearn', entropyAboveRetrain: 'entropy_above_retrain', confidenceAboveUnlearn: 'confidence_above_unlearn', confidenceAboveRetrain: 'confidence_above_retrain' } as const;

describe('attackScore', () => {
  it.each([
    [0.1, 0.2, 0.647],
    [0.3, 0.2, 0.493],
    [0.05, 0, 0.875],
    [0.5, 0.5, 0],
    [0, 0, 1],
    [1, 0, 0],
  ])('FPR %f, FNR %f → score %f (metrics.md §8 table)', (fpr, fnr, score) => {
    expect(attackScore(fpr, fnr)).toBeCloseTo(score, 3);
  });

  it('uses natural logs for ε and base 2 for fq', () => {
    const epsilon = Math.log(1 - 1e-5 - 0.1) - Math.log(0.2);
    expect(Math.abs(attackScore(0.1, 0.2) - (1 - 2 ** -epsilon))).toBeLessThan(1e-12);
  });

  it('rejects rates outside [0, 1]', () => {
    expect(() => attackScore(1.5, 0)).toThrow('invalid FPR: 1.5 (expected a fraction in [0, 1])');
  });
});

describe('gridThresholds', () => {
  it('computes lo + i·step, not i/20 or an accumulated sum', () => {
    const t = gridThresholds(ENTROPY_GRID);
    expect(t).toHaveLength(51);
    expect(t[3]).toBe(0.15000000000000002);
    expect(t[50]).toBe(2.5);
    expect(gridThresholds(CONFIDENCE_GRID)[0]).toBe(-2.5);
    expect(gridThresholds(CONFIDENCE_GRID)[50]).toBe(10);
  });
});

describe('thresholdCurve', () => {
  it('counts values ≥ t after clipping into the grid range', () => {
    const grid = { lo: 0, step: 1, count: 4 };
    // Positives 2, 3 and 12.3 (clipped to 3); negatives −4 (clipped to 0) and 1.
    const c = thresholdCurve([2, 12.3, 3], [-4, 1], grid);
    expect(c.fpr).toEqual([1, 0.5, 0, 0]);
    expect(c.fnr).toEqual([0, 0, 0, 1 - 2 / 3]);
    expect(c.score[0]).toBe(0);
    expect(c.score[2]).toBe(1);
  });

  it('is sensitive to the exact threshold: 0.15 is below t₃ = 0.15000000000000002', () => {
    const c = thresholdCurve([0.15], [0], ENTROPY_GRID);
    expect(c.fnr[2]).toBe(0);
    expect(c.fnr[3]).toBe(1);
  });

  it('rejects empty inputs and NaN', () => {
    expect(() => thresholdCurve([], [1], ENTROPY_GRID)).toThrow('invalid positives: empty');
    expect(() => thresholdCurve([1], [Number.NaN], ENTROPY_GRID)).toThrow('invalid negative value at 0: NaN');
  });
});

describe('attackCurves on the reference fixture (0000.json vs a000.json, fc 0)', () => {
  const curves = attackCurves(valuesOf(original), valuesOf(retrained));
  const stored = roundCurves(curves);

  for (const { name } of ATTACK_CURVES) {
    it(`reproduces ${referenceKey[name]} exactly, all 51 entries`, () => {
      const reference = original.attack.results[referenceKey[name]] as any[];
      expect(reference).toHaveLength(51);
      const thresholds = gridThresholds(name.startsWith('entropy') ? ENTROPY_GRID : CONFIDENCE_GRID);
      expect(thresholds.map((t) => Math.round(t * 1000) / 1000)).toEqual(reference.map((e) => e.threshold));
      expect(stored[name].fpr).toEqual(reference.map((e) => e.fpr));
      expect(stored[name].fnr).toEqual(reference.map((e) => e.fnr));
      expect(stored[name].score).toEqual(reference.map((e) => e.attack_score));
    });
  }

  it('has the maxima of metrics.md §8', () => {
    expect(Math.max(...stored.entropyAboveUnlearn.score)).toBe(0.003);
    expect(Math.max(...stored.entropyAboveRetrain.score)).toBe(0.68);
    expect(Math.max(...stored.confidenceAboveUnlearn.score)).toBe(0.725);
    expect(Math.max(...stored.confidenceAboveRetrain.score)).toBe(0.003);
  });

  it('reproduces the Retrained model compared with itself (a000.json), score 0 everywhere', () => {
    const self = roundCurves(attackCurves(valuesOf(retrained), valuesOf(retrained)));
    for (const { name } of ATTACK_CURVES) {
      const reference = retrained.attack.results[referenceKey[name]] as any[];
      expect(self[name].fpr).toEqual(reference.map((e) => e.fpr));
      expect(self[name].fnr).toEqual(reference.map((e) => e.fnr));
      expect(self[name].score).toEqual(reference.map((e) => e.attack_score));
      expect(self[name].score.every((s) => s === 0)).toBe(true);
    }
    expect(privacyScore(attackCurves(valuesOf(retrained), valuesOf(retrained))).privacyScore).toBe(1);
  });

  it('gives the subset PS 0.275 of the Original, fc 0, at confidence-above-unlearn t = 6.5', () => {
    const { privacyScore: ps, worstCase } = privacyScore(curves);
    expect(ps).toBe(0.275);
    expect(worstCase).toMatchObject({ metric: 'confidence', positives: 'unlearn', index: 36, threshold: 6.5, fpr: 0.13, fnr: 0.135 });
    expect(worstCase.score).toBeCloseTo(0.725, 3);
    // The PS recomputed from the stored (rounded) curves agrees within 0.001 (metrics.md §9).
    expect(Math.abs(privacyScore(stored).privacyScore - ps)).toBeLessThanOrEqual(0.001);
  });
});
