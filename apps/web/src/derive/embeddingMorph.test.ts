import { describe, expect, it } from 'vitest';
import { easeInOutCubic, largestMovers, morphPositions } from './embeddingMorph.js';

// A has three points; B has four: B0 ↔ A2, B1 ↔ A0, B2 only in B, B3 ↔ A1.
const ax = [0, 10, 4];
const ay = [0, 0, 3];
const bx = [4, 3, 7, 10];
const by = [7, 4, 7, 2];
const bToA = Int32Array.from([2, 0, -1, 1]);

describe('morphPositions', () => {
  it('puts shared points at their A position at t = 0 and leaves B-only points', () => {
    const m = morphPositions(ax, ay, bx, by, bToA, 0);
    expect([...m.x]).toEqual([4, 0, 7, 10]);
    expect([...m.y]).toEqual([3, 0, 7, 0]);
  });
  it('is B at t = 1', () => {
    const m = morphPositions(ax, ay, bx, by, bToA, 1);
    expect([...m.x]).toEqual(bx);
    expect([...m.y]).toEqual(by);
  });
  it('interpolates linearly in between', () => {
    const m = morphPositions(ax, ay, bx, by, bToA, 0.25);
    // B0: (4,3) → (4,7): y = 3 + 4/4 = 4. B1: (0,0) → (3,4): (0.75, 1). B3: (10,0) → (10,2): y = 0.5.
    expect([...m.x]).toEqual([4, 0.75, 7, 10]);
    expect([...m.y]).toEqual([4, 1, 7, 0.5]);
  });
  it('does not change its inputs', () => {
    morphPositions(ax, ay, bx, by, bToA, 0.5);
    expect(bx).toEqual([4, 3, 7, 10]);
    expect(by).toEqual([7, 4, 7, 2]);
  });
});

describe('largestMovers', () => {
  it('ranks shared points by distance moved, farthest first', () => {
    // Distances: B0 4, B1 5, B3 2; B2 is not shared.
    expect(largestMovers(ax, ay, bx, by, bToA, 2)).toEqual([1, 0]);
    expect(largestMovers(ax, ay, bx, by, bToA, 20)).toEqual([1, 0, 3]);
  });
  it('breaks ties by position', () => {
    expect(largestMovers([0, 0], [0, 0], [1, 0], [0, 1], Int32Array.from([0, 1]), 1)).toEqual([0]);
  });
  it('is empty without shared points', () => {
    expect(largestMovers(ax, ay, bx, by, Int32Array.from([-1, -1, -1, -1]), 20)).toEqual([]);
  });
});

describe('easeInOutCubic', () => {
  it('runs from 0 to 1 through ½, slow at the ends', () => {
    expect(easeInOutCubic(0)).toBe(0);
    expect(easeInOutCubic(0.5)).toBe(0.5);
    expect(easeInOutCubic(1)).toBe(1);
    expect(easeInOutCubic(0.25)).toBeCloseTo(0.0625, 12);
    expect(easeInOutCubic(0.75)).toBeCloseTo(0.9375, 12);
  });
});
