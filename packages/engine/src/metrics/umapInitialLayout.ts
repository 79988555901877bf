import type { Rng } from '../random.js';
import type { FeatureMatrix } from './featureMatrix.js';
import { pcaInit } from './pcaInit.js';

/** The standard deviation of the noise umap-learn adds to a PCA or spectral layout (`noisy_scale_coords`). */
export const INIT_NOISE = 1e-4;

/**
 * UMAP's starting layout exactly as umap-learn builds it for `init='pca'` (metrics.md §6;
 * `simplicial_set_embedding`): the first two principal components scaled so that the largest
 * |coordinate| is 10, plus normal noise of σ = 1e-4 drawn from `rng`, then each axis min–max
 * rescaled to [0, 10]. An axis with no spread stays at 0.
 *
 *   umapInitialLayout(featureMatrix(features, 2000, 512), createRng(42).fork('umap')) // [[x0, y0], …] in [0, 10]²
 */
export function umapInitialLayout(features: FeatureMatrix, rng: Rng): number[][] {
  const noisy = pcaInit(features).map(([a, b]) => [a + INIT_NOISE * rng.normal(), b + INIT_NOISE * rng.normal()]);
  const axes = [0, 1].map((k) => {
    const values = noisy.map((p) => p[k]);
    const min = Math.min(...values);
    const range = Math.max(...values) - min;
    return { min, scale: range > 0 ? 10 / range : 0 };
  });
  return noisy.map((p) => p.map((v, k) => (v - axes[k].min) * axes[k].scale));
}
