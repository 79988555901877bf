import { describe, expect, it } from 'vitest';
import { longJobWarning, parseEpochs } from './longJob.js';

describe('longJobWarning', () => {
  it('asks for confirmation over 30 minutes of estimate, not under', () => {
    expect(longJobWarning(1801, 15, 15)).toBe('Estimated ~30 min 1 s, over 30 minutes.');
    expect(longJobWarning(1800, 2005, 15)).toBeNull();
  });
  it('without an estimate, asks when the epochs exceed the recipe’s', () => {
    expect(longJobWarning(null, 2005, 15)).toContain("2005 epochs is more than the recipe's 15");
    expect(longJobWarning(null, 15, 15)).toBeNull();
  });
});

describe('parseEpochs', () => {
  it('accepts whole numbers 1 … 10,000 and names the problem otherwise', () => {
    expect(parseEpochs(' 5 ')).toEqual({ epochs: 5, problem: null });
    expect(parseEpochs('').problem).toMatch(/^Enter the number of epochs/);
    for (const bad of ['0', '10001', '2.5', '-3', 'x']) expect(parseEpochs(bad).epochs).toBeNull();
  });
});
