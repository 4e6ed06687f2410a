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
      forEachChunk(values.count) { range in
        for i in range { values[i] = self.value(values[i]) }
      }
    }
  }

  @inline(__always)
  func value(_ x: Float) -> Float {
    switch self {
    case .gelu: 0.5 * x * (1 + erf(x * 0.707_106_77))
    case .quickGELU: x / (1 + exp(-1.702 * x))
    case .silu: x / (1 + exp(-x))
    }
  }
}
