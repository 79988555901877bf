import { describe, expect, it } from 'vitest';
import { accuracyDrift } from './accuracyDrift.js';

describe('accuracyDrift', () => {
  it('is the largest per-class difference, with its class', () => {
    const r = accuracyDrift([0.9, 0.8, 0.5], [0.9, 0.75, 0.52]);
    expect(r.cls).toBe(1);
    expect(r.drift).toBeCloseTo(0.05, 12);
    expect(accuracyDrift([0.9, 0.8], [0.9, 0.8])).toEqual({ drift: 0, cls: 0 });
  });

  it('ignores classes unknown in both, and counts one known in only one list as 1', () => {
    expect(accuracyDrift([null, 0.5], [null, 0.5])).toEqual({ drift: 0, cls: 1 });
    expect(accuracyDrift([0.7, null], [0.7, 0.2])).toEqual({ drift: 1, cls: 1 });
    expect(accuracyDrift([null], [null])).toEqual({ drift: 0, cls: null });
  });

  it('refuses lists of different lengths', () => {
    expect(() => accuracyDrift([0.1], [0.1, 0.2])).toThrow('expected 2 class accuracies, got 1');
  });
});
