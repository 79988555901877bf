import { describe, expect, it } from 'vitest';
import type { ResultRecord } from '../api/types.js';
import { attackGrids, subsetImages } from './attackGrids.js';

describe('attackGrids', () => {
  it('puts correctly attributed samples in success, the rest in failure (entropy above → model)', () => {
    // Threshold 1.0, direction aboveUnlearn: values ≥ 1 are attributed to the model.
    const g = attackGrids([1.5, 0.2], [0.1, 1.2, 0.4], 1, 'aboveUnlearn', 'entropy', { model: [70, 71], retrained: [70, 71, 72] });
    expect(g.success).toEqual([{ side: 'retrained', i: 0, image: 70 }, { side: 'retrained', i: 2, image: 72 }, { side: 'model', i: 0, image: 70 }]);
    expect(g.failure).toEqual([{ side: 'retrained', i: 1, image: 71 }, { side: 'model', i: 1, image: 71 }]);
  });

  it('flips with the direction and keeps null images when indices are unknown', () => {
    const g = attackGrids([1.5], [0.1], 1, 'aboveRetrain', 'entropy', { model: null, retrained: null });
    expect(g.success).toEqual([]);
    expect(g.failure.map((t) => [t.side, t.image])).toEqual([['retrained', null], ['model', null]]);
  });
});

describe('subsetImages', () => {
  const rec = (indices: number[] | null, trueClass: number[] | null, count: number) =>
    ({ config: { forgetClass: 1 }, embedding: { indices, trueClass }, attack: { subset: { count } } }) as unknown as ResultRecord;

  it('lists the forget-class images of the sample in sample order', () => {
    expect(subsetImages(rec([9, 4, 7, 2], [0, 1, 0, 1], 2))).toEqual([4, 2]);
  });

  it('is null without indices or when the count does not match', () => {
    expect(subsetImages(rec(null, null, 2))).toBeNull();
    expect(subsetImages(rec([9, 4], [1, 1], 3))).toBeNull();
  });
});
