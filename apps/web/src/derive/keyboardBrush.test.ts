import { describe, expect, it } from 'vitest';
import { stepBrush } from './keyboardBrush.js';

describe('stepBrush', () => {
  it('creates a one-step brush at the bottom (↑) or the top (↓)', () => {
    expect(stepBrush(null, 1, false)).toEqual([0, 0.1]);
    expect(stepBrush(null, -1, false)).toEqual([0.9, 1]);
    expect(stepBrush(null, 1, true)).toEqual([0, 0.1]);
  });
  it('moves by one step and stops at the ends', () => {
    expect(stepBrush([0.2, 0.4], 1, false)).toEqual([0.3, 0.5]);
    expect(stepBrush([0.2, 0.4], -1, false)).toEqual([0.1, 0.3]);
    expect(stepBrush([0.8, 1], 1, false)).toEqual([0.8, 1]);
    expect(stepBrush([0, 0.3], -1, false)).toEqual([0, 0.3]);
  });
  it('grows and shrinks the upper end, never below one step', () => {
    expect(stepBrush([0.2, 0.4], 1, true)).toEqual([0.2, 0.5]);
    expect(stepBrush([0.2, 0.4], -1, true)).toEqual([0.2, 0.3]);
    expect(stepBrush([0.2, 0.3], -1, true)).toEqual([0.2, 0.3]);
    expect(stepBrush([0.7, 1], 1, true)).toEqual([0.6, 1]);
  });
  it('snaps a mouse brush to whole steps first, in either order', () => {
    expect(stepBrush([0.43, 0.18], 1, false)).toEqual([0.3, 0.5]);
    expect(stepBrush([0.51, 0.52], 1, false)).toEqual([0.6, 0.7]);
  });
});
