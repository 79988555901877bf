import { describe, expect, it } from 'vitest';
import { classGaps, groupClassGaps } from './classGaps.js';
import { ckaSeries } from './ckaSeries.js';

describe('classGaps', () => {
  it('is B − A per class, with a symmetric domain and the retain-class mean', () => {
    const a = { accuracy: { train: [0.9, 0.8, 0.7], test: [0.5, 0.5, 0.5] } };
    const b = { accuracy: { train: [0.1, 0.9, 0.7], test: [0.4, 0.6, null] } };
    const g = classGaps(a, b, 0);
    expect(g.train.map((x) => x.gap)).toEqual([-0.8, 0.1, 0]);
    expect(g.test.map((x) => x.gap)).toEqual([-0.1, 0.1, null]);
    expect(g.m).toBeCloseTo(0.8);
    expect(g.meanRetain.train).toBeCloseTo(0.05);
    expect(g.meanRetain.test).toBeCloseTo(0.1);
  });
  it('has a domain of at least 0.01 for identical models', () => {
    const a = { accuracy: { train: [0.5], test: [0.5] } };
    expect(classGaps(a, a, 0).m).toBe(0.01);
  });
});

describe('groupClassGaps', () => {
  const a1 = { accuracy: { train: [0.9, 0.8], test: [0.5, 0.5] } };
  const a2 = { accuracy: { train: [0.7, 0.8], test: [0.5, null] } };
  const b1 = { accuracy: { train: [0.1, 0.9], test: [0.4, 0.6] } };
  const b2 = { accuracy: { train: [0.3, 0.6], test: [0.4, 0.7] } };
  it('averages the gap over every A × B pairing and whiskers its min–max', () => {
    const g = groupClassGaps([a1, a2], [b1, b2], 0);
    // class 0 train: 0.1−0.9, 0.3−0.9, 0.1−0.7, 0.3−0.7 = −0.8, −0.6, −0.6, −0.4
    expect(g.train[0].gap).toBeCloseTo(-0.6);
    expect(g.train[0].spread).toEqual([-0.8, -0.4]);
    // class 1 train: 0.1, −0.2, 0.1, −0.2
    expect(g.train[1].gap).toBeCloseTo(-0.05);
    expect(g.train[1].spread).toEqual([-0.2, 0.1]);
    expect(g.train[1].a).toBeCloseTo(0.8);
    expect(g.train[1].b).toBeCloseTo(0.75);
    // class 1 test: a2 has no value, so only a1's pairings count: 0.1, 0.2
    expect(g.test[1].gap).toBeCloseTo(0.15);
    expect(g.test[1].spread).toEqual([0.1, 0.2]);
    expect(g.m).toBeCloseTo(0.8);
    expect(g.meanRetain.train).toBeCloseTo(-0.05);
  });
  it('takes whisker ends into the domain', () => {
    const g = groupClassGaps([{ accuracy: { train: [0.5], test: [0.5] } }], [{ accuracy: { train: [0.4], test: [0.5] } }, { accuracy: { train: [0.8], test: [0.5] } }], 0);
    expect(g.train[0].gap).toBeCloseTo(0.1);
    expect(g.m).toBeCloseTo(0.3);
  });
  it('is classGaps for one record on each side', () => {
    expect(groupClassGaps([a1], [b1], 0)).toEqual(classGaps(a1, b1, 0));
  });
});

describe('ckaSeries', () => {
  const set = { referenceModelId: 'aaaaaaaa', train: { forget: [0.1, 0.2], other: [0.9, 1] }, test: { forget: [0.3, 0.4], other: [0.5, 0.6] } };
  it('reports a missing vsRetrained instead of falling back to vsOriginal', () => {
    const a = { cka: { layers: ['l1', 'l2'], vsOriginal: set, vsRetrained: null } };
    const b = { cka: { layers: ['l1', 'l2'], vsOriginal: set, vsRetrained: set } };
    const r = ckaSeries(a, b, 'retrained', 'test');
    expect(r.missing).toEqual(['A']);
    expect(r.series.map((s) => s.key)).toEqual(['B-retain', 'B-forget']);
    expect(r.series[0].values).toEqual([0.5, 0.6]);
  });
});
