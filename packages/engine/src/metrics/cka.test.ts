import { describe, expect, it } from 'vitest';
import { createRng } from '../random.js';
import { ckaBatchRanges } from './ckaBatchRanges.js';
import { ckaDiagonal } from './ckaDiagonal.js';
import { ckaFromGrams } from './ckaFromGrams.js';
import { CKA_SAMPLING, ckaSamples } from './ckaSamples.js';
import { type FeatureMatrix, featureMatrix } from './featureMatrix.js';
import { hsic1 } from './hsic1.js';
import { linearCka } from './linearCka.js';
import { linearCkaDirect } from './linearCkaDirect.js';

const X = featureMatrix([1, 0, 0, 1, 1, 1, 2, 0, 0, 2], 5, 2);
const Y = featureMatrix([1, 1, 0, 1, 2, 1, 1, 0, 0, 3], 5, 2);

function gram({ data, rows, cols }: FeatureMatrix): number[] {
  const g: number[] = [];
  for (let i = 0; i < rows; i++) for (let j = 0; j < rows; j++) {
    let s = 0;
    for (let c = 0; c < cols; c++) s += data[i * cols + c] * data[j * cols + c];
    g.push(s);
  }
  return g;
}

function random(rows: number, cols: number, seed: number): FeatureMatrix {
  const rng = createRng(seed);
  return featureMatrix(Float64Array.from({ length: rows * cols }, () => rng.normal()), rows, cols);
}

/** X·M for a cols × k matrix M, times a scalar. */
function transform(m: FeatureMatrix, mat: number[][], scale = 1): FeatureMatrix {
  const k = mat[0].length;
  const out = new Float64Array(m.rows * k);
  for (let i = 0; i < m.rows; i++) for (let j = 0; j < k; j++) {
    let s = 0;
    for (let c = 0; c < m.cols; c++) s += m.data[i * m.cols + c] * mat[c][j];
    out[i * k + j] = scale * s;
  }
  return featureMatrix(out, m.rows, k);
}

/** A random orthogonal d × d matrix (Gram–Schmidt of Gaussian columns). */
function orthogonal(d: number, seed: number): number[][] {
  const rng = createRng(seed);
  const cols: number[][] = [];
  for (let j = 0; j < d; j++) {
    let v = Array.from({ length: d }, () => rng.normal());
    for (const u of cols) {
      const p = u.reduce((s, x, i) => s + x * v[i], 0);
      v = v.map((x, i) => x - p * u[i]);
    }
    const n = Math.hypot(...v);
    cols.push(v.map((x) => x / n));
  }
  return Array.from({ length: d }, (_, r) => cols.map((c) => c[r]));
}

/** HSIC₁ as the U-statistic of Song et al., summing over distinct index tuples (tiny n only). */
function hsicByTuples(k: number[], l: number[], n: number): number {
  const K = (i: number, j: number) => k[i * n + j];
  const L = (i: number, j: number) => l[i * n + j];
  let t1 = 0, t2 = 0, t3 = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    if (j === i) continue;
    t1 += K(i, j) * L(i, j);
    for (let q = 0; q < n; q++) {
      if (q === i || q === j) continue;
      t3 += K(i, j) * L(i, q);
      for (let r = 0; r < n; r++) if (r !== i && r !== j && r !== q) t2 += K(i, j) * L(q, r);
    }
  }
  const p2 = n * (n - 1), p3 = p2 * (n - 2), p4 = p3 * (n - 3);
  return t1 / p2 + t2 / p4 - (2 * t3) / p3;
}

describe('hsic1', () => {
  it('matches the metrics.md §10 example', () => {
    expect(Math.abs(hsic1(gram(X), gram(Y), 5) - 2 / 3)).toBeLessThan(1e-9);
    expect(Math.abs(hsic1(gram(X), gram(X), 5) - 1.2)).toBeLessThan(1e-9);
    expect(Math.abs(hsic1(gram(Y), gram(Y), 5) - 0.9)).toBeLessThan(1e-9);
  });

  it('equals the U-statistic over distinct index tuples', () => {
    const a = random(7, 3, 1);
    const b = random(7, 4, 2);
    const direct = hsicByTuples(gram(a), gram(b), 7);
    expect(Math.abs(hsic1(gram(a), gram(b), 7) - direct)).toBeLessThan(1e-9 * Math.max(1, Math.abs(direct)));
  });

  it('ignores the diagonals', () => {
    const k = gram(X);
    const altered = k.map((v, i) => (i % 6 === 0 ? v + 100 : v));
    expect(hsic1(altered, gram(Y), 5)).toBe(hsic1(k, gram(Y), 5));
  });

  it('needs more than 3 samples', () => {
    expect(() => hsic1([1, 0, 0, 0, 1, 0, 0, 0, 1], [1, 0, 0, 0, 1, 0, 0, 0, 1], 3)).toThrow(
      'invalid HSIC batch size: 3 (expected an integer > 3)',
    );
  });
});

describe('linearCka', () => {
  it('is 0.641500 on the metrics.md §10 example', () => {
    expect(Math.abs((linearCka(X, Y, 5) as number) - 0.6415003)).toBeLessThan(1e-6);
  });

  it('is 1 for a matrix with itself', () => {
    const a = random(60, 8, 3);
    expect(Math.abs((linearCka(a, a, 20) as number) - 1)).toBeLessThan(1e-9);
    expect(Math.abs((linearCka(X, X, 5) as number) - 1)).toBeLessThan(1e-9);
  });

  it('is invariant to isotropic scaling and orthogonal transforms: CKA(X, 3·X·Q) = 1', () => {
    const a = random(60, 8, 4);
    const b = random(60, 5, 5);
    const q = orthogonal(8, 6);
    expect(Math.abs((linearCka(a, transform(a, q, 3), 20) as number) - 1)).toBeLessThan(1e-9);
    const base = linearCka(a, b, 20) as number;
    expect(Math.abs((linearCka(transform(a, q, 0.25), b, 20) as number) - base)).toBeLessThan(1e-9);
    expect(Math.abs((linearCka(a, transform(b, orthogonal(5, 7), 7), 20) as number) - base)).toBeLessThan(1e-9);
  });

  it('agrees with the direct (feature-side, non-minibatch) computation within 1e-9 when one batch holds all rows', () => {
    for (const [n, d1, d2, seed] of [[5, 2, 3, 8], [12, 4, 6, 9], [40, 30, 7, 10]]) {
      const a = random(n, d1, seed);
      const b = transform(a, Array.from({ length: d1 }, () => Array.from({ length: d2 }, (_, j) => j - 1)));
      const noisy = featureMatrix(Float64Array.from(b.data, (v, i) => v + Math.sin(i)), n, d2);
      const direct = linearCkaDirect(a, noisy) as number;
      expect(Math.abs((linearCka(a, noisy, n) as number) - direct)).toBeLessThan(1e-9);
    }
    expect(Math.abs((linearCkaDirect(X, Y) as number) - (linearCka(X, Y, 5) as number))).toBeLessThan(1e-12);
  });

  it('sums HSIC over mini-batches before dividing (the value depends on the batch size)', () => {
    const a = random(50, 6, 11);
    const b = featureMatrix(Float64Array.from(a.data, (v, i) => v + Math.cos(i)), 50, 6);
    const byHand = ckaFromGrams(
      [[0, 20], [20, 40], [40, 50]].map(([s, e]) => ({
        k: gram(featureMatrix(Array.from(a.data).slice(s * 6, e * 6), e - s, 6)),
        l: gram(featureMatrix(Array.from(b.data).slice(s * 6, e * 6), e - s, 6)),
        n: e - s,
      })),
    );
    expect(linearCka(a, b, 20)).toBe(byHand);
    expect(Math.abs((linearCka(a, b, 20) as number) - (linearCka(a, b, 50) as number))).toBeGreaterThan(1e-6);
  });

  it('is null for a constant layer and rejects mismatched rows', () => {
    expect(linearCka(featureMatrix(new Float64Array(10).fill(2), 5, 2), Y, 5)).toBeNull();
    expect(linearCkaDirect(featureMatrix(new Float64Array(10).fill(2), 5, 2), Y)).toBeNull();
    expect(() => linearCka(X, featureMatrix([1, 2, 3, 4], 4, 1), 5)).toThrow('invalid CKA input: 5 vs 4 rows (expected the same samples)');
  });
});

describe('ckaBatchRanges', () => {
  it('makes consecutive chunks and drops a trailing chunk of ≤ 3', () => {
    expect(ckaBatchRanges(1003, 500)).toEqual([[0, 500], [500, 1000]]);
    expect(ckaBatchRanges(1004, 500)).toEqual([[0, 500], [500, 1000], [1000, 1004]]);
    expect(ckaBatchRanges(4500, 1000).at(-1)).toEqual([4000, 4500]);
  });
});

describe('ckaDiagonal', () => {
  it('compares layer ℓ with layer ℓ only', () => {
    const a = random(20, 3, 12);
    const b = random(20, 4, 13);
    expect(ckaDiagonal([a, b], [a, b], 10).map((v) => Math.abs((v as number) - 1) < 1e-9)).toEqual([true, true]);
    expect(() => ckaDiagonal([a], [a, b], 10)).toThrow('invalid CKA layers: 1 vs 2 (expected one reference per layer)');
  });
});

describe('ckaSamples', () => {
  it('takes the first N of each list in dataset order, clamped to what exists', () => {
    expect(ckaSamples([0, 1, 0, 2, 0, 1], 0, { forget: 2, other: 5 })).toEqual({ forget: [0, 2], other: [1, 3, 5] });
  });

  it('has the reference and CPU presets of metrics.md §10', () => {
    expect(CKA_SAMPLING.reference).toEqual({ train: { forget: 500, other: 4500 }, test: { forget: 500, other: 4500 }, batchSize: 1000 });
    expect(CKA_SAMPLING.cpu).toEqual({ train: { forget: 200, other: 800 }, test: { forget: 200, other: 800 }, batchSize: 200 });
  });
});
