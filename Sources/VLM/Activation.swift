import Foundation
import VectorKernels

/// The pointwise non-linearities of the three model families, applied in place.
///
/// Elementwise, so no FLOPs are counted; but they touch every hidden unit, so large matrices are
/// split across cores.
public enum Activation: Sendable {
  /// Exact GELU, `x · Φ(x)` (PyTorch's `nn.GELU()`: QueCC, TokenPacker and the projector), with
  /// erf to 1.5 × 10⁻⁷ (`VectorKernels`).
  case gelu
  /// CLIP's `x · σ(1.702 x)`.
  case quickGELU
  /// SiLU / swish, `x · σ(x)` (the gate of Qwen's SwiGLU).
  case silu

  public func apply(_ x: inout Matrix) {
    x.values.withUnsafeMutableBufferPointer { values in
      nonisolated(unsafe) let values = values
      forEachChunk(values.count) { range in apply(to: UnsafeMutableBufferPointer(rebasing: values[range])) }
    }
  }

  /// Applies the non-linearity in place to contiguous values (a batch buffer, or one chunk).
  public func apply(to values: UnsafeMutableBufferPointer<Float>) {
    switch self {
    case .gelu: if let base = values.baseAddress { vk_gelu(base, values.count) }
    case .quickGELU: VectorMath.sigmoidGate(values, slope: 1.702)
    case .silu: VectorMath.sigmoidGate(values, slope: 1)
    }
  }
}
