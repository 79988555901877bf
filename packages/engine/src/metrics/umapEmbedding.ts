import { UMAP } from 'umap-js';
import { createRng } from '../random.js';
import { exactKnn } from './exactKnn.js';
import type { FeatureMatrix } from './featureMatrix.js';
import { umapInitialLayout } from './umapInitialLayout.js';

/** UMAP parameters of metrics.md §6 (the reference system's, umap-learn defaults elsewhere). */
export interface UmapParams {
  nNeighbors: number;
  minDist: number;
  spread: number;
  nEpochs: number;
  learningRate: number;
  negativeSampleRate: number;
  repulsionStrength: number;
  seed: number;
}

export const UMAP_PARAMS: Readonly<UmapParams> = Object.freeze({
  nNeighbors: 9,
  minDist: 0.45,
  spread: 1.0,
  nEpochs: 500,
  learningRate: 1.0,
  negativeSampleRate: 5,
  repulsionStrength: 1.0,
  seed: 42,
});

export interface UmapOptions {
  params?: Partial<UmapParams>;
  /** Checked between epochs; an abort rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Called after each epoch with the number of epochs done and the total. */
  onEpoch?: (done: number, total: number) => void;
}

/**
 * Seeded 2-D UMAP of an n × d feature matrix (metrics.md §6): exact brute-force kNN, umap-learn's
 * PCA initialisation (±10, noise, each axis to [0, 10]), and every random draw from the `umap`
 * stream of seed 42, so the same features always give identical coordinates. Unrounded; store x and y to 2 decimals.
 * Yields to the event loop between epochs so that an abort sent from elsewhere is seen.
 *
 *   const { x, y } = await umapEmbedding(featureMatrix(features, 2000, 512), { signal });
 */
export async function umapEmbedding(features: FeatureMatrix, options: UmapOptions = {}): Promise<{ x: number[]; y: number[] }> {
  const p = { ...UMAP_PARAMS, ...options.params };
  const { signal, onEpoch } = options;
  const n = features.rows;
  if (n <= p.nNeighbors) throw new Error(`invalid UMAP input: ${n} points (expected more than nNeighbors = ${p.nNeighbors})`);
  signal?.throwIfAborted();

  const rng = createRng(p.seed).fork('umap');
  const umap = new UMAP({
    nComponents: 2,
    nNeighbors: p.nNeighbors,
    minDist: p.minDist,
    spread: p.spread,
    nEpochs: p.nEpochs,
    learningRate: p.learningRate,
    negativeSampleRate: p.negativeSampleRate,
    repulsionStrength: p.repulsionStrength,
    random: rng.uniform,
  });
  const knn = exactKnn(features, p.nNeighbors);
  umap.setPrecomputedKNN(knn.indices, knn.distances);
  const rows = toRows(features);
  const total = umap.initializeFit(rows);

  // umap-js only initialises at random; overwrite its layout in place with umap-learn's PCA
  // layout (the optimiser holds references to these same row arrays).
  const layout = umap.getEmbedding();
  umapInitialLayout(features, rng).forEach(([a, b], i) => {
    layout[i][0] = a;
    layout[i][1] = b;
  });

  for (let epoch = 0; epoch < total; epoch++) {
    await yieldToEventLoop();
    signal?.throwIfAborted();
    umap.step();
    onEpoch?.(epoch + 1, total);
  }
  const out = umap.getEmbedding();
  return { x: out.map((r) => r[0]), y: out.map((r) => r[1]) };
}

function toRows({ data, rows, cols }: FeatureMatrix): number[][] {
  return Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, c) => data[i * cols + c]));
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
