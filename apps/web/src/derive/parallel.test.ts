import { describe, expect, it } from 'vitest';
import { brushRows, parallelAxes, pcValue, roundBrush } from './parallel.js';
import { row } from './testRows.js';

const rows = [
  row({ id: 'orig', role: 'original', method: { id: 'original', label: 'Original', version: '1' }, hyperparameters: { epochs: 30, lr: 0.1, batchSize: 128 } }),
  row({ id: 'ft', hyperparameters: { epochs: 10, lr: 0.01, batchSize: 64 } }),
  row({ id: 'ga', method: { id: 'ga', label: 'Gradient Ascent', version: '1' }, hyperparameters: { epochs: 5, lr: 0.001, batchSize: 256 } }),
  row({ id: 'rl', method: { id: 'rl', label: 'Random Labeling', version: '1' }, hyperparameters: { epochs: 3, lr: 0.0001, batchSize: 32, alpha: 0.5 } }),
];

describe('parallelAxes', () => {
  it('orders method, hyperparameters, seed, then the metrics, with log scales for lr, BS and RT', () => {
    const axes = parallelAxes(rows);
    expect(axes.map((a) => a.key)).toEqual(['method', 'epochs', 'batchSize', 'lr', 'seed', 'UA', 'RA', 'TUA', 'TRA', 'PS', 'RTE']);
    expect(axes.filter((a) => a.kind === 'log').map((a) => a.key)).toEqual(['batchSize', 'lr', 'RTE']);
    // Hyperparameter domains come from the unlearned runs only.
    expect(axes.find((a) => a.key === 'lr')!.domain).toEqual([0.0001, 0.01]);
    expect(pcValue(rows[2], axes[0])).toBe(2);
  });
  it('adds method-specific hyperparameters only when the filter selects exactly one method', () => {
    expect(parallelAxes(rows, ['rl']).map((a) => a.key)).toContain('alpha');
    // One value: the domain is that value alone, not an invented range around it.
    expect(parallelAxes(rows, ['rl']).find((a) => a.key === 'alpha')!.domain).toEqual([0.5, 0.5]);
    expect(parallelAxes(rows, ['ga']).map((a) => a.key)).not.toContain('alpha');
    expect(parallelAxes(rows, ['rl', 'ga']).map((a) => a.key)).not.toContain('alpha');
    // The generic axes keep the domain of all unlearned runs under the filter.
    expect(parallelAxes(rows, ['ga']).find((a) => a.key === 'lr')!.domain).toEqual([0.0001, 0.01]);
  });
});

describe('roundBrush', () => {
  it('orders the ends and keeps 4 significant digits', () => {
    expect(roundBrush([0.0050000000001, 0.00049999999])).toEqual([0.0005, 0.005]);
    expect(roundBrush([0.123456, 0.98765])).toEqual([0.1235, 0.9877]);
  });
});

describe('brushRows', () => {
  it('keeps runs inside every brush and always keeps the references', () => {
    const axes = parallelAxes(rows);
    expect(brushRows(rows, axes, { lr: [0.0005, 0.005] }).map((r) => r.id)).toEqual(['orig', 'ga']);
    expect(brushRows(rows, axes, { lr: [0.005, 0.0005], epochs: [6, 20] }).map((r) => r.id)).toEqual(['orig']);
    // A brush on an axis not shown still filters by the plain value.
    expect(brushRows(rows, axes, { alpha: [0, 1] }).map((r) => r.id)).toEqual(['orig', 'rl']);
    expect(brushRows(rows, axes, {})).toHaveLength(4);
  });
});
