import { describe, expect, it } from 'vitest';
import { attackSet, pickAttackValues } from './attackSet.js';

describe('attackSet', () => {
  const u = { entropy: [0.1, 0.5, 1.2, 2.0], confidence: [6.2, 3.1, 0.4, -1.5] };

  it('keeps the values and leaves curves, worst case and score null without Retrained values', () => {
    expect(attackSet(u, null)).toEqual({ count: 4, ...u, curves: null, worstCase: null, privacyScore: null });
  });

  it('scores 0 everywhere against identical values: PS 1 (metrics.md §9)', () => {
    const set = attackSet(u, { entropy: [...u.entropy], confidence: [...u.confidence] });
    expect(set.privacyScore).toBe(1);
    for (const curve of Object.values(set.curves!)) expect(curve.score.every((s) => s === 0)).toBe(true);
    expect(set.worstCase).toMatchObject({ metric: 'entropy', positives: 'unlearn', index: 0, threshold: 0, score: 0 });
  });

  it('finds perfect separation (PS 0) and stores the curves with 3 decimals', () => {
    const r = { entropy: [2.3, 2.3, 2.3, 2.3], confidence: [-2, -2, -2, -2] };
    const set = attackSet({ entropy: [0.1, 0.1, 0.2, 0.2], confidence: [5, 5, 6, 6] }, r);
    expect(set.privacyScore).toBe(0);
    expect(set.worstCase).toMatchObject({ metric: 'entropy', positives: 'retrain', score: 1, fpr: 0, fnr: 0 });
    const stored = Object.values(set.curves!).flatMap((c) => [...c.fpr, ...c.fnr, ...c.score]);
    expect(stored.every((v) => Math.round(v * 1000) / 1000 === v)).toBe(true);
  });

  it('rejects Retrained values of other images', () => {
    expect(() => attackSet(u, { entropy: [1], confidence: [1] })).toThrow('invalid Retrained attack values: 1 images (expected the same 4 images)');
  });

  it('picks values by position, in the given order', () => {
    expect(pickAttackValues(u, [3, 0])).toEqual({ entropy: [2.0, 0.1], confidence: [-1.5, 6.2] });
  });
});
