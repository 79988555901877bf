import { describe, expect, it } from 'vitest';
import { sweepGrid, sweepSize } from '../../src/jobs/sweepGrid.js';

describe('sweepGrid', () => {
  it('is every combination on top of the base, the last key varying fastest', () => {
    expect(sweepGrid({ lr: 0.1 }, { epochs: [1, 2], alpha: [0.5, 0.9] })).toEqual([
      { lr: 0.1, epochs: 1, alpha: 0.5 },
      { lr: 0.1, epochs: 1, alpha: 0.9 },
      { lr: 0.1, epochs: 2, alpha: 0.5 },
      { lr: 0.1, epochs: 2, alpha: 0.9 },
    ]);
  });

  it('lets the grid override a base value, and an empty grid is the base alone', () => {
    expect(sweepGrid({ lr: 0.1 }, { lr: [0.2] })).toEqual([{ lr: 0.2 }]);
    expect(sweepGrid({ lr: 0.1 }, {})).toEqual([{ lr: 0.1 }]);
  });

  it('counts runs as the product of the value counts times the seeds', () => {
    expect(sweepSize({ a: [1, 2, 3], b: [true, false] }, 4)).toBe(24);
  });
});
