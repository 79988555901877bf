import { describe, expect, it } from 'vitest';
import { attackDots } from './attackDots.js';
import { argmax, commonIndex, gridIndex, maxSuccessIndex, mergedCurve, thresholdAt } from './thresholdStrategies.js';

const flat = (v: number) => Array.from({ length: 51 }, () => v);
const curve = (score: number[]) => ({ fpr: flat(0.1), fnr: flat(0.2), score });

describe('grid', () => {
  it('computes t_i = lo + i·step and snaps to the nearest index', () => {
    expect(thresholdAt('entropy', 3)).toBe(3 * 0.05);
    expect(thresholdAt('confidence', 0)).toBe(-2.5);
    expect(gridIndex('entropy', 1.26)).toBe(25);
    expect(gridIndex('confidence', 99)).toBe(50);
  });
});

describe('mergedCurve', () => {
  it('takes the higher-scoring direction per threshold, "above unlearn" on ties', () => {
    const up = flat(0.2);
    const down = flat(0.2);
    down[5] = 0.6;
    const m = mergedCurve({ curves: { entropyAboveUnlearn: curve(up), entropyAboveRetrain: curve(down), confidenceAboveUnlearn: curve(up), confidenceAboveRetrain: curve(up) } }, 'entropy')!;
    expect(m.direction[0]).toBe('aboveUnlearn');
    expect(m.direction[5]).toBe('aboveRetrain');
    expect(m.score[5]).toBe(0.6);
    expect(argmax(m.score)).toBe(5);
  });
  it('is null without curves', () => {
    expect(mergedCurve({ curves: null }, 'entropy')).toBeNull();
  });
});

describe('strategies', () => {
  it('Common Threshold maximises the sum of both panels’ scores', () => {
    const a = { score: flat(0), fpr: flat(0), fnr: flat(0), direction: flat(0).map(() => 'aboveUnlearn' as const) };
    const b = { ...a, score: flat(0) };
    a.score = a.score.map((_, i) => (i === 10 ? 0.5 : i === 20 ? 0.4 : 0));
    b.score = b.score.map((_, i) => (i === 20 ? 0.3 : 0));
    expect(commonIndex(a, b)).toBe(20);
  });
  it('Max Success Rate counts samples on their own side', () => {
    // Model values high, Retrained values low: any threshold between separates them perfectly.
    const merged = { score: flat(0.5), fpr: flat(0), fnr: flat(0), direction: flat(0).map(() => 'aboveUnlearn' as const) };
    const i = maxSuccessIndex([2, 2, 2], [0, 0, 0], merged, 'entropy');
    expect(thresholdAt('entropy', i)).toBeGreaterThan(0);
    expect(thresholdAt('entropy', i)).toBeLessThanOrEqual(2);
  });
});

describe('attackDots', () => {
  it('stacks one dot per sample outward per bin, and clips out-of-range values into the end bins', () => {
    const { dots, maxStack } = attackDots([0.01, 0.02, 9], [0.01], 'entropy');
    expect(dots).toHaveLength(4);
    expect(maxStack).toBe(2);
    expect(dots.find((d) => d.side === 'model' && d.value === 9)!.binValue).toBeCloseTo(2.475);
  });
});
