import { describe, expect, it } from 'vitest';
import { decodeParallelUrl, encodeParallelUrl } from './parallelUrl.js';

const encode = (s: Parameters<typeof encodeParallelUrl>[0]) => {
  const q = new URLSearchParams();
  encodeParallelUrl(s, q);
  return q.toString();
};

describe('parallel-coordinates URL state', () => {
  it('writes a compact query and reads it back exactly', () => {
    const state = { brushes: { lr: [0.0005, 0.005] as [number, number], UA: [0, 0.2] as [number, number] }, pcOrder: ['UA', 'method', 'lr'], pcFlipped: ['lr'] };
    const q = encode(state);
    expect(q).toBe('b.lr=0.0005_0.005&b.UA=0_0.2&pco=UA.method.lr&pcf=lr');
    expect(decodeParallelUrl(new URLSearchParams(q))).toEqual(state);
  });
  it('leaves out empty parts', () => {
    expect(encode({ brushes: {}, pcOrder: [], pcFlipped: [] })).toBe('');
    expect(decodeParallelUrl(new URLSearchParams('stage=screen'))).toEqual({});
  });
  it('drops malformed values instead of throwing', () => {
    const q = 'b.lr=abc_1&b.UA=1&b.RA=_0.5&b.x%20y=0_1&b.=0_1&b.TRA=0.9_0.1&pco=..UA.no-pe.UA&pcf=%00';
    expect(decodeParallelUrl(new URLSearchParams(q))).toEqual({ brushes: { TRA: [0.1, 0.9] }, pcOrder: ['UA'] });
  });
});
