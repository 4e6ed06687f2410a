import Foundation

/// The pointwise non-linearities of the three model families, applied in place.
///
/// Elementwise, so no FLOPs are counted; but they touch every hidden unit, so large matrices are
/// split across cores.
public enum Activation: Sendable {
  /// Exact GELU, `x · Φ(x)` (PyTorch's `nn.GELU()`: QueCC, TokenPacker and the projector).
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
    case .gelu: for i in values.indices { values[i] = 0.5 * values[i] * (1 + erf(values[i] * 0.707_106_77)) }
    case .quickGELU: VectorMath.sigmoidGate(values, slope: 1.702)
    case .silu: VectorMath.sigmoidGate(values, slope: 1)
    }
  }
}
