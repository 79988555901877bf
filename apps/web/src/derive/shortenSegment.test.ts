import { describe, expect, it } from 'vitest';
import { shortenSegment } from './shortenSegment.js';

describe('shortenSegment', () => {
  it('cuts the same length off both ends along the segment', () => {
    // Length 10, 2.5 off each end: a quarter of (6, 8) at each end.
    expect(shortenSegment([0, 0], [6, 8], 2.5)).toEqual([[1.5, 2], [4.5, 6]]);
    expect(shortenSegment([10, 0], [0, 0], 4)).toEqual([[6, 0], [4, 0]]);
  });
  it('is null when nothing would be left', () => {
    expect(shortenSegment([0, 0], [8, 0], 4)).toBeNull();
    expect(shortenSegment([1, 1], [1, 1], 4)).toBeNull();
  });
});
