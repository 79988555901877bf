import { describe, expect, it } from 'vitest';
import { attackValues } from './attackValues.js';
import { pointProbabilities } from './pointProbabilities.js';
import { softmaxRow } from './softmaxRow.js';

describe('attackValues', () => {
  it('matches the metrics.md §7 examples after rounding to 2 decimals', () => {
    expect(attackValues([2, 0, 0], 3)).toEqual({ entropy: [0.98], confidence: [1.31] });
    expect(attackValues([4, 1, 0.5, 0], 4)).toEqual({ entropy: [1.02], confidence: [2.32] });
  });

  it('rounds the exact values of the examples (1e-9 before rounding)', () => {
    // At T = 2 the logits are [1, 0, 0]: H = ln(e + 2) − e/(e + 2).
    const p2 = softmaxRow([2, 0, 0], 0, 3, 2);
    const h = -p2.reduce((s, p) => s + p * Math.log(p), 0);
    expect(Math.abs(h - (Math.log(Math.E + 2) - Math.E / (Math.E + 2)))).toBeLessThan(1e-9);
    const p1 = softmaxRow([2, 0, 0], 0, 3, 1);
    expect(Math.abs(Math.log(p1[0] / (1 - p1[0])) - (2 - Math.log(2)))).toBeLessThan(1e-9);
  });

  it('takes the log-odds of the top class even when it is not the true one, and stays finite when confident', () => {
    const { entropy, confidence } = attackValues([0, 50, 0, 0], 4);
    expect(confidence[0]).toBe(round2(50 - Math.log(3)));
    expect(entropy[0]).toBe(0);
  });

  it('gives ln C entropy and −ln(C − 1) confidence for uniform logits', () => {
    expect(attackValues([1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 10)).toEqual({ entropy: [2.3], confidence: [-2.2] });
  });

  it('rejects a single class', () => {
    expect(() => attackValues([1], 1)).toThrow('invalid class count: 1 (expected ≥ 2)');
  });
});

describe('pointProbabilities', () => {
  it('stores softmax at T = 2 in thousandths', () => {
    expect(pointProbabilities([2, 0, 0, 0, 0, 0], 3)).toEqual([[576, 212, 212], [333, 333, 333]]);
  });
});

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
