import Foundation

/// Rotary position embedding as in Qwen / LLaMA (`rotate_half` layout): within each head, the
/// pair `(x[j], x[j + d_head/2])` is rotated by the angle `position · θ^(−2j/d_head)`.
///
/// Rotating queries and keys by their absolute position makes `q·k` depend only on the distance
/// between tokens, which is what lets the KV cache store keys once and reuse them at every step.
/// The cosines and sines of one forward pass are computed once (`table`) and shared by every
/// layer. Elementwise, so no FLOPs are counted.
public struct RotaryEmbedding: Sendable {
  public let headWidth: Int
  public let theta: Double

  /// Cosines and sines for a run of consecutive positions, `[position][j]` flattened.
  public struct Table: Sendable {
    let cosines: [Float]
    let sines: [Float]
  }

  public init(headWidth: Int, theta: Double) {
    precondition(headWidth % 2 == 0, "rotary embedding needs an even head width")
    self.headWidth = headWidth
    self.theta = theta
  }

  /// The angles of positions `startPosition ..< startPosition + count`.
  public func table(startPosition: Int, count: Int) -> Table {
    let half = headWidth / 2
    let frequencies = (0..<half).map { pow(theta, -2 * Double($0) / Double(headWidth)) }
    var cosines = [Float](), sines = [Float]()
    cosines.reserveCapacity(count * half)
    sines.reserveCapacity(count * half)
    for position in startPosition..<(startPosition + count) {
      for frequency in frequencies {
        cosines.append(Float(cos(Double(position) * frequency)))
        sines.append(Float(sin(Double(position) * frequency)))
      }
    }
    return Table(cosines: cosines, sines: sines)
  }

  /// Rotates every head of `x: [T, heads · headWidth]`; row `i` is at `startPosition + i`.
  public func apply(_ x: inout Matrix, startPosition: Int) {
    apply(&x, table: table(startPosition: startPosition, count: x.rows))
  }

  /// Rotates every head of `x` with precomputed angles (`table` must cover `x.rows` positions).
  public func apply(_ x: inout Matrix, table: Table) {
    let half = headWidth / 2
    let heads = x.columns / headWidth
    let width = x.columns
    precondition(table.cosines.count >= x.rows * half, "rotary table covers fewer positions than the matrix has rows")
    x.values.withUnsafeMutableBufferPointer { values in
      table.cosines.withUnsafeBufferPointer { cosines in
        table.sines.withUnsafeBufferPointer { sines in
          for row in 0..<x.rows {
            for head in 0..<heads {
              let base = row * width + head * headWidth
              for j in 0..<half {
                let a = values[base + j]
                let b = values[base + j + half]
                let c = cosines[row * half + j], s = sines[row * half + j]
                values[base + j] = a * c - b * s
                values[base + j + half] = b * c + a * s
              }
            }
          }
        }
      }
    }
  }
}
