import { describe, expect, it } from 'vitest';
import { attackGrids } from './attackGrids.js';

const samples = (images: number[]) => images.map((image, i) => ({ point: 10 + i, image, key: image }));

describe('attackGrids', () => {
  it('puts correctly attributed samples in success, the rest in failure (entropy above → model)', () => {
    // Threshold 1.0, direction aboveUnlearn: values ≥ 1 are attributed to the model.
    const g = attackGrids([1.5, 0.2], [0.1, 1.2, 0.4], 1, 'aboveUnlearn', 'entropy', { model: samples([70, 71]), retrained: samples([70, 71, 72]) });
    expect(g.success).toEqual([
      { side: 'retrained', i: 0, image: 70, key: 70 },
      { side: 'retrained', i: 2, image: 72, key: 72 },
      { side: 'model', i: 0, image: 70, key: 70 },
    ]);
    expect(g.failure).toEqual([
      { side: 'retrained', i: 1, image: 71, key: 71 },
      { side: 'model', i: 1, image: 71, key: 71 },
    ]);
  });

  it('flips with the direction and keeps null images and keys when the subset is unknown', () => {
    const g = attackGrids([1.5], [0.1], 1, 'aboveRetrain', 'entropy', { model: null, retrained: null });
    expect(g.success).toEqual([]);
    expect(g.failure).toEqual([
      { side: 'retrained', i: 0, image: null, key: null },
      { side: 'model', i: 0, image: null, key: null },
    ]);
  });
});
