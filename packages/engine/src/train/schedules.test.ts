import { describe, expect, it } from 'vitest';
import { learningRate } from './schedules.js';

describe('learningRate', () => {
  it('is constant for constant', () => {
    expect([0, 3, 9].map((e) => learningRate({ kind: 'constant' }, 0.01, e, 10))).toEqual([0.01, 0.01, 0.01]);
  });

  it('anneals along a half cosine from lr towards etaMin, stepped per epoch', () => {
    const s = { kind: 'cosine', etaMin: 0 } as const;
    expect(learningRate(s, 0.1, 0, 4)).toBeCloseTo(0.1, 12);
    expect(learningRate(s, 0.1, 1, 4)).toBeCloseTo(0.1 * (1 + Math.SQRT1_2) / 2, 12);
    expect(learningRate(s, 0.1, 2, 4)).toBeCloseTo(0.05, 12);
    expect(learningRate({ kind: 'cosine', etaMin: 0.01 }, 0.01, 3, 4)).toBeCloseTo(0.01, 12);
  });

  it('multiplies by gamma at each milestone passed', () => {
    const s = { kind: 'multistep', milestones: [2, 4], gamma: 0.1 } as const;
    expect([0, 1, 2, 3, 4, 5].map((e) => learningRate(s, 1, e, 6))).toEqual([1, 1, 0.1, 0.1, 0.1 ** 2, 0.1 ** 2]);
  });
});
