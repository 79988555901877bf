import { describe, expect, it } from 'vitest';
import type { ResultRecord } from '../api/types.js';
import { attackInstance } from './attackInstance.js';

/** A record of forget class 1 whose embedding sample is `points` (image, trueClass, pred, probs‰). */
const rec = (sampleId: string, points: [number | null, number, number, number[]][]) =>
  ({
    config: { forgetClass: 1 },
    embedding: {
      sampleId,
      indices: points.every((p) => p[0] !== null) ? points.map((p) => p[0]) : null,
      trueClass: points.map((p) => p[1]),
      pred: points.map((p) => p[2]),
      probs: points.map((p) => p[3]),
    },
    attack: { subset: { count: points.filter((p) => p[1] === 1).length } },
  }) as unknown as ResultRecord;

describe('attackInstance', () => {
  // The model's sample: images 50 (class 0), 51 (class 1), 52 (class 1). The Retrained sample
  // holds the same images in another order.
  const model = rec('s/a', [[50, 0, 0, [900, 100]], [51, 1, 0, [600, 400]], [52, 1, 1, [250, 750]]]);
  const retrained = rec('s/b', [[52, 1, 0, [800, 200]], [51, 1, 0, [700, 300]], [50, 0, 0, [1000, 0]]]);

  it('takes the i-th forget-class point of the model and finds the same image in the Retrained sample', () => {
    expect(attackInstance(model, retrained, 'model', 1)).toEqual({
      image: 52,
      trueClass: 1,
      model: { pred: 1, probs: [0.25, 0.75] },
      retrained: { pred: 0, probs: [0.8, 0.2] },
    });
  });

  it('takes the i-th forget-class point of the Retrained sample for a Retrained dot', () => {
    expect(attackInstance(model, retrained, 'retrained', 1)).toEqual({
      image: 51,
      trueClass: 1,
      model: { pred: 0, probs: [0.6, 0.4] },
      retrained: { pred: 0, probs: [0.7, 0.3] },
    });
  });

  it('matches by position only within the same sample when images are not named', () => {
    const m = rec('s/x', [[null, 1, 1, [100, 900]], [null, 1, 0, [550, 450]]]);
    const same = rec('s/x', [[null, 1, 0, [1000, 0]], [null, 1, 0, [990, 10]]]);
    const other = rec('s/y', [[null, 1, 0, [1000, 0]], [null, 1, 0, [990, 10]]]);
    expect(attackInstance(m, same, 'model', 1)?.retrained).toEqual({ pred: 0, probs: [0.99, 0.01] });
    expect(attackInstance(m, other, 'model', 1)?.retrained).toBeNull();
  });

  it('is null past the subset or without the side’s record, and has no Retrained prediction for an image it lacks', () => {
    expect(attackInstance(model, retrained, 'model', 2)).toBeNull();
    expect(attackInstance(model, null, 'retrained', 0)).toBeNull();
    const lacking = rec('s/c', [[99, 1, 0, [500, 500]], [98, 1, 0, [500, 500]]]);
    expect(attackInstance(model, lacking, 'model', 0)?.retrained).toBeNull();
  });
});
