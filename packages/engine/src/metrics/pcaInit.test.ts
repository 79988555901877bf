import { describe, expect, it } from 'vitest';
import { createRng } from '../random.js';
import { featureMatrix } from './featureMatrix.js';
import { pcaInit } from './pcaInit.js';

describe('pcaInit', () => {
  it('projects on the principal axes and scales the largest |coordinate| to 10', () => {
    // Points spread 3× more along (1, 1) than along (1, −1), offset by (5, 5).
    const pts = [[3, 3], [-3, -3], [1, -1], [-1, 1]].map(([a, b]) => [a + 5, b + 5]);
    const init = pcaInit(featureMatrix(pts.flat(), 4, 2));
    const s = Math.SQRT2;
    const expected = [[3 * s, 0], [-3 * s, 0], [0, s], [0, -s]].map(([a, b]) => [(a * 10) / (3 * s), (b * 10) / (3 * s)]);
    init.forEach((p, i) => {
      expect(Math.abs(p[0] - expected[i][0])).toBeLessThan(1e-9);
      // The second component's sign is fixed by its largest loading; compare up to sign.
      expect(Math.abs(Math.abs(p[1]) - Math.abs(expected[i][1]))).toBeLessThan(1e-9);
    });
    expect(Math.max(...init.flat().map(Math.abs))).toBeCloseTo(10, 12);
  });

  it('finds the two leading directions of higher-dimensional data', () => {
    const rng = createRng(7);
    const n = 300;
    const d = 6;
    const data: number[] = [];
    for (let i = 0; i < n; i++) {
      const a = 5 * rng.normal();
      const b = 2 * rng.normal();
      data.push(a, b, 0.1 * rng.normal(), 0.1 * rng.normal(), 0.1 * rng.normal(), 0.1 * rng.normal());
    }
    const init = pcaInit(featureMatrix(data, n, d));
    const corr = (k: number, c: number) => {
      const u = init.map((p) => p[k]);
      const v = Array.from({ length: n }, (_, i) => data[i * d + c]);
      const mu = u.reduce((s, x) => s + x, 0) / n;
      const mv = v.reduce((s, x) => s + x, 0) / n;
      let uv = 0, uu = 0, vv = 0;
      for (let i = 0; i < n; i++) {
        uv += (u[i] - mu) * (v[i] - mv);
        uu += (u[i] - mu) ** 2;
        vv += (v[i] - mv) ** 2;
      }
      return Math.abs(uv / Math.sqrt(uu * vv));
    };
    expect(corr(0, 0)).toBeGreaterThan(0.99);
    expect(corr(1, 1)).toBeGreaterThan(0.99);
  });

  it('puts every point at the origin when all features are equal', () => {
    expect(pcaInit(featureMatrix([1, 2, 1, 2, 1, 2], 3, 2))).toEqual([[0, 0], [0, 0], [0, 0]]);
  });
});
