// Training-mode batch norm over the rows of flat NHWC data (every axis but the last, channels),
// with the semantics of the JavaScript passes in batchNormPasses.ts: float64 per-channel sums,
// biased variance Σx²/n − mean², and y and dx as per-channel affine maps. Plain OpenMP loops, so
// that the order of the reductions is ours to fix:
//
// Deterministic whatever the threads: the rows are cut into a fixed number of blocks that depends
// on their count only; each block's sums are added in row order, and the blocks' sums in block order.
#include <omp.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "muConvolutions.h"

namespace {

constexpr int64_t kBlocks = 64;

int64_t blocksFor(int64_t rows) { return std::max<int64_t>(1, std::min(kBlocks, rows)); }

// Per-channel Σf(row)[c] and Σg(row)[c] over all rows, block by block: `add(row, first, second)`
// adds one row's terms to the block's accumulators.
template <typename Add>
void channelSums(int64_t rows, int64_t channels, double* first, double* second, Add add) {
  int64_t blocks = blocksFor(rows);
  std::vector<double> partial(2 * blocks * channels, 0.0);
#pragma omp parallel for schedule(static)
  for (int64_t b = 0; b < blocks; b++) {
    double* s1 = &partial[2 * b * channels];
    double* s2 = s1 + channels;
    for (int64_t row = rows * b / blocks; row < rows * (b + 1) / blocks; row++) add(row, s1, s2);
  }
  std::fill(first, first + channels, 0.0);
  std::fill(second, second + channels, 0.0);
  for (int64_t b = 0; b < blocks; b++) {
    const double* s1 = &partial[2 * b * channels];
    const double* s2 = s1 + channels;
    for (int64_t c = 0; c < channels; c++) {
      first[c] += s1[c];
      second[c] += s2[c];
    }
  }
}

}  // namespace

extern "C" {

void mu_batch_norm_forward(const float* x, const float* gamma, const float* beta, float* y, float* meanOut,
                           float* varianceOut, int64_t rows, int64_t channels, double epsilon) {
  std::vector<double> sum(channels), squares(channels);
  channelSums(rows, channels, sum.data(), squares.data(), [&](int64_t row, double* s, double* q) {
    const float* v = x + row * channels;
    for (int64_t c = 0; c < channels; c++) {
      double value = v[c];
      s[c] += value;
      q[c] += value * value;
    }
  });
  std::vector<float> scale(channels), shift(channels);
  for (int64_t c = 0; c < channels; c++) {
    double mean = sum[c] / rows;
    double variance = std::max(0.0, squares[c] / rows - mean * mean);
    double s = gamma[c] / std::sqrt(variance + epsilon);
    scale[c] = static_cast<float>(s);
    shift[c] = static_cast<float>(beta[c] - mean * s);
    meanOut[c] = static_cast<float>(mean);
    varianceOut[c] = static_cast<float>(variance);
  }
  const float* s = scale.data();
  const float* t = shift.data();
#pragma omp parallel for schedule(static)
  for (int64_t row = 0; row < rows; row++) {
    const float* v = x + row * channels;
    float* out = y + row * channels;
    for (int64_t c = 0; c < channels; c++) out[c] = v[c] * s[c] + t[c];
  }
}

void mu_batch_norm_backward(const float* dy, const float* x, const float* mean, const float* variance,
                            const float* gamma, float* dx, float* dGammaOut, float* dBetaOut, int64_t rows,
                            int64_t channels, double epsilon) {
  std::vector<double> dySum(channels), dyXSum(channels);
  channelSums(rows, channels, dySum.data(), dyXSum.data(), [&](int64_t row, double* s, double* q) {
    const float* d = dy + row * channels;
    const float* v = x + row * channels;
    for (int64_t c = 0; c < channels; c++) {
      double g = d[c];
      s[c] += g;
      q[c] += g * v[c];
    }
  });
  std::vector<float> a(channels), k1(channels), k0(channels);
  for (int64_t c = 0; c < channels; c++) {
    double r = 1 / std::sqrt(variance[c] + epsilon);
    double ac = gamma[c] * r;
    double dGamma = (dyXSum[c] - mean[c] * dySum[c]) * r;
    double k1c = -ac * dGamma * r / rows;
    a[c] = static_cast<float>(ac);
    k1[c] = static_cast<float>(k1c);
    k0[c] = static_cast<float>(-ac * dySum[c] / rows - k1c * mean[c]);
    dGammaOut[c] = static_cast<float>(dGamma);
    dBetaOut[c] = static_cast<float>(dySum[c]);
  }
  const float* pa = a.data();
  const float* p1 = k1.data();
  const float* p0 = k0.data();
#pragma omp parallel for schedule(static)
  for (int64_t row = 0; row < rows; row++) {
    const float* d = dy + row * channels;
    const float* v = x + row * channels;
    float* out = dx + row * channels;
    for (int64_t c = 0; c < channels; c++) out[c] = d[c] * pa[c] + v[c] * p1[c] + p0[c];
  }
}

}  // extern "C"
