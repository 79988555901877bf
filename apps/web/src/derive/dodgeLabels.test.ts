import { describe, expect, it } from 'vitest';
import { dodgeLabels } from './dodgeLabels.js';

describe('dodgeLabels', () => {
  it('leaves labels that do not collide where they are', () => {
    expect(dodgeLabels([10, 50, 30], 12)).toEqual([10, 50, 30]);
  });

  it('spreads colliding labels by the gap, in their order, each moving as little as needed', () => {
    const out = dodgeLabels([20, 20, 21, 100], 12);
    expect(out).toEqual([20, 32, 44, 100]);
  });

  it('pushes a stack back inside the bottom bound', () => {
    const out = dodgeLabels([95, 96, 97], 10, 0, 100);
    expect(out).toEqual([80, 90, 100]);
  });
});
