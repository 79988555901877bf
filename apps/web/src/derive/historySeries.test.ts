import { describe, expect, it } from 'vitest';
import { historySeries, lossScale, sampleIndices } from './historySeries.js';

const entry = (epoch: number, loss: number | null, forgetAccuracy: number | null) => ({ epoch, lr: 0.01, loss, forgetAccuracy, seconds: epoch });

describe('sampleIndices', () => {
  it('keeps every index up to the maximum', () => {
    expect(sampleIndices(0)).toEqual([]);
    expect(sampleIndices(1)).toEqual([0]);
    expect(sampleIndices(4)).toEqual([0, 1, 2, 3]);
    expect(sampleIndices(20)).toHaveLength(20);
  });
  it('spreads at most 20 distinct indices over longer runs, first and last included', () => {
    expect(sampleIndices(7, 4)).toEqual([0, 2, 4, 6]);
    expect(sampleIndices(10, 4)).toEqual([0, 3, 6, 9]);
    for (const n of [21, 30, 39, 200, 201]) {
      const s = sampleIndices(n);
      expect(s).toHaveLength(20);
      expect(s[0]).toBe(0);
      expect(s.at(-1)).toBe(n - 1);
      expect(new Set(s).size).toBe(20);
      expect([...s].sort((a, b) => a - b)).toEqual(s);
    }
    // 200 epochs: steps of 199/19 ≈ 10.47.
    expect(sampleIndices(200).slice(0, 4)).toEqual([0, 10, 21, 31]);
  });
});

describe('lossScale', () => {
  it('divides by the maximum when the loss stays ≥ 0, else scales min–max', () => {
    expect(lossScale([2, 1, 0.5])).toEqual({ lo: 0, hi: 2, label: 'loss ÷ 2 (normalised)' });
    expect(lossScale([-1, 3, null])).toMatchObject({ lo: -1, hi: 3 });
    expect(lossScale([null])).toBeNull();
  });
});

describe('historySeries', () => {
  it('gives loss and forget accuracy from the history', () => {
    const s = historySeries({ history: [entry(1, 2, 0.9), entry(2, 1, null), entry(3, 0.5, 0.1)], epochMetrics: null });
    expect(s.map((x) => x.key)).toEqual(['loss', 'forgetAccuracy']);
    expect(s[0].points).toEqual([{ epoch: 1, value: 1 }, { epoch: 2, value: 0.5 }, { epoch: 3, value: 0.25 }]);
    expect(s[1].points).toEqual([{ epoch: 1, value: 0.9 }, { epoch: 3, value: 0.1 }]);
  });
  it('adds the five epoch-metric series, epoch 0 first, sampled to 20 points', () => {
    const n = 31;
    const ramp = Array.from({ length: n }, (_, i) => i / (n - 1));
    const s = historySeries({ history: [], epochMetrics: { UA: ramp, RA: ramp, TUA: ramp, TRA: ramp, PS: [0.5, null] } });
    expect(s.map((x) => x.key)).toEqual(['UA', 'RA', 'TUA', 'TRA', 'PS']);
    const ua = s[0];
    expect(ua.points).toHaveLength(20);
    expect(ua.points[0]).toEqual({ epoch: 0, value: 0 });
    expect(ua.points.at(-1)).toEqual({ epoch: 30, value: 1 });
    expect([ua.colour, ua.dash, ua.marker]).toEqual(['#2A6218', '3 3', 'times']);
    expect([s[3].colour, s[3].dash, s[3].marker]).toEqual(['#67CA4D', null, 'circle']);
    expect([s[4].colour, s[4].dash, s[4].marker, s[4].points]).toEqual(['#D54B04', '8 3 2 3', 'star', [{ epoch: 0, value: 0.5 }]]);
  });
  it('is empty for an imported record without history', () => {
    expect(historySeries({ history: [], epochMetrics: null })).toEqual([]);
  });
});
