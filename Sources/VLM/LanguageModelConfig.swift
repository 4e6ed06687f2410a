/// Shape of a Qwen-style decoder-only LLM (Qwen1.5: RMSNorm, rotary positions with θ = 10⁶,
/// SwiGLU MLP, multi-head attention with biased q/k/v projections, untied LM head).
public struct LanguageModelConfig: Sendable, Equatable, Codable {
  public var vocabularySize: Int
  public var width: Int
  public var layers: Int
  public var heads: Int
  /// Inner width of the SwiGLU MLP.
  public var mlpWidth: Int
  public var ropeTheta: Double
  public var rmsEpsilon: Float

  public init(vocabularySize: Int, width: Int, layers: Int, heads: Int, mlpWidth: Int,
              ropeTheta: Double = 1_000_000, rmsEpsilon: Float = 1e-6) {
    self.vocabularySize = vocabularySize
    self.width = width
    self.layers = layers
    self.heads = heads
    self.mlpWidth = mlpWidth
    self.ropeTheta = ropeTheta
    self.rmsEpsilon = rmsEpsilon
  }

  public var headWidth: Int { width / heads }

  /// `N`: every parameter, embeddings and LM head included (how the paper counts model size).
  public var parameterCount: Int { LanguageModel.parameters(self).parameterCount }
}
