import { describe, expect, it } from 'vitest';
import { createRng } from '../random.js';
import { featureMatrix } from './featureMatrix.js';
import { umapEmbedding } from './umapEmbedding.js';

/** ReLU'd Gaussian clusters, like penultimate-layer features. */
function clusters(n: number, d: number, seed: number) {
  const rng = createRng(seed);
  const centres = Array.from({ length: 10 }, () => Array.from({ length: d }, () => 3 * rng.normal()));
  const data = new Float32Array(n * d);
  for (let i = 0; i < n; i++) for (let c = 0; c < d; c++) data[i * d + c] = Math.max(0, centres[i % 10][c] + rng.normal());
  return featureMatrix(data, n, d);
}

describe('umapEmbedding', () => {
  it('gives identical coordinates for the same input (2,000 points)', async () => {
    const features = clusters(2000, 32, 1);
    const a = await umapEmbedding(features);
    const b = await umapEmbedding(features);
    expect(a.x).toHaveLength(2000);
    expect(b.x).toEqual(a.x);
    expect(b.y).toEqual(a.y);
    expect(a.x.every(Number.isFinite) && a.y.every(Number.isFinite)).toBe(true);
  });

  it('keeps clusters together: nearest 2-D neighbours mostly share the cluster', async () => {
    const { x, y } = await umapEmbedding(clusters(300, 16, 2), { params: { nEpochs: 200 } });
    let same = 0;
    for (let i = 0; i < x.length; i++) {
      let best = -1;
      let bestD = Infinity;
      for (let j = 0; j < x.length; j++) {
        const d = (x[i] - x[j]) ** 2 + (y[i] - y[j]) ** 2;
        if (j !== i && d < bestD) [best, bestD] = [j, d];
      }
      if (best % 10 === i % 10) same++;
    }
    expect(same / x.length).toBeGreaterThan(0.9);
  });

  it('reports progress per epoch and stops between epochs when aborted', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const run = umapEmbedding(clusters(100, 8, 3), {
      params: { nEpochs: 50 },
      signal: controller.signal,
      onEpoch: (done, total) => {
        seen.push(done);
        expect(total).toBe(50);
        if (done === 5) controller.abort(new Error('stop'));
      },
    });
    await expect(run).rejects.toThrow('stop');
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });

  it('rejects too few points', async () => {
    await expect(umapEmbedding(featureMatrix(new Float32Array(9), 9, 1))).rejects.toThrow(
      'invalid UMAP input: 9 points (expected more than nNeighbors = 9)',
    );
  });
});
