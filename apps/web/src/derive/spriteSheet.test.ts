import { describe, expect, it } from 'vitest';
import { spriteSheet, spriteTileStyle } from './spriteSheet.js';

describe('spriteSheet', () => {
  it('lists each known image once, in order of first appearance', () => {
    const s = spriteSheet([7, 3, 7, null, 12, 3]);
    expect(s.indices).toEqual([7, 3, 12]);
    expect([...s.tileOf]).toEqual([[7, 0], [3, 1], [12, 2]]);
  });

  it('is empty for no known images', () => {
    expect(spriteSheet([null, null]).indices).toEqual([]);
  });
});

describe('spriteTileStyle', () => {
  it('places tile k at column k mod 16, row ⌊k/16⌋, scaled to the box', () => {
    // 20 tiles: 2 rows; tile 17 is column 1 of row 1; 10 px boxes.
    expect(spriteTileStyle(17, 20, 10)).toEqual({ backgroundSize: '160px 20px', backgroundPosition: '-10px -10px' });
    expect(spriteTileStyle(15, 20, 10).backgroundPosition).toBe('-150px 0px');
  });

  it('handles fractional box sizes (thumbnail minus its border)', () => {
    expect(spriteTileStyle(2, 3, 9)).toEqual({ backgroundSize: '144px 9px', backgroundPosition: '-18px 0px' });
    expect(spriteTileStyle(33, 40, 12.5)).toEqual({ backgroundSize: '200px 37.5px', backgroundPosition: '-12.5px -25px' });
  });
});
