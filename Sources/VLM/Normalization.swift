import Foundation

/// LayerNorm over each row: `(x − mean) / √(var + ε) · γ + β` (CLIP, QueCC, TokenPacker).
public struct LayerNorm: Sendable {
  public let weight: [Float]
  public let bias: [Float]
  public let epsilon: Float

  public init(_ weights: Weights, width: Int, epsilon: Float) throws(WeightsError) {
    self.weight = try weights.vector("weight", count: width)
    self.bias = try weights.vector("bias", count: width)
    self.epsilon = epsilon
  }

  /// Gain 1 and bias 0, PyTorch's initialisation.
  public static func parameters(width: Int) -> [ParameterSpec] {
    [ParameterSpec(name: "weight", shape: [width], initialization: .constant(1)),
     ParameterSpec(name: "bias", shape: [width], initialization: .constant(0))]
  }

  /// Normalises every row; elementwise, so no FLOPs are counted.
  public func callAsFunction(_ x: Matrix) -> Matrix {
    precondition(x.columns == weight.count, "LayerNorm of width \(weight.count) on \(x.columns) columns")
    var out = x
    let width = x.columns
    out.values.withUnsafeMutableBufferPointer { o in
      nonisolated(unsafe) let o = o
      forEachChunk(x.rows, minimumChunk: max(1, 32_768 / max(width, 1))) { rows in
        for r in rows {
          let row = UnsafeMutableBufferPointer(rebasing: o[(r * width)..<((r + 1) * width)])
          var mean: Float = 0
          for v in row { mean += v }
          mean /= Float(width)
          var variance: Float = 0
          for v in row { variance += (v - mean) * (v - mean) }
          let scale = 1 / (variance / Float(width) + epsilon).squareRoot()
          for c in 0..<width { row[c] = (row[c] - mean) * scale * weight[c] + bias[c] }
        }
      }
    }
    return out
  }
}

/// RMSNorm over each row: `x / √(mean(x²) + ε) · γ` (Qwen's norm; no mean, no bias).
public struct RMSNorm: Sendable {
  public let weight: [Float]
  public let epsilon: Float

  public init(_ weights: Weights, width: Int, epsilon: Float) throws(WeightsError) {
    self.weight = try weights.vector("weight", count: width)
    self.epsilon = epsilon
  }

  public static func parameters(width: Int) -> [ParameterSpec] {
    [ParameterSpec(name: "weight", shape: [width], initialization: .constant(1))]
  }

  /// Normalises every row; elementwise, so no FLOPs are counted.
  public func callAsFunction(_ x: Matrix) -> Matrix {
    precondition(x.columns == weight.count, "RMSNorm of width \(weight.count) on \(x.columns) columns")
    var out = x
    let width = x.columns
    out.values.withUnsafeMutableBufferPointer { o in
      nonisolated(unsafe) let o = o
      forEachChunk(x.rows, minimumChunk: max(1, 32_768 / max(width, 1))) { rows in
        for r in rows {
          let row = UnsafeMutableBufferPointer(rebasing: o[(r * width)..<((r + 1) * width)])
          var squares: Float = 0
          for v in row { squares += v * v }
          let scale = 1 / (squares / Float(width) + epsilon).squareRoot()
          for c in 0..<width { row[c] = row[c] * scale * weight[c] }
        }
      }
    }
    return out
  }
}
