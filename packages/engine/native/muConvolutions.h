// The C interface between the N-API glue (mu_native.cc) and libmu_dnnl.so: the oneDNN convolutions
// (dnnlConvolutions.cc) and the batch norm passes (batchNorm.cc). Geometry: [N, H, W, Ci, Co, kh, kw, strideH, strideW, padTop,
// padBottom, padLeft, padRight, Ho, Wo]. The convolutions return null, or an error message.
#pragma once
#include <stdint.h>

#define MU_GEOMETRY_LENGTH 15

#ifdef __cplusplus
extern "C" {
#endif

const char* mu_forward(const float* x, const float* filter, const float* bias, float* y, const int64_t* geometry, int relu);
const char* mu_backward_data(const float* dy, const float* filter, float* dx, const int64_t* geometry);
const char* mu_backward_weights(const float* x, const float* dy, float* dW, const int64_t* geometry);
/** Floats in x, the filter, the bias and y for a geometry; returns 4. */
int64_t mu_sizes(const int64_t* geometry, int64_t* sizes);
/** Batch norm over `rows` rows of `channels` (NHWC): y, the batch mean and the biased variance. */
void mu_batch_norm_forward(const float* x, const float* gamma, const float* beta, float* y, float* mean,
                           float* variance, int64_t rows, int64_t channels, double epsilon);
/** Its gradient: dx, dγ, dβ. */
void mu_batch_norm_backward(const float* dy, const float* x, const float* mean, const float* variance,
                            const float* gamma, float* dx, float* dGamma, float* dBeta, int64_t rows,
                            int64_t channels, double epsilon);
void mu_set_threads(int threads);
int mu_threads(void);
const char* mu_version(void);

#ifdef __cplusplus
}
#endif
