import Foundation

/// Rotary position embedding as in Qwen / LLaMA (`rotate_half` layout): within each head, the
/// pair `(x[j], x[j + d_head/2])` is rotated by the angle `position · θ^(−2j/d_head)`.
///
/// Rotating queries and keys by their absolute position makes `q·k` depend only on the distance
/// between tokens, which is what lets the KV cache store keys once and reuse them at every step.
/// Elementwise, so no FLOPs are counted.
public struct RotaryEmbedding: Sendable {
  public let headWidth: Int
  public let theta: Double

  public init(headWidth: Int, theta: Double) {
    precondition(headWidth % 2 == 0, "rotary embedding needs an even head width")
    self.headWidth = headWidth
    self.theta = theta
  }

  /// Rotates every head of `x: [T, heads · headWidth]`; row `i` is at `startPosition + i`.
  public func apply(_ x: inout Matrix, startPosition: Int) {
    let half = headWidth / 2
    let heads = x.columns / headWidth
    let width = x.columns
    let frequencies = (0..<half).map { pow(theta, -2 * Double($0) / Double(headWidth)) }
    x.values.withUnsafeMutableBufferPointer { values in
      for row in 0..<x.rows {
        let position = Double(startPosition + row)
        let angles = frequencies.map { position * $0 }
        let cosines = angles.map { Float(cos($0)) }
        let sines = angles.map { Float(sin($0)) }
        for head in 0..<heads {
          let base = row * width + head * headWidth
          for j in 0..<half {
            let a = values[base + j]
            let b = values[base + j + half]
            values[base + j] = a * cosines[j] - b * sines[j]
            values[base + j + half] = b * cosines[j] + a * sines[j]
          }
        }
      }
    }
  }
}
