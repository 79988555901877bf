import { describe, expect, it } from 'vitest';
import { createRng, fnv1a32 } from './random.js';

describe('random', () => {
  it('hashes names with 32-bit FNV-1a', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('seeds xoshiro128** from SplitMix32 and is reproducible', () => {
    const a = createRng(2048);
    const b = createRng(2048);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(xs).toEqual(Array.from({ length: 5 }, () => b.next()));
    expect(new Set(xs).size).toBe(5);
    expect(xs.every((x) => Number.isInteger(x) && x >= 0 && x < 2 ** 32)).toBe(true);
  });

  it('matches a hand-stepped SplitMix32 + xoshiro128** for seed 0', () => {
    // SplitMix32 from 0: first state word = mix(0x9E3779B9).
    let z = 0x9e3779b9;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    z = (z ^ (z >>> 16)) >>> 0;
    let z2 = (0x9e3779b9 * 2) % 2 ** 32;
    z2 = Math.imul(z2 ^ (z2 >>> 16), 0x85ebca6b) >>> 0;
    z2 = Math.imul(z2 ^ (z2 >>> 13), 0xc2b2ae35) >>> 0;
    z2 = (z2 ^ (z2 >>> 16)) >>> 0;
    // xoshiro128** output = rotl(s1 * 5, 7) * 9, where s1 is the second state word.
    const rotl = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0;
    const expected = Math.imul(rotl(Math.imul(z2, 5) >>> 0, 7), 9) >>> 0;
    expect(z).not.toBe(z2);
    expect(createRng(0).next()).toBe(expected);
  });

  it('forks independent, reproducible streams', () => {
    const rng = createRng(7);
    expect(rng.fork('shuffle').seed).toBe((7 ^ fnv1a32('shuffle')) >>> 0);
    expect(rng.fork('init').next()).not.toBe(rng.fork('shuffle').next());
    expect(rng.fork('init').next()).toBe(createRng(7).fork('init').next());
  });

  it('draws uniform integers in range and shuffles to a permutation', () => {
    const rng = createRng(1);
    for (let i = 0; i < 1000; i++) {
      const k = rng.int(10);
      expect(k >= 0 && k < 10).toBe(true);
    }
    const a = rng.shuffle(Array.from({ length: 100 }, (_, i) => i));
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(a).not.toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('rejects invalid seeds', () => {
    expect(() => createRng(-1)).toThrow('invalid seed: -1');
    expect(() => createRng(1.5)).toThrow('invalid seed');
  });
});
