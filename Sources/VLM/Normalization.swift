import Foundation

/// A normalisation applied to each row on its own (LayerNorm, RMSNorm): one `normalize` over raw
/// rows serves both matrices and the batch buffers.
public protocol RowNormalization: Sendable {
  /// The gain vector, one entry per column.
  var weight: [Float] { get }
  /// Normalises `rows` contiguous rows of `weight.count` values from `input` into `output`
  /// (which may be `input`).
  func normalize(rows: Int, input: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>)
}

extension RowNormalization {
  /// Normalises every row; elementwise, so no FLOPs are counted.
  public func callAsFunction(_ x: Matrix) -> Matrix {
    precondition(x.columns == weight.count, "\(Self.self) of width \(weight.count) on \(x.columns) columns")
    var out = x
    out.values.withUnsafeMutableBufferPointer { o in
      nonisolated(unsafe) let o = o
      forEachChunk(x.rows, minimumChunk: max(1, 32_768 / max(x.columns, 1))) { rows in
        guard !rows.isEmpty else { return }
        normalize(rows: rows.count, input: o.baseAddress! + rows.lowerBound * x.columns, output: o.baseAddress! + rows.lowerBound * x.columns)
      }
    }
    return out
  }
}

/// LayerNorm over each row: `(x − mean) / √(var + ε) · γ + β` (CLIP, QueCC, TokenPacker).
public struct LayerNorm: RowNormalization {
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

  /// Normalises `rows` contiguous rows of `weight.count` values from `input` into `output`
  /// (which may be `input`): the one implementation of the norm, for matrices and batch buffers.
  @inline(__always)
  public func normalize(rows: Int, input: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>) {
    let width = weight.count
    weight.withUnsafeBufferPointer { gain in
      bias.withUnsafeBufferPointer { shift in
        for r in 0..<rows {
          let x = input + r * width, y = output + r * width
          var mean: Float = 0
          for c in 0..<width { mean += x[c] }
          mean /= Float(width)
          var variance: Float = 0
          for c in 0..<width { variance += (x[c] - mean) * (x[c] - mean) }
          let scale = 1 / (variance / Float(width) + epsilon).squareRoot()
          for c in 0..<width { y[c] = (x[c] - mean) * scale * gain[c] + shift[c] }
        }
      }
    }
  }
}

/// RMSNorm over each row: `x / √(mean(x²) + ε) · γ` (Qwen's norm; no mean, no bias).
public struct RMSNorm: RowNormalization {
  public let weight: [Float]
  public let epsilon: Float

  public init(_ weights: Weights, width: Int, epsilon: Float) throws(WeightsError) {
    self.weight = try weights.vector("weight", count: width)
    self.epsilon = epsilon
  }

  public static func parameters(width: Int) -> [ParameterSpec] {
    [ParameterSpec(name: "weight", shape: [width], initialization: .constant(1))]
  }

  /// Normalises `rows` contiguous rows of `weight.count` values from `input` into `output`
  /// (which may be `input`).
  @inline(__always)
  public func normalize(rows: Int, input: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>) {
    let width = weight.count
    weight.withUnsafeBufferPointer { gain in
      for r in 0..<rows {
        let x = input + r * width, y = output + r * width
        var squares: Float = 0
        for c in 0..<width { squares += x[c] * x[c] }
        let scale = 1 / (squares / Float(width) + epsilon).squareRoot()
        for c in 0..<width { y[c] = x[c] * scale * gain[c] }
      }
    }
  }
}
