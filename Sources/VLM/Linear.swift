/// A fully connected layer `y = x · Wᵀ + b`, with `W` stored `[outputs, inputs]` as in PyTorch.
public struct Linear: Sendable {
  public let weight: Matrix
  public let bias: [Float]?

  public init(weight: Matrix, bias: [Float]?) {
    precondition(bias == nil || bias!.count == weight.rows, "bias of \(bias?.count ?? 0) for \(weight.rows) outputs")
    self.weight = weight
    self.bias = bias
  }

  /// Loads `weight` (and `bias` if the layer has one) from `weights`.
  public init(_ weights: Weights, inputs: Int, outputs: Int, bias: Bool) throws(WeightsError) {
    self.init(weight: try weights.matrix("weight", rows: outputs, columns: inputs),
              bias: bias ? try weights.vector("bias", count: outputs) : nil)
  }

  /// The parameters `init(_:inputs:outputs:bias:)` reads, initialised as PyTorch does (±1/√inputs).
  public static func parameters(inputs: Int, outputs: Int, bias: Bool) -> [ParameterSpec] {
    let initialization = ParameterSpec.Initialization.uniform(bound: 1 / Float(inputs).squareRoot())
    let weight = ParameterSpec(name: "weight", shape: [outputs, inputs], initialization: initialization)
    return bias ? [weight, ParameterSpec(name: "bias", shape: [outputs], initialization: initialization)] : [weight]
  }

  public var inputs: Int { weight.columns }
  public var outputs: Int { weight.rows }

  /// `[T, inputs] → [T, outputs]`; counts `2·T·inputs·outputs` FLOPs (the bias add is elementwise).
  public func callAsFunction(_ x: Matrix, flops: inout Int) -> Matrix {
    let y = BLAS.multiply(x, transposing: weight, flops: &flops)
    guard let bias else { return y }
    return y.addingToEveryRow(bias)
  }
}
