import { describe, expect, it } from 'vitest';
import { createRng } from '../random.js';
import { featureMatrix } from './featureMatrix.js';
import { pcaInit } from './pcaInit.js';
import { INIT_NOISE, umapInitialLayout } from './umapInitialLayout.js';

describe('umapInitialLayout', () => {
  const rng = createRng(5);
  const data = Array.from({ length: 200 * 4 }, (_, i) => (i % 4 === 0 ? 5 : 1) * rng.normal());
  const features = featureMatrix(data, 200, 4);

  it("is umap-learn's: PCA at ±10 plus σ = 1e-4 noise, then each axis min–max scaled to [0, 10]", () => {
    const layout = umapInitialLayout(features, createRng(42).fork('umap'));
    for (const k of [0, 1]) {
      const axis = layout.map((p) => p[k]);
      expect(Math.min(...axis)).toBe(0);
      expect(Math.max(...axis)).toBeCloseTo(10, 12);
    }
    // Regress each axis on the PCA layout: the slope is the rescale, the residual the noise (in PCA units).
    const pca = pcaInit(features);
    for (const k of [0, 1]) {
      const u = pca.map((p) => p[k]);
      const v = layout.map((p) => p[k]);
      const mean = (a: number[]) => a.reduce((s, x) => s + x, 0) / a.length;
      const [mu, mv] = [mean(u), mean(v)];
      const slope = u.reduce((s, x, i) => s + (x - mu) * (v[i] - mv), 0) / u.reduce((s, x) => s + (x - mu) ** 2, 0);
      const sd = Math.sqrt(mean(v.map((x, i) => (x - mv - slope * (u[i] - mu)) ** 2))) / slope;
      expect(sd).toBeGreaterThan(INIT_NOISE / 2);
      expect(sd).toBeLessThan(INIT_NOISE * 2);
    }
  });

  it('is deterministic for a seed and differs between seeds (the noise)', () => {
    const a = umapInitialLayout(features, createRng(42).fork('umap'));
    expect(umapInitialLayout(features, createRng(42).fork('umap'))).toEqual(a);
    expect(umapInitialLayout(features, createRng(43).fork('umap'))).not.toEqual(a);
  });
});
