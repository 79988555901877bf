import { describe, expect, it } from 'vitest';
import type { ScienceCheck } from './scienceChecks.js';
import { smokeVerdict } from './smokeVerdict.js';

const shortened = { epochs: 8, recipeEpochs: 15 };
const checks = (fitOk: boolean, structuralOk: boolean): ScienceCheck[] => [
  { text: 'Original fits: mean train accuracy 0.600 ≥ 0.98', ok: fitOk, kind: 'fit' },
  { text: 'Retrained: UA 0.000 = 0', ok: structuralOk, kind: 'structural' },
  { text: 'ga visibly lowers UA (by 0.300 ≥ 0.05)', ok: true, kind: 'structural' },
];

describe('smokeVerdict', () => {
  it('passes a shortened run whose only failing check is fit-dependent, and says it was not checked', () => {
    const verdict = smokeVerdict(checks(false, true), shortened);
    expect(verdict.failed).toBe(0);
    expect(verdict.lines).toEqual([
      'n/a  Original fits: mean train accuracy 0.600 ≥ 0.98 (not checked: shortened run, 8 of 15 epochs — the Original is not trained to fit)',
      'ok   Retrained: UA 0.000 = 0',
      'ok   ga visibly lowers UA (by 0.300 ≥ 0.05)',
    ]);
    expect(verdict.summary).toBe('smoke: 2 passed, 0 failed, 1 not checked');
  });

  it('fails a failing structural check in a shortened run and in a full run', () => {
    const short = smokeVerdict(checks(true, false), shortened);
    expect(short.failed).toBe(1);
    expect(short.lines[1]).toBe('FAIL Retrained: UA 0.000 = 0');
    expect(short.summary).toBe('smoke: 1 passed, 1 failed, 1 not checked');
    const full = smokeVerdict(checks(true, false));
    expect(full.failed).toBe(1);
    expect(full.summary).toBe('smoke: 2 passed, 1 failed, 0 not checked');
  });

  it('fails a full run on a failing fit-dependent check', () => {
    const verdict = smokeVerdict(checks(false, true));
    expect(verdict.failed).toBe(1);
    expect(verdict.lines[0]).toBe('FAIL Original fits: mean train accuracy 0.600 ≥ 0.98');
    expect(verdict.summary).toMatch(/^smoke: 2 passed, 1 failed, 0 not checked$/);
  });
});
