import { describe, expect, it } from 'vitest';
import { round } from './round.js';

describe('round', () => {
  it('rounds to the nearest decimal judged on the exact binary value', () => {
    expect(round(0.9753, 2)).toBe(0.98);
    expect(round(1.3069, 2)).toBe(1.31);
    expect(round(1.005, 2)).toBe(1); // 1.00499999999999989…
    expect(round(0.135, 2)).toBe(0.14); // 0.13500000000000000888…
    expect(round(123.456, 1)).toBe(123.5);
  });

  it('breaks exact ties to even, as Python does', () => {
    expect(round(0.125, 2)).toBe(0.12);
    expect(round(0.375, 2)).toBe(0.38);
    expect(round(2.5, 0)).toBe(2);
    expect(round(-0.125, 2)).toBe(-0.12);
  });

  it('never returns negative zero and passes non-finite values through', () => {
    expect(Object.is(round(-0.001, 2), 0)).toBe(true);
    expect(round(Infinity, 2)).toBe(Infinity);
    expect(round(Number.NaN, 2)).toBeNaN();
  });

  it('rejects an invalid digit count', () => {
    expect(() => round(1, -1)).toThrow('invalid digits: -1 (expected an integer in 0..15)');
  });
});
