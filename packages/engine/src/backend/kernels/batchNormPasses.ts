/**
 * The passes of a training-mode batch norm over every axis but the last (channels), on flat
 * NHWC float32 data: two passes forward, two backward, with float64 per-channel accumulators.
 * Written for the wasm kernels in BatchNormTraining.ts and BatchNormTrainingGrad.ts, which run
 * them on the heap in place of a dozen single-threaded element-wise tfjs kernels.
 *
 * Every pass visits four rows per channel at a time (r1…r3 are the row offsets): per-channel
 * values and accumulators are loaded and stored a quarter as often, which made each pass 2–4×
 * faster than a row at a time (as in reduceAxisBlock). Plain `const`s, not array destructuring:
 * V8 did not optimise the temporary arrays away, and the passes ran 2–5× slower with them. Rows past the last multiple of four
 * are done one by one.
 */

/** Per-channel mean and biased variance (Σx² / n − mean²). */
export function channelMoments(x: Float32Array, channels: number): { mean: Float64Array; variance: Float64Array } {
  const sum = new Float64Array(channels);
  const squares = new Float64Array(channels);
  const r1 = channels;
  const r2 = 2 * channels;
  const r3 = 3 * channels;
  let p = 0;
  for (; p + 4 * channels <= x.length; p += 4 * channels) {
    for (let c = 0, q = p; c < channels; c++, q++) {
      const a = x[q];
      const b = x[q + r1];
      const d = x[q + r2];
      const e = x[q + r3];
      sum[c] += a + b + d + e;
      squares[c] += a * a + b * b + d * d + e * e;
    }
  }
  for (; p < x.length; p += channels) {
    for (let c = 0; c < channels; c++) {
      sum[c] += x[p + c];
      squares[c] += x[p + c] * x[p + c];
    }
  }
  const n = x.length / channels;
  const mean = sum.map((s) => s / n);
  const variance = squares.map((s, c) => Math.max(0, s / n - mean[c] * mean[c]));
  return { mean, variance };
}

/** y = x·scale + shift per channel. */
export function scaleShift(x: Float32Array, scale: Float32Array, shift: Float32Array, y: Float32Array): void {
  const channels = scale.length;
  const r1 = channels;
  const r2 = 2 * channels;
  const r3 = 3 * channels;
  let p = 0;
  for (; p + 4 * channels <= x.length; p += 4 * channels) {
    for (let c = 0, q = p; c < channels; c++, q++) {
      const s = scale[c];
      const t = shift[c];
      y[q] = x[q] * s + t;
      y[q + r1] = x[q + r1] * s + t;
      y[q + r2] = x[q + r2] * s + t;
      y[q + r3] = x[q + r3] * s + t;
    }
  }
  for (; p < x.length; p += channels) for (let c = 0; c < channels; c++) y[p + c] = x[p + c] * scale[c] + shift[c];
}

/** Per-channel Σdy and Σdy·(x − mean). */
export function gradientSums(dy: Float32Array, x: Float32Array, mean: Float32Array): { dySum: Float64Array; dyXcSum: Float64Array } {
  const channels = mean.length;
  const dySum = new Float64Array(channels);
  const dyXSum = new Float64Array(channels);
  const r1 = channels;
  const r2 = 2 * channels;
  const r3 = 3 * channels;
  let p = 0;
  for (; p + 4 * channels <= x.length; p += 4 * channels) {
    for (let c = 0, q = p; c < channels; c++, q++) {
      const a = dy[q];
      const b = dy[q + r1];
      const d = dy[q + r2];
      const e = dy[q + r3];
      dySum[c] += a + b + d + e;
      dyXSum[c] += a * x[q] + b * x[q + r1] + d * x[q + r2] + e * x[q + r3];
    }
  }
  for (; p < x.length; p += channels) {
    for (let c = 0; c < channels; c++) {
      dySum[c] += dy[p + c];
      dyXSum[c] += dy[p + c] * x[p + c];
    }
  }
  return { dySum, dyXcSum: dyXSum.map((s, c) => s - mean[c] * dySum[c]) };
}

/** dx = a·dy + k₁·x + k₀ per channel (the input gradient's affine form). */
export function inputGradient(dy: Float32Array, x: Float32Array, a: Float32Array, k1: Float32Array, k0: Float32Array, dx: Float32Array): void {
  const channels = a.length;
  const r1 = channels;
  const r2 = 2 * channels;
  const r3 = 3 * channels;
  let p = 0;
  for (; p + 4 * channels <= x.length; p += 4 * channels) {
    for (let c = 0, q = p; c < channels; c++, q++) {
      const s = a[c];
      const t = k1[c];
      const u = k0[c];
      dx[q] = dy[q] * s + x[q] * t + u;
      dx[q + r1] = dy[q + r1] * s + x[q + r1] * t + u;
      dx[q + r2] = dy[q + r2] * s + x[q + r2] * t + u;
      dx[q + r3] = dy[q + r3] * s + x[q + r3] * t + u;
    }
  }
  for (; p < x.length; p += channels) for (let c = 0; c < channels; c++) dx[p + c] = dy[p + c] * a[c] + x[p + c] * k1[c] + k0[c];
}
