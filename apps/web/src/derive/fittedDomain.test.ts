import { describe, expect, it } from 'vitest';
import { fittedDomain } from './fittedDomain.js';

describe('fittedDomain', () => {
  it('fits the data with padding, rounded to 0.05, inside [0, 1]', () => {
    expect(fittedDomain([0.82, 0.97, 0.9])).toEqual([0.8, 1]);
    expect(fittedDomain([0.2, 0.4])).toEqual([0.15, 0.45]);
  });

  it('opens a flat series and falls back to the full range without data', () => {
    expect(fittedDomain([1, 1])).toEqual([0.95, 1]);
    expect(fittedDomain([])).toEqual([0, 1]);
  });
});
