import { describe, expect, it } from 'vitest';
import { readIdx, readIdxImages, readIdxLabels } from './readIdx.js';

function idxImages(count: number, rows: number, cols: number, magic = 2051): Uint8Array {
  const bytes = new Uint8Array(16 + count * rows * cols);
  const view = new DataView(bytes.buffer);
  [magic, count, rows, cols].forEach((v, i) => view.setUint32(i * 4, v));
  for (let i = 16; i < bytes.length; i++) bytes[i] = 1 + ((i - 16) % 250);
  return bytes;
}

function idxLabels(labels: number[], magic = 2049): Uint8Array {
  const bytes = new Uint8Array(8 + labels.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, magic);
  view.setUint32(4, labels.length);
  bytes.set(labels, 8);
  return bytes;
}

const files = { images: 'imgs', labels: 'labs' };

describe('readIdx', () => {
  it('pads 28×28 images with a 2-pixel black border to 32×32', () => {
    const set = readIdx(idxImages(2, 28, 28), idxLabels([3, 9]), files);
    expect(set).toMatchObject({ count: 2, height: 32, width: 32, channels: 1 });
    expect([...set.labels]).toEqual([3, 9]);
    const at = (i: number, y: number, x: number) => set.images[(i * 32 + y) * 32 + x];
    expect(at(0, 0, 0)).toBe(0);
    expect(at(0, 1, 5)).toBe(0);
    expect(at(0, 2, 1)).toBe(0);
    expect(at(0, 2, 2)).toBe(1); // source (0, 0) of image 0
    expect(at(0, 29, 29)).toBe(1 + (783 % 250)); // source (27, 27)
    expect(at(0, 29, 30)).toBe(0);
    expect(at(1, 2, 2)).toBe(1 + (784 % 250)); // source (0, 0) of image 1
    expect(at(1, 31, 31)).toBe(0);
  });

  it('checks the magic numbers', () => {
    expect(() => readIdxImages(idxImages(1, 28, 28, 2049), 'train-images')).toThrow(
      'train-images: bad IDX magic 2049 (expected 2051 for images)',
    );
    expect(() => readIdxLabels(idxLabels([1], 2051), 'train-labels')).toThrow(
      'train-labels: bad IDX magic 2051 (expected 2049 for labels)',
    );
  });

  it('checks sizes, label range and that counts agree', () => {
    expect(() => readIdxImages(idxImages(2, 28, 28).subarray(0, 100), 'imgs')).toThrow(
      'imgs: 100 bytes, expected 1584 for 2 images of 28×28',
    );
    expect(() => readIdxImages(new Uint8Array(10), 'imgs')).toThrow('imgs: 10 bytes is shorter than the 16-byte IDX header');
    expect(() => readIdxLabels(idxLabels([1, 12]), 'labs')).toThrow('labs: label 1 is 12 (expected 0..9)');
    expect(() => readIdx(idxImages(2, 28, 28), idxLabels([1]), files)).toThrow('labs: 1 labels for 2 images in imgs');
    expect(() => readIdx(idxImages(1, 27, 27), idxLabels([1]), files)).toThrow('imgs: 27×27 images cannot be centred in 32×32');
  });
});
