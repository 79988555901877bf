import { describe, expect, it } from 'vitest';
import { classAccuracy } from './classAccuracy.js';
import { unlearningAccuracies } from './unlearningAccuracies.js';

describe('unlearningAccuracies', () => {
  it('takes UA/TUA from the forget class and RA/TRA as the unweighted retain mean (metrics.md §2)', () => {
    const train = classAccuracy([[2, 5, 3], [1, 9, 0], [2, 0, 8]]);
    const r = unlearningAccuracies(train, [0.1, 0.7, 0.9], 0);
    expect(r.UA).toBe(0.2);
    expect(r.RA).toBeCloseTo(0.85, 15);
    expect(r.TUA).toBe(0.1);
    expect(r.TRA).toBeCloseTo(0.8, 15);
  });

  it('reproduces the reference Original, fc 0: TRA 0.953', () => {
    const test = [0.96, 0.975, 0.937, 0.892, 0.963, 0.931, 0.975, 0.975, 0.97, 0.96];
    const r = unlearningAccuracies(new Array(10).fill(1), test, 0);
    expect([r.UA, r.RA, r.TUA]).toEqual([1, 1, 0.96]);
    expect(r.TRA).toBeCloseTo(0.953111, 6);
  });

  it('weights classes equally, not by their image counts', () => {
    // Retain class 1: 1 of 1 correct; class 2: 0 of 99 correct → RA 0.5, not 0.01.
    const train = classAccuracy([[1, 0, 0], [0, 1, 0], [0, 99, 0]]);
    expect(unlearningAccuracies(train, train, 0).RA).toBe(0.5);
  });

  it('leaves empty classes out of the mean and reports an empty forget class as null', () => {
    const r = unlearningAccuracies([null, 0.5, null], [null, null, null], 0);
    expect(r).toEqual({ UA: null, RA: 0.5, TUA: null, TRA: null });
  });

  it('rejects a forget class out of range', () => {
    expect(() => unlearningAccuracies([1, 1], [1, 1], 2)).toThrow('invalid forget class: 2 (expected 0..1)');
  });
});
