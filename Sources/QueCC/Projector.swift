import VLM

/// LLaVA's `mlp2x_gelu` projector, `Linear(d → d_llm) → GELU → Linear(d_llm → d_llm)`, mapping
/// compressed visual tokens into the LLM's embedding space. Names are the `nn.Sequential`
/// indices 0 and 2.
public struct Projector: Sendable {
  let first: Linear
  let second: Linear

  public init(_ weights: Weights, visionWidth: Int, textWidth: Int) throws(WeightsError) {
    first = try Linear(weights.scoped("0"), inputs: visionWidth, outputs: textWidth, bias: true)
    second = try Linear(weights.scoped("2"), inputs: textWidth, outputs: textWidth, bias: true)
  }

  public static func parameters(visionWidth: Int, textWidth: Int) -> [ParameterSpec] {
    Linear.parameters(inputs: visionWidth, outputs: textWidth, bias: true).scoped("0")
      + Linear.parameters(inputs: textWidth, outputs: textWidth, bias: true).scoped("2")
  }

  /// `[V, d] → [V, d_llm]`, `2·V·(d·d_llm + d_llm²)` FLOPs.
  public func callAsFunction(_ x: Matrix, flops: inout Int) -> Matrix {
    var hidden = first(x, flops: &flops)
    Activation.gelu.apply(&hidden)
    return second(hidden, flops: &flops)
  }
}
