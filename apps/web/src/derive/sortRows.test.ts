import { describe, expect, it } from 'vitest';
import { defaultPair } from './defaultPair.js';
import { filterRows, nextSort, sortRows } from './sortRows.js';
import { row } from './testRows.js';

const rows = [
  row({ id: 'cccccccc', createdAt: '2026-01-03T00:00:00.000Z', metrics: { UA: 0.3, RA: 0.9, TUA: null, TRA: 0.8, PS: null, psBasis: null, RTE: 5 } }),
  row({ id: 'bbbbbbbb', role: 'retrained', method: { id: 'retrain', label: 'Retrain', version: '1' } }),
  row({ id: 'dddddddd', createdAt: '2026-01-02T00:00:00.000Z', method: { id: 'ga', label: 'Gradient Ascent', version: '1' }, metrics: { UA: 0.05, RA: 0.9, TUA: 0.2, TRA: 0.8, PS: 0.7, psBasis: 'full', RTE: 2 } }),
  row({ id: 'aaaaaaaa', role: 'original', method: { id: 'original', label: 'Original', version: '1' } }),
];

describe('sortRows', () => {
  it('puts Original, then Retrained, then unlearned by creation time by default', () => {
    expect(sortRows(rows, null).map((r) => r.id)).toEqual(['aaaaaaaa', 'bbbbbbbb', 'dddddddd', 'cccccccc']);
  });
  it('sorts by one metric with nulls last in both directions', () => {
    expect(sortRows(rows, { key: 'TUA', dir: 'desc' }).map((r) => r.id).at(-1)).toBe('cccccccc');
    expect(sortRows(rows, { key: 'TUA', dir: 'asc' }).map((r) => r.id).at(-1)).toBe('cccccccc');
    expect(sortRows(rows, { key: 'UA', dir: 'asc' })[0].id).toBe('dddddddd');
  });
  it('cycles descending → ascending → off', () => {
    expect(nextSort(null, 'UA')).toEqual({ key: 'UA', dir: 'desc' });
    expect(nextSort({ key: 'UA', dir: 'desc' }, 'UA')).toEqual({ key: 'UA', dir: 'asc' });
    expect(nextSort({ key: 'UA', dir: 'asc' }, 'UA')).toBeNull();
  });
});

describe('filterRows', () => {
  it('keeps the Original and Retrained rows under any method filter', () => {
    expect(filterRows(rows, ['ga']).map((r) => r.id).sort()).toEqual(['aaaaaaaa', 'bbbbbbbb', 'dddddddd']);
  });
});

describe('defaultPair', () => {
  it('is Original vs Retrained', () => {
    expect(defaultPair(rows)).toEqual({ a: 'aaaaaaaa', b: 'bbbbbbbb' });
  });
  it('falls back to the first rows, and leaves B empty with a single row', () => {
    expect(defaultPair([rows[0], rows[2]])).toEqual({ a: 'dddddddd', b: 'cccccccc' });
    expect(defaultPair([rows[0]])).toEqual({ a: 'cccccccc', b: null });
  });
});

describe('sortRows by a chosen hyperparameter column', () => {
  it('sorts by hp:<key> with rows lacking it last', () => {
    const hp = [row({ id: 'x1', hyperparameters: { alpha: 0.5 } }), row({ id: 'x2', hyperparameters: {} }), row({ id: 'x3', hyperparameters: { alpha: 2 } })];
    expect(sortRows(hp, { key: 'hp:alpha', dir: 'desc' }).map((r) => r.id)).toEqual(['x3', 'x1', 'x2']);
    expect(sortRows(hp, { key: 'hp:alpha', dir: 'asc' }).map((r) => r.id)).toEqual(['x1', 'x3', 'x2']);
  });
});
