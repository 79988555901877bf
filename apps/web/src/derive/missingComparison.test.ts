import { describe, expect, it } from 'vitest';
import { missingComparison } from './missingComparison.js';

const base = { className: 'cat', original: true, retrained: true };

describe('missingComparison', () => {
  it('names what is missing and the stage that fixes it', () => {
    expect(missingComparison({ ...base, rows: 0, original: false, retrained: false })).toEqual({ stage: 'build', message: expect.stringMatching(/^No models yet: train the Original and the Retrained model for cat/) });
    expect(missingComparison({ ...base, rows: 0, retrained: false }).message).toMatch(/^The Original exists but has no record for cat yet/);
    expect(missingComparison({ ...base, rows: 1, retrained: false }).message).toBe('Only one model for cat: a comparison needs two. Train the Retrained model for cat or run a method.');
    expect(missingComparison({ ...base, rows: 1 }).message).toBe('Only one model for cat: a comparison needs two. Run an unlearning method.');
    expect(missingComparison({ ...base, rows: 2 })).toEqual({ stage: 'screen', message: 'Select model A and model B in the table.' });
  });
});
