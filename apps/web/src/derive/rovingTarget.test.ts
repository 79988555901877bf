import { describe, expect, it } from 'vitest';
import { rovingTarget } from './rovingTarget.js';

describe('rovingTarget', () => {
  const all = [true, true, true, true];
  it('moves to the next and previous option, wrapping at the ends', () => {
    expect(rovingTarget('ArrowRight', 1, all)).toBe(2);
    expect(rovingTarget('ArrowDown', 3, all)).toBe(0);
    expect(rovingTarget('ArrowLeft', 0, all)).toBe(3);
    expect(rovingTarget('ArrowUp', 2, all)).toBe(1);
  });
  it('skips disabled options, and Home/End go to the first/last enabled one', () => {
    const some = [false, true, false, true, false];
    expect(rovingTarget('ArrowRight', 1, some)).toBe(3);
    expect(rovingTarget('ArrowRight', 3, some)).toBe(1);
    expect(rovingTarget('ArrowLeft', 1, some)).toBe(3);
    expect(rovingTarget('Home', 3, some)).toBe(1);
    expect(rovingTarget('End', 1, some)).toBe(3);
  });
  it('ignores other keys and groups with nothing enabled', () => {
    expect(rovingTarget('Enter', 1, all)).toBeNull();
    expect(rovingTarget('a', 1, all)).toBeNull();
    expect(rovingTarget('ArrowRight', 0, [false, false])).toBeNull();
  });
});
