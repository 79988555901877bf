import { describe, expect, it } from 'vitest';
import { arrangeAxes, moveKey } from './axisOrder.js';

const axes = ['method', 'epochs', 'lr', 'seed', 'UA'].map((key) => ({ key }));
const keys = (a: { key: string }[]) => a.map((x) => x.key);

describe('arrangeAxes', () => {
  it('keeps the default order without a user order', () => {
    expect(keys(arrangeAxes(axes, []))).toEqual(['method', 'epochs', 'lr', 'seed', 'UA']);
  });
  it('follows the user order and ignores keys of axes not shown', () => {
    expect(keys(arrangeAxes(axes, ['UA', 'alpha', 'lr', 'method', 'epochs', 'seed']))).toEqual(['UA', 'lr', 'method', 'epochs', 'seed']);
  });
  it('puts an axis missing from the order right after its default predecessor', () => {
    // 'epochs' is new: its default predecessor 'method' sits last in the user order.
    expect(keys(arrangeAxes(axes, ['UA', 'lr', 'seed', 'method']))).toEqual(['UA', 'lr', 'seed', 'method', 'epochs']);
    // 'method' is new and first by default: it goes to the front.
    expect(keys(arrangeAxes(axes, ['UA', 'epochs', 'lr', 'seed']))).toEqual(['method', 'UA', 'epochs', 'lr', 'seed']);
  });
});

describe('moveKey', () => {
  it('moves a key to a position, clamped to the ends', () => {
    expect(moveKey(['a', 'b', 'c', 'd'], 'a', 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveKey(['a', 'b', 'c', 'd'], 'd', 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(moveKey(['a', 'b', 'c', 'd'], 'b', -1)).toEqual(['b', 'a', 'c', 'd']);
    expect(moveKey(['a', 'b', 'c', 'd'], 'b', 9)).toEqual(['a', 'c', 'd', 'b']);
    expect(moveKey(['a', 'b'], 'x', 0)).toEqual(['a', 'b']);
  });
});
