/// One LLM size of the miniature grid: a Qwen2-style decoder's width, depth, heads and SwiGLU
/// width (docs/miniature-vlm.md §2).
///
/// The paper's `N` is the LLM's parameter count; for models this small the embedding table and
/// the head would dominate it, so the miniature law counts **non-embedding** parameters, as
/// Kaplan et al. do (`nonEmbeddingParameters`).
public struct LanguageModelShape: Hashable, Codable, Sendable, CustomStringConvertible {
  public var width: Int
  public var layers: Int
  public var heads: Int
  /// Inner width of the SwiGLU MLP.
  public var mlpWidth: Int

  public init(width: Int, layers: Int, heads: Int, mlpWidth: Int) {
    self.width = width
    self.layers = layers
    self.heads = heads
    self.mlpWidth = mlpWidth
  }

  /// The cell-name component, `d32l2`.
  public var name: String { "d\(width)l\(layers)" }
  public var description: String { name }

  /// Parameters of the decoder layers and the final norm: per layer the biased q, k, v
  /// projections `3(d² + d)`, the unbiased output `d²`, SwiGLU `3·d·mlp` and two RMSNorms `2d`;
  /// then the final RMSNorm `d`. The trainer's `non_embedding_parameters` counts the same.
  public var nonEmbeddingParameters: Int {
    let d = width
    return layers * (3 * (d * d + d) + d * d + 3 * d * mlpWidth + 2 * d) + d
  }
}
