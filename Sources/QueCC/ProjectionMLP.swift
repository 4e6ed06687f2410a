import VLM

/// QueCC's projection block, `Linear → GELU → Linear → LayerNorm(ε = 10⁻⁶)`, used for its
/// queries, keys and values. Parameter names are the `nn.Sequential` indices 0, 2, 3.
struct ProjectionMLP: Sendable {
  let first: Linear
  let second: Linear
  let norm: LayerNorm

  init(_ weights: Weights, inputs: Int, width: Int) throws(WeightsError) {
    first = try Linear(weights.scoped("0"), inputs: inputs, outputs: width, bias: true)
    second = try Linear(weights.scoped("2"), inputs: width, outputs: width, bias: true)
    norm = try LayerNorm(weights.scoped("3"), width: width, epsilon: 1e-6)
  }

  static func parameters(inputs: Int, width: Int) -> [ParameterSpec] {
    Linear.parameters(inputs: inputs, outputs: width, bias: true).scoped("0")
      + Linear.parameters(inputs: width, outputs: width, bias: true).scoped("2")
      + LayerNorm.parameters(width: width).scoped("3")
  }

  /// `[T, inputs] → [T, width]`, `2·T·(inputs·width + width²)` FLOPs.
  func callAsFunction(_ x: Matrix, flops: inout Int) -> Matrix {
    var hidden = first(x, flops: &flops)
    Activation.gelu.apply(&hidden)
    return norm(second(hidden, flops: &flops))
  }
}
