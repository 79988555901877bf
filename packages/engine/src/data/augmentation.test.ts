import { describe, expect, it } from 'vitest';
import { createRng } from '../random.js';
import { assembleBatch } from './assembleBatch.js';
import { augmentImage, drawAugmentation, identityAugmentation } from './augmentation.js';
import { catalog } from './catalog.js';
import type { ImageSet } from './imageSet.js';
import { normalizationTable } from './normalizationTable.js';

// A 32×32 image whose raw value at (y, x, c) is 1 + ((y·32 + x)·3 + c) mod 250: never 0, so any 0
// in the output is padding.
const shape = { height: 32, width: 32, channels: 3 };
const source = Uint8Array.from({ length: 3072 }, (_, i) => 1 + (i % 250));
const raw = (y: number, x: number, c: number) => 1 + (((y * 32 + x) * 3 + c) % 250);
const identityTable = Float32Array.from({ length: 3 * 256 }, (_, i) => i % 256);

function augmented(dx: number, dy: number, flip: boolean): Float32Array {
  const out = new Float32Array(3072);
  augmentImage(out, 0, source, 0, shape, identityTable, { dx, dy, flip });
  return out;
}
const at = (img: Float32Array, y: number, x: number, c: number) => img[(y * 32 + x) * 3 + c];

describe('augmentation', () => {
  it('leaves the image unchanged at the identity crop', () => {
    expect(augmented(4, 4, false)).toEqual(Float32Array.from(source));
    expect(identityAugmentation).toEqual({ dx: 4, dy: 4, flip: false });
  });

  it('crops at known offsets, filling the border with black', () => {
    // dx = 0, dy = 8: the window starts 4 px left of the image and 4 px below its top.
    const img = augmented(0, 8, false);
    expect(at(img, 0, 4, 0)).toBe(raw(4, 0, 0));
    expect(at(img, 10, 20, 2)).toBe(raw(14, 16, 2));
    expect(at(img, 27, 31, 1)).toBe(raw(31, 27, 1));
    for (let c = 0; c < 3; c++) {
      expect(at(img, 0, 3, c)).toBe(0); // left border
      expect(at(img, 28, 10, c)).toBe(0); // bottom border
    }
    let zeros = 0;
    for (const v of img) if (v === 0) zeros++;
    expect(zeros).toBe((32 * 32 - 28 * 28) * 3);
  });

  it('flips after cropping', () => {
    const img = augmented(4, 4, true);
    expect(at(img, 5, 0, 1)).toBe(raw(5, 31, 1));
    expect(at(img, 5, 31, 1)).toBe(raw(5, 0, 1));
    // Crop at dx = 8, then flip: output column x shows image column 8 + 31 − x − 4 = 35 − x,
    // so columns 0…3 (image columns 35…32) are padding.
    const both = augmented(8, 4, true);
    expect(at(both, 0, 3, 0)).toBe(0);
    expect(at(both, 0, 4, 0)).toBe(raw(0, 31, 0));
    expect(at(both, 9, 31, 2)).toBe(raw(9, 4, 2));
  });

  it('pads with −mean/std after normalisation', () => {
    const { normalization } = catalog.cifar10;
    const table = normalizationTable(normalization);
    const out = new Float32Array(3072);
    augmentImage(out, 0, source, 0, shape, table, { dx: 0, dy: 0, flip: false });
    for (let c = 0; c < 3; c++) {
      expect(at(out, 0, 0, c)).toBe(Math.fround(-normalization.mean[c] / normalization.std[c]));
      expect(at(out, 4, 4, c)).toBe(Math.fround((raw(0, 0, c) / 255 - normalization.mean[c]) / normalization.std[c]));
    }
    expect(table[255]).toBeCloseTo((1 - 0.4914) / 0.2023, 6);
    expect(() => normalizationTable({ mean: [0.5], std: [0] })).toThrow('normalization: std of channel 0 is 0 (expected > 0)');
  });

  it('draws offsets in 0…8 and flips about half the time, reproducibly', () => {
    const rng = createRng(7);
    const draws = Array.from({ length: 2000 }, () => drawAugmentation(rng));
    expect(new Set(draws.map((d) => d.dx))).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8]));
    expect(new Set(draws.map((d) => d.dy))).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8]));
    const flips = draws.filter((d) => d.flip).length;
    expect(flips).toBeGreaterThan(900);
    expect(flips).toBeLessThan(1100);
    const again = createRng(7);
    expect(Array.from({ length: 2000 }, () => drawAugmentation(again))).toEqual(draws);
  });

  it('assembles a batch in index order with labels', () => {
    const set: ImageSet = { images: new Uint8Array(3 * 3072), labels: Uint8Array.from([5, 6, 7]), count: 3, height: 32, width: 32, channels: 3 };
    set.images.set(source, 2 * 3072);
    const { x, y } = assembleBatch(set, [2, 0], identityTable);
    expect([...y]).toEqual([7, 5]);
    expect(x.subarray(0, 3072)).toEqual(Float32Array.from(source));
    expect(x.subarray(3072).every((v) => v === 0)).toBe(true);
  });
});
