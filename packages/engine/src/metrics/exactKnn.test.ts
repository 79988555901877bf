import { describe, expect, it } from 'vitest';
import { exactKnn } from './exactKnn.js';
import { featureMatrix } from './featureMatrix.js';

describe('exactKnn', () => {
  it('lists each row first, then its nearest rows by Euclidean distance', () => {
    const g = exactKnn(featureMatrix([0, 0, 3, 0, 0, 4, 10, 10], 4, 2), 3);
    expect(g.indices).toEqual([[0, 1, 2], [1, 0, 2], [2, 0, 1], [3, 2, 1]]);
    expect(g.distances[0]).toEqual([0, 3, 4]);
    expect(g.distances[2]).toEqual([0, 4, 5]);
  });

  it('breaks distance ties by the lower index', () => {
    const g = exactKnn(featureMatrix([0, -1, 1, 2, -2], 5, 1), 5);
    expect(g.indices[0]).toEqual([0, 1, 2, 3, 4]);
    expect(g.indices[3]).toEqual([3, 2, 0, 1, 4]);
  });

  it('rejects a neighbour count larger than the data', () => {
    expect(() => exactKnn(featureMatrix([0, 1], 2, 1), 3)).toThrow('invalid neighbour count: 3 (expected 1..2)');
  });
});
