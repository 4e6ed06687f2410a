/// The paper's cost model: inference FLOPs of a VLM ≈ `2 · N · (Q + V)`.
///
/// With `N` in billions of parameters, the value is in GFLOP (10⁹ FLOP) per query, the unit of
/// the x axis of the paper's figures. The vision encoder, any compressor and decoding are left
/// out on purpose — that is the paper's model (the inference-cost experiment measures what it
/// leaves out).
public enum InferenceCompute {
  /// Inference compute in GFLOP for `NBillion` billion parameters, `Q` text and `V` visual tokens.
  @inlinable
  public static func gflops(NBillion: Double, Q: Double, V: Double) -> Double {
    2 * NBillion * (Q + V)
  }

  /// The LLM size, in billions of parameters, that spends exactly `budget` GFLOP on `Q + V` tokens.
  @inlinable
  public static func parametersBillion(forBudgetGFLOP budget: Double, Q: Double, V: Double) -> Double {
    budget / (2 * (Q + V))
  }
}
