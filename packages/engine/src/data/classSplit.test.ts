import { describe, expect, it } from 'vitest';
import { classIndices, classSplit } from './classSplit.js';

describe('classSplit', () => {
  const labels = Uint8Array.from([3, 0, 3, 1, 9, 3, 0]);

  it('splits indices into the forget class and the rest, ascending', () => {
    const { forget, retain } = classSplit(labels, 3);
    expect([...forget]).toEqual([0, 2, 5]);
    expect([...retain]).toEqual([1, 3, 4, 6]);
  });

  it('gives an empty forget set for a class with no images', () => {
    const { forget, retain } = classSplit(labels, 7);
    expect(forget.length).toBe(0);
    expect(retain.length).toBe(labels.length);
  });

  it('rejects a class out of range in one line', () => {
    expect(() => classSplit(labels, 10)).toThrow('forget class out of range: 10 (expected 0..9)');
    expect(() => classSplit(labels, -1)).toThrow('forget class out of range: -1 (expected 0..9)');
    expect(() => classSplit(labels, 1.5)).toThrow('forget class out of range: 1.5');
    expect(() => classSplit(labels, 5, 4)).toThrow('forget class out of range: 5 (expected 0..3)');
  });

  it('lists the indices of every class', () => {
    const lists = classIndices(labels);
    expect(lists).toHaveLength(10);
    expect([...lists[0]]).toEqual([1, 6]);
    expect([...lists[3]]).toEqual([0, 2, 5]);
    expect(lists[5].length).toBe(0);
    expect(() => classIndices(labels, 4)).toThrow('label 4 out of range: 9 (expected 0..3)');
  });
});
