// exp by Cephes' single-precision algorithm: exp(x) = 2^n · exp(r) with n = round(x / ln 2) and
// |r| ≤ ln 2 / 2, exp(r) by a degree-6 polynomial, 2^n built in the exponent bits. Relative error
// within a few ulp of libm over the clamped range; inputs are clamped to [−87.3, 88] so results
// never overflow to infinity and underflow to ~1.2e-38 instead of 0 — immaterial for the sums and
// ratios they feed.
//
// Every element goes through the same 16-wide block code, the last partial block via a
// zero-padded copy, so an element's result never depends on its position. On x86-64 Linux each
// function is compiled three times (AVX-512, AVX2 with FMA, baseline) and the loader picks the
// best the CPU supports; results can therefore differ in the last bit between machines (FMA
// contraction), never between runs or thread counts on one machine.
#include "VectorKernels.h"

#include <stdint.h>
#include <string.h>

#if defined(__x86_64__) && defined(__linux__) && defined(__clang__)
#define VK_CLONES __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define VK_CLONES
#endif

enum { BLOCK = 16 };

static inline __attribute__((always_inline)) float exp_one(float v) {
  v = v < -87.3f ? -87.3f : v;
  v = v > 88.0f ? 88.0f : v;
  // Adding 1.5 · 2^23 rounds to the nearest integer n and leaves n in the low mantissa bits.
  float shifted = v * 1.44269504f + 12582912.0f;
  float n = shifted - 12582912.0f;
  float r = v - n * 0.693359375f + n * 2.1219444e-4f;
  float p = 1.98756915e-4f;
  p = p * r + 1.39819995e-3f;
  p = p * r + 8.3334519e-3f;
  p = p * r + 4.16657959e-2f;
  p = p * r + 0.166666655f;
  p = p * r + 0.500000012f;
  p = p * r * r + r + 1.0f;
  int32_t bits;
  memcpy(&bits, &shifted, sizeof bits);
  int32_t exponent = (bits - 0x4B400000 + 127) << 23;
  float scale;
  memcpy(&scale, &exponent, sizeof scale);
  return p * scale;
}

static inline __attribute__((always_inline)) void exponentiate_block(float *restrict x, float shift, float *restrict sums) {
  for (int i = 0; i < BLOCK; i++) {
    x[i] = exp_one(x[i] - shift);
    sums[i] += x[i];
  }
}

static inline __attribute__((always_inline)) void gate_block(float *restrict x, float slope) {
  for (int i = 0; i < BLOCK; i++) x[i] = x[i] / (1.0f + exp_one(-slope * x[i]));
}

static inline __attribute__((always_inline)) float exponentiate(float *x, long count, float shift) {
  float sums[BLOCK] = {0};
  long i = 0;
  for (; i + BLOCK <= count; i += BLOCK) exponentiate_block(x + i, shift, sums);
  if (i < count) {
    float tail[BLOCK] = {0}, tailSums[BLOCK] = {0};
    memcpy(tail, x + i, (size_t)(count - i) * sizeof(float));
    exponentiate_block(tail, shift, tailSums);
    memcpy(x + i, tail, (size_t)(count - i) * sizeof(float));
    for (long j = 0; j < count - i; j++) sums[j] += tail[j];
  }
  float total = 0;
  for (int j = 0; j < BLOCK; j++) total += sums[j];
  return total;
}

VK_CLONES float vk_exponentiate(float *x, long count, float shift) { return exponentiate(x, count, shift); }

VK_CLONES void vk_softmax(float *x, long count) {
  if (count <= 0) return;
  // Sixteen running maxima, `m > v ? m : v` (one vector max), then their maximum.
  float maxima[BLOCK];
  for (int j = 0; j < BLOCK; j++) maxima[j] = x[0];
  long i = 0;
  for (; i + BLOCK <= count; i += BLOCK)
    for (int j = 0; j < BLOCK; j++) maxima[j] = maxima[j] > x[i + j] ? maxima[j] : x[i + j];
  for (; i < count; i++) maxima[0] = maxima[0] > x[i] ? maxima[0] : x[i];
  float maximum = maxima[0];
  for (int j = 1; j < BLOCK; j++) maximum = maximum > maxima[j] ? maximum : maxima[j];
  float inverse = 1.0f / exponentiate(x, count, maximum);
  for (long k = 0; k < count; k++) x[k] *= inverse;
}

// erf by Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7, far inside the engine's 1e-4
// parity tolerance), for the exact GELU x · Φ(x) = x · (1 + erf(x / √2)) / 2.
static inline __attribute__((always_inline)) float erf_one(float x) {
  float a = x < 0 ? -x : x;
  float t = 1.0f / (1.0f + 0.3275911f * a);
  float polynomial = ((((1.061405429f * t - 1.453152027f) * t + 1.421413741f) * t - 0.284496736f) * t + 0.254829592f) * t;
  float y = 1.0f - polynomial * exp_one(-a * a);
  return x < 0 ? -y : y;
}

static inline __attribute__((always_inline)) void gelu_block(float *restrict x) {
  for (int i = 0; i < BLOCK; i++) x[i] = 0.5f * x[i] * (1.0f + erf_one(x[i] * 0.70710677f));
}

VK_CLONES void vk_gelu(float *x, long count) {
  long i = 0;
  for (; i + BLOCK <= count; i += BLOCK) gelu_block(x + i);
  if (i < count) {
    float tail[BLOCK] = {0};
    memcpy(tail, x + i, (size_t)(count - i) * sizeof(float));
    gelu_block(tail);
    memcpy(x + i, tail, (size_t)(count - i) * sizeof(float));
  }
}

VK_CLONES void vk_sigmoid_gate(float *x, long count, float slope) {
  long i = 0;
  for (; i + BLOCK <= count; i += BLOCK) gate_block(x + i, slope);
  if (i < count) {
    float tail[BLOCK] = {0};
    memcpy(tail, x + i, (size_t)(count - i) * sizeof(float));
    gate_block(tail, slope);
    memcpy(x + i, tail, (size_t)(count - i) * sizeof(float));
  }
}
