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
    precondition(table.cosines.count >= x.rows * headWidth / 2, "rotary table covers fewer positions than the matrix has rows")
    let (rows, width) = (x.rows, x.columns)
    x.values.withUnsafeMutableBufferPointer { values in
      guard let base = values.baseAddress else { return }
      apply(to: base, rows: rows, rowStride: width, width: width, table: table) { $0 }
    }
  }

  /// Rotates the first `width` columns of `rows` rows spaced `rowStride` apart, row `r` at the
  /// table's position `position(r)`: a batch of equal-length sequences shares one table, each
  /// row at its position within its own sequence.
  public func apply(
    to x: UnsafeMutablePointer<Float>, rows: Int, rowStride: Int, width: Int, table: Table, position: (Int) -> Int
  ) {
    let half = headWidth / 2
    let heads = width / headWidth
    table.cosines.withUnsafeBufferPointer { cosines in
      table.sines.withUnsafeBufferPointer { sines in
        for row in 0..<rows {
          let angles = position(row) * half
          precondition(angles + half <= cosines.count, "rotary table covers fewer positions than the rows need")
          for head in 0..<heads {
            let base = x + row * rowStride + head * headWidth
            for j in 0..<half {
              let a = base[j]
              let b = base[j + half]
              let c = cosines[angles + j], s = sines[angles + j]
              base[j] = a * c - b * s
              base[j + half] = b * c + a * s
            }
          }
        }
      }
    }
  }
}
