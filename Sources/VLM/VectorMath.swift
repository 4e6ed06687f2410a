import VectorKernels

/// The elementwise passes that call `exp` millions of times per forward pass (softmax over
/// attention scores, SiLU, quick-GELU), done by the C kernels of `VectorKernels`: Swift's SIMD
/// types compile to the x86-64 baseline (SSE), the kernels to the CPU's own vector width (the
/// algorithm, accuracy and clamping are documented there).
enum VectorMath {
  /// Replaces every `x` by `exp(x − shift)` and returns their sum (the softmax numerator pass).
  static func exponentiate(_ x: UnsafeMutableBufferPointer<Float>, subtracting shift: Float) -> Float {
    guard let base = x.baseAddress else { return 0 }
    return vk_exponentiate(base, x.count, shift)
  }

  /// Replaces every `x` by `x · σ(slope · x)` (SiLU for slope 1, quick-GELU for 1.702).
  static func sigmoidGate(_ x: UnsafeMutableBufferPointer<Float>, slope: Float) {
    guard let base = x.baseAddress else { return }
    vk_sigmoid_gate(base, x.count, slope)
  }
}
