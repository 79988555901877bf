import { describe, expect, it } from 'vitest';
import type { ParamSpec } from '@mu/schema';
import { formatEta } from './formatEta.js';
import { addValue, paramProblem, parseParamInput, runCount } from './sweepPlan.js';

const lr: ParamSpec = { key: 'lr', label: 'Learning rate', type: 'float', default: 0.01, min: 0, max: 1, minExclusive: true, maxExclusive: true, scale: 'log' };
const epochs: ParamSpec = { key: 'epochs', label: 'Epochs', type: 'int', default: 10, min: 1, max: 500 };

describe('sweep plan', () => {
  it('counts the product of all list lengths times the seeds', () => {
    expect(runCount({ epochs: [1, 2], lr: [0.1, 0.01, 0.001] }, [1, 2])).toBe(12);
  });
  it('ignores duplicates and stops at 5 values', () => {
    expect(addValue([1, 2], 2)).toEqual([1, 2]);
    expect(addValue([1, 2, 3, 4, 5], 6)).toEqual([1, 2, 3, 4, 5]);
  });
  it('names the range in its message, with open ends', () => {
    expect(paramProblem(lr, 0)).toBe('Learning rate must be in (0, 1)');
    expect(paramProblem(lr, 0.5)).toBeNull();
    expect(paramProblem(epochs, '')).toBe('Epochs must be a number');
    expect(paramProblem(epochs, 501)).toBe('Epochs must be in [1, 500]');
  });
  it('truncates integers as typed', () => {
    expect(parseParamInput(epochs, '3.7')).toBe(3);
    expect(parseParamInput(lr, '0.5')).toBe(0.5);
  });
  it('formats ETAs and never shows negative ones', () => {
    expect(formatEta(130)).toBe('~2 min 10 s');
    expect(formatEta(-5)).toBe('~0 s');
    expect(formatEta(null)).toBe('');
  });
});
