import { describe, expect, it } from 'vitest';
import { firstPerClass, selectImages } from './firstPerClass.js';
import type { ImageSet } from './imageSet.js';

describe('firstPerClass', () => {
  it('keeps, in file order, each image while its class has fewer than perClass kept', () => {
    expect([...firstPerClass([0, 1, 0, 0, 1, 1, 0], 2, 2)]).toEqual([0, 1, 2, 4]);
    expect([...firstPerClass([2, 2, 1, 0, 2, 0, 1, 1], 3, 1)]).toEqual([0, 2, 3]);
  });

  it('is the same list every time', () => {
    const labels = Array.from({ length: 1_000 }, (_, i) => (i * 7 + (i >> 3)) % 10);
    expect(firstPerClass(labels, 10, 50)).toEqual(firstPerClass(labels, 10, 50));
  });

  it('names a class that has too few images', () => {
    expect(() => firstPerClass([0, 0, 1], 2, 2)).toThrow('class 1 has 1 images (a subset needs 2)');
  });
});

describe('selectImages', () => {
  it('copies the chosen images and labels in the given order', () => {
    // Three 1×2×1 images: pixels [i·10, i·10+1], label i.
    const set: ImageSet = { images: Uint8Array.from([0, 1, 10, 11, 20, 21]), labels: Uint8Array.from([0, 1, 2]), count: 3, height: 1, width: 2, channels: 1 };
    const picked = selectImages(set, [2, 0]);
    expect(picked.count).toBe(2);
    expect([...picked.images]).toEqual([20, 21, 0, 1]);
    expect([...picked.labels]).toEqual([2, 0]);
    expect([picked.height, picked.width, picked.channels]).toEqual([1, 2, 1]);
  });
});
