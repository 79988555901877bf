import { describe, expect, it } from 'vitest';
import type { ResultRecord } from '../api/types.js';
import { attackSubset } from './attackSubset.js';

const rec = (indices: number[] | null, trueClass: number[] | null, count: number) =>
  ({ config: { forgetClass: 1 }, embedding: { indices, trueClass }, attack: { subset: { count } } }) as unknown as ResultRecord;

describe('attackSubset', () => {
  it('lists the forget-class points of the sample in sample order, with their images as keys', () => {
    expect(attackSubset(rec([9, 4, 7, 2], [0, 1, 0, 1], 2))).toEqual([
      { point: 1, image: 4, key: 4 },
      { point: 3, image: 2, key: 2 },
    ]);
  });

  it('keys by point position when the record does not name its images', () => {
    expect(attackSubset(rec(null, [1, 0, 1], 2))).toEqual([
      { point: 0, image: null, key: 0 },
      { point: 2, image: null, key: 2 },
    ]);
  });

  it('is null without labels, without an attack, or when the count does not match', () => {
    expect(attackSubset(rec(null, null, 2))).toBeNull();
    expect(attackSubset(rec([9, 4], [1, 1], 3))).toBeNull();
    expect(attackSubset({ ...rec([9], [1], 1), attack: null } as ResultRecord)).toBeNull();
  });
});
