import { describe, expect, it } from 'vitest';
import { argmaxRows } from './argmaxRows.js';
import { classAccuracy } from './classAccuracy.js';
import { confidenceDistribution } from './confidenceDistribution.js';
import { confusionMatrix } from './confusionMatrix.js';
import { labelDistribution } from './labelDistribution.js';
import { predictionMatrices } from './predictionMatrices.js';

/** Logits whose softmax (T = 1) is exactly p. */
const logitsOf = (rows: number[][]) => rows.flatMap((p) => p.map(Math.log));

describe('predictionMatrices', () => {
  it('builds the confusion matrix, accuracies, labelDist and confDist of one split', () => {
    // Class 0: [0.7, 0.2, 0.1] → 0 and [0.3, 0.6, 0.1] → 1 (the metrics.md §4 example); class 1: one image → 1.
    const m = predictionMatrices(logitsOf([[0.7, 0.2, 0.1], [0.3, 0.6, 0.1], [0.2, 0.5, 0.3]]), [0, 0, 1], 3);
    expect(m.confusion).toEqual([[1, 1, 0], [0, 1, 0], [0, 0, 0]]);
    expect(m.accuracy).toEqual([0.5, 1, null]);
    expect(m.labelDist).toEqual([[0.5, 0.5, 0], [0, 1, 0], [0, 0, 0]]);
    m.confDist[0].forEach((v, k) => expect(v).toBeCloseTo([0.5, 0.4, 0.1][k], 12));
    m.confDist[1].forEach((v, k) => expect(v).toBeCloseTo([0.2, 0.5, 0.3][k], 12));
    expect(m.confDist[2]).toEqual([0, 0, 0]);
  });
});

describe('argmaxRows', () => {
  it('gives ties to the lowest class index', () => {
    expect(Array.from(argmaxRows([2, 2, 0, 0, 1, 3, 5, 5, 5], 3))).toEqual([0, 2, 0]);
  });
});

describe('confusionMatrix', () => {
  it('counts rows = true class, columns = predicted class', () => {
    expect(confusionMatrix([0, 0, 1], [0, 1, 1], 2)).toEqual([[1, 1], [0, 1]]);
  });

  it('rejects labels out of range and mismatched lengths', () => {
    expect(() => confusionMatrix([0, 3], [0, 0], 3)).toThrow('invalid label at 1: 3');
    expect(() => confusionMatrix([0, 1], [0], 3)).toThrow('invalid predictions length: 1 (expected 2, one per label)');
  });
});

describe('classAccuracy', () => {
  it('is the diagonal over the row sum (metrics.md §1 example)', () => {
    const confusion = [[2, 5, 3], [1, 9, 0], [2, 0, 8]];
    expect(classAccuracy(confusion)).toEqual([0.2, 0.9, 0.8]);
  });

  it('is null for a class without images', () => {
    expect(classAccuracy([[0, 0], [1, 1]])).toEqual([null, 0.5]);
  });
});

describe('labelDistribution', () => {
  it('normalises each row; an empty row stays zero', () => {
    expect(labelDistribution([[1, 3], [0, 0]])).toEqual([[0.25, 0.75], [0, 0]]);
  });
});

describe('confidenceDistribution', () => {
  it('averages softmax at T = 1 per true class, rows summing to 1', () => {
    const d = confidenceDistribution([2, 0, 0, 0, 0, 0], [1, 1], 3);
    expect(d[0]).toEqual([0, 0, 0]);
    const e2 = Math.exp(2);
    expect(d[1][0]).toBeCloseTo((e2 / (e2 + 2) + 1 / 3) / 2, 12);
    expect(d[1].reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
  });

  it('rejects logits that do not match the labels', () => {
    expect(() => confidenceDistribution([1, 2, 3], [0, 1], 3)).toThrow('invalid matrix data length: 3 (expected 2×3 = 6)');
  });
});
