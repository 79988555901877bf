import { describe, expect, it } from 'vitest';
import { meanSd } from '@mu/schema';
import { configKey, seedGroups } from './seedGroups.js';
import { row } from './testRows.js';

const metrics = (UA: number, RA: number | null) => ({ UA, RA, TUA: 0.1, TRA: 0.85, PS: 0.5, psBasis: 'full' as const, RTE: 10 });

describe('meanSd', () => {
  it('gives the mean and the sample standard deviation', () => {
    const s = meanSd([0.1, 0.2, 0.3])!;
    expect(s.mean).toBeCloseTo(0.2, 12);
    expect(s.sd).toBeCloseTo(0.1, 12);
    expect(s.n).toBe(3);
    expect(meanSd([1, 2, 3, 4])!.sd).toBeCloseTo(Math.sqrt(5 / 3), 12);
  });
  it('is 0 sd for one value and null for none', () => {
    expect(meanSd([0.4])).toEqual({ mean: 0.4, sd: 0, n: 1 });
    expect(meanSd([])).toBeNull();
  });
});

describe('configKey', () => {
  it('ignores the seed and the order of hyperparameters, but not their values', () => {
    const a = row({ id: 'a', seed: 1, hyperparameters: { lr: 0.01, epochs: 2 } });
    const b = row({ id: 'b', seed: 2, hyperparameters: { epochs: 2, lr: 0.01 } });
    const c = row({ id: 'c', hyperparameters: { epochs: 2, lr: 0.02 } });
    expect(configKey(a)).toBe(configKey(b));
    expect(configKey(a)).not.toBe(configKey(c));
  });
  it('tells base models and methods apart, and never keys a reference', () => {
    const a = row({ id: 'a' });
    expect(configKey(row({ id: 'b', baseModelId: 'cafe0001' }))).not.toBe(configKey(a));
    expect(configKey(row({ id: 'c', method: { id: 'ga', label: 'GA', version: '1' } }))).not.toBe(configKey(a));
    expect(configKey(row({ id: 'd', role: 'original' }))).toBeNull();
  });
});

describe('seedGroups', () => {
  const rows = [
    row({ id: 'orig', role: 'original', method: { id: 'original', label: 'Original', version: '1' } }),
    row({ id: 'orig2', role: 'original', method: { id: 'original', label: 'Original', version: '1' } }),
    row({ id: 's3', seed: 3, createdAt: '2026-01-05T00:00:00.000Z', metrics: metrics(0.3, 0.9) }),
    row({ id: 's1', seed: 1, createdAt: '2026-01-03T00:00:00.000Z', metrics: metrics(0.1, null) }),
    row({ id: 's2', seed: 2, createdAt: '2026-01-04T00:00:00.000Z', metrics: metrics(0.2, 0.8) }),
    row({ id: 'lone', createdAt: '2026-01-02T00:00:00.000Z', hyperparameters: { epochs: 9, lr: 0.01, batchSize: 64 }, metrics: metrics(0.15, 0.95) }),
  ];
  it('groups records that differ only by seed, with mean ± sd over non-null values', () => {
    const items = seedGroups(rows, null);
    expect(items.map((i) => (i.kind === 'row' ? i.row.id : `group ${i.group.id}`))).toEqual(['orig', 'orig2', 'lone', 'group s1']);
    const g = items[3].kind === 'group' ? items[3].group : null;
    expect(g!.members.map((m) => m.id)).toEqual(['s1', 's2', 's3']);
    expect(g!.stats.UA!.mean).toBeCloseTo(0.2, 12);
    expect(g!.stats.UA!.sd).toBeCloseTo(0.1, 12);
    expect(g!.stats.RA!.n).toBe(2);
    expect(g!.stats.RA!.mean).toBeCloseTo(0.85, 12);
    expect(g!.stats.RA!.sd).toBeCloseTo(Math.SQRT1_2 * 0.1, 12);
    expect(g!.stats.RTE).toEqual({ mean: 10, sd: 0, n: 3 });
  });
  it('sorts groups by their mean and members by the same key', () => {
    const asc = seedGroups(rows, { key: 'UA', dir: 'asc' });
    expect(asc.map((i) => (i.kind === 'row' ? i.row.id : i.group.id))).toEqual(['orig', 'orig2', 'lone', 's1']);
    const desc = seedGroups(rows, { key: 'UA', dir: 'desc' });
    expect(desc.map((i) => (i.kind === 'row' ? i.row.id : i.group.id)).slice(0, 2)).toEqual(['s1', 'lone']);
    const g = desc[0].kind === 'group' ? desc[0].group : null;
    expect(g!.members.map((m) => m.id)).toEqual(['s3', 's2', 's1']);
  });
  it('keeps a lone member (after filtering) as a plain row', () => {
    const items = seedGroups(rows.filter((r) => r.id !== 's2' && r.id !== 's3'), null);
    expect(items.every((i) => i.kind === 'row')).toBe(true);
    expect(items).toHaveLength(4);
  });
});
