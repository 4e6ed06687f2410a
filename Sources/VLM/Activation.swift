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
        let chunk = UnsafeMutableBufferPointer(rebasing: values[range])
        switch self {
        case .gelu: for i in chunk.indices { chunk[i] = 0.5 * chunk[i] * (1 + erf(chunk[i] * 0.707_106_77)) }
        case .quickGELU: VectorMath.sigmoidGate(chunk, slope: 1.702)
        case .silu: VectorMath.sigmoidGate(chunk, slope: 1)
        }
      }
    }
  }
}
