import { describe, expect, it } from 'vitest';
import { spriteSheet } from '../../src/images/spriteSheet.js';

// Two 2 × 2 grey images: image 0 = 1 2 / 3 4, image 1 = 5 6 / 7 8.
const set = { images: Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]), labels: new Uint8Array(2), count: 2, width: 2, height: 2, channels: 1 };

describe('spriteSheet', () => {
  it('puts indices[k] in tile k of a 16-column grid, the rest black', () => {
    const s = spriteSheet(set, [1, 0, 1]);
    expect([s.width, s.height]).toEqual([32, 2]);
    expect([...s.pixels.subarray(0, 8)]).toEqual([5, 6, 1, 2, 5, 6, 0, 0]);
    expect([...s.pixels.subarray(32, 40)]).toEqual([7, 8, 3, 4, 7, 8, 0, 0]);
    expect(s.pixels.subarray(6, 32).every((v) => v === 0)).toBe(true);
  });

  it('starts a new row of tiles after 16', () => {
    const s = spriteSheet(set, [...Array(16).fill(0), 1]);
    expect([s.width, s.height]).toEqual([32, 4]);
    // Tile 16: column 0 of the second tile row (pixel rows 2 and 3).
    expect([...s.pixels.subarray(2 * 32, 2 * 32 + 3)]).toEqual([5, 6, 0]);
    expect([...s.pixels.subarray(3 * 32, 3 * 32 + 3)]).toEqual([7, 8, 0]);
    expect([...s.pixels.subarray(30, 32)]).toEqual([1, 2]);
  });
});
