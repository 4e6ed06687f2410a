// Elementwise kernels of the inference engine that must be vectorised at the CPU's own width:
// softmax (exp) and the sigmoid gates (SiLU, quick-GELU). Swift's SIMD types compile to the
// x86-64 baseline (SSE, 4 lanes); these C functions are built for AVX-512, AVX2+FMA and the
// baseline and pick one at load time (see VectorKernels.c).
#ifndef VECTOR_KERNELS_H
#define VECTOR_KERNELS_H

/// Replaces every x[i] by exp(x[i] − shift) and returns their sum (a softmax's numerator pass).
float vk_exponentiate(float *x, long count, float shift);

/// Replaces x[0..<count] by its softmax, exp(x[i] − max) / Σ exp(x[j] − max).
void vk_softmax(float *x, long count);

/// Replaces every x[i] by the exact GELU x[i] · Φ(x[i]) (erf within 1.5e-7).
void vk_gelu(float *x, long count);

/// Replaces every x[i] by x[i] · σ(slope · x[i]) (SiLU for slope 1, quick-GELU for 1.702).
void vk_sigmoid_gate(float *x, long count, float slope);

#endif
