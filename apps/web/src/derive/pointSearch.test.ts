import { describe, expect, it } from 'vitest';
import { nearestPoint, nextInDirection } from './pointSearch.js';

//   0 (0,0)   1 (10,1)   2 (20,0)
//   3 (1,10)             4 (12,12)
const xs = [0, 10, 20, 1, 12];
const ys = [0, 1, 0, 10, 12];
const all = () => true;

describe('nearestPoint', () => {
  it('finds the closest point within the radius', () => {
    expect(nearestPoint(xs, ys, 9, 3, 8, all)).toBe(1);
    expect(nearestPoint(xs, ys, 30, 30, 8, all)).toBe(-1);
    expect(nearestPoint(xs, ys, 30, 30, Infinity, all)).toBe(4);
  });
  it('skips points that are not eligible', () => {
    // From (11,3) without 1: 4 is at 1 + 81, 2 at 81 + 9, 0 at 121 + 9.
    expect(nearestPoint(xs, ys, 11, 3, 20, (i) => i !== 1)).toBe(4);
  });
  it('prefers the lower index on a tie', () => {
    expect(nearestPoint(xs, ys, 5, 0.5, 8, all)).toBe(0);
  });
});

describe('nextInDirection', () => {
  it('follows the arrow to the cheapest point ahead', () => {
    // From 0 to the right: 1 costs 10 + 2·1 = 12, 4 costs 12 + 24, 2 costs 20.
    expect(nextInDirection(xs, ys, 0, 'right', all)).toBe(1);
    // From 0 down: 3 costs 10 + 2 = 12, 1 costs 1 + 20 = 21, 4 costs 12 + 24.
    expect(nextInDirection(xs, ys, 0, 'down', all)).toBe(3);
    // From 4 up: 1 costs 11 + 4 = 15, 2 costs 12 + 16 = 28, 0 costs 12 + 24, 3 costs 2 + 22 = 24.
    expect(nextInDirection(xs, ys, 4, 'up', all)).toBe(1);
    // From 2 left: 1 costs 10 + 2, 4 costs 8 + 24.
    expect(nextInDirection(xs, ys, 2, 'left', all)).toBe(1);
  });
  it('returns −1 at the edge', () => {
    expect(nextInDirection(xs, ys, 2, 'right', all)).toBe(-1);
    expect(nextInDirection(xs, ys, 0, 'up', all)).toBe(-1);
  });
  it('skips points that are not eligible', () => {
    expect(nextInDirection(xs, ys, 0, 'right', (i) => i !== 1)).toBe(2);
  });
});
