/// A Qwen-style decoder-only language model with a KV cache: prefill, then greedy decoding.
///
/// Inputs are embeddings, not token ids, because a VLM's sequence mixes projected visual tokens
/// with embedded text. Parameter names follow Hugging Face's Qwen2 (`model.layers.3.self_attn.q_proj`).
public struct LanguageModel: Sendable {
  public let config: LanguageModelConfig
  let embedTokens: Matrix
  let layers: [DecoderLayer]
  let norm: RMSNorm
  let head: Linear
  let rotary: RotaryEmbedding

  /// - Parameter tiedHead: use `embed_tokens` as the LM head (tied embeddings) instead of
  ///   reading `lm_head.weight`.
  public init(_ weights: Weights, config: LanguageModelConfig, tiedHead: Bool = false) throws(WeightsError) {
    self.config = config
    let model = weights.scoped("model")
    self.embedTokens = try model.matrix("embed_tokens.weight", rows: config.vocabularySize, columns: config.width)
    var layers: [DecoderLayer] = []
    for index in 0..<config.layers {
      layers.append(try DecoderLayer(model.scoped("layers.\(index)"), config: config))
    }
    self.layers = layers
    self.norm = try RMSNorm(model.scoped("norm"), width: config.width, epsilon: config.rmsEpsilon)
    self.head = tiedHead
      ? Linear(weight: embedTokens, bias: nil)
      : try Linear(weights.scoped("lm_head"), inputs: config.width, outputs: config.vocabularySize, bias: false)
    self.rotary = RotaryEmbedding(headWidth: config.headWidth, theta: config.ropeTheta)
  }

  public static func parameters(_ config: LanguageModelConfig) -> [ParameterSpec] {
    let embedding = ParameterSpec(name: "embed_tokens.weight", shape: [config.vocabularySize, config.width],
                                  initialization: .uniform(bound: 1))
    let model = [embedding]
      + (0..<config.layers).flatMap { DecoderLayer.parameters(config).scoped("layers.\($0)") }
      + RMSNorm.parameters(width: config.width).scoped("norm")
    return model.scoped("model")
      + Linear.parameters(inputs: config.width, outputs: config.vocabularySize, bias: false).scoped("lm_head")
  }

  /// An empty cache for up to `capacity` tokens.
  public func makeCache(capacity: Int) -> KVCache {
    KVCache(layers: config.layers, width: config.width, capacity: capacity)
  }

  /// `[tokens.count, width]` token embeddings (a lookup: no FLOPs).
  public func embed(_ tokens: [Int]) -> Matrix {
    precondition(tokens.allSatisfy { (0..<config.vocabularySize).contains($0) }, "token id outside the vocabulary")
    return embedTokens.gathering(rows: tokens)
  }

  /// Runs the decoder on `embeddings`, placed after the `cache.count` tokens already cached, and
  /// returns the final-normed hidden states `[T, width]`. FLOPs per layer:
  /// `2·T·(4·width² + 3·width·mlp) + 4·T·(cache.count + T)·width`.
  public func hiddenStates(_ embeddings: Matrix, cache: inout KVCache, flops: inout Int) -> Matrix {
    var hidden = embeddings
    let angles = rotary.table(startPosition: cache.count, count: embeddings.rows)
    for (index, layer) in layers.enumerated() {
      hidden = layer(hidden, index: index, cache: &cache, rotary: rotary, angles: angles, flops: &flops)
    }
    cache.count += embeddings.rows
    return norm(hidden)
  }

  /// Next-token logits from one hidden state row (`2·width·vocabulary` FLOPs).
  public func logits(_ hidden: Matrix, row: Int, flops: inout Int) -> [Float] {
    head(hidden.rows(row..<(row + 1)), flops: &flops).values
  }

  /// Prefill: the whole prompt in one pass, then logits for the last position only (the other
  /// positions' logits are never used in generation, so they are not computed).
  public func prefill(_ embeddings: Matrix, cache: inout KVCache, flops: inout Int) -> [Float] {
    let hidden = hiddenStates(embeddings, cache: &cache, flops: &flops)
    return logits(hidden, row: hidden.rows - 1, flops: &flops)
  }

  /// One decoding step: the newest token through the cached context, logits for the next.
  public func decodeStep(_ token: Int, cache: inout KVCache, flops: inout Int) -> [Float] {
    let hidden = hiddenStates(embed([token]), cache: &cache, flops: &flops)
    return logits(hidden, row: 0, flops: &flops)
  }

  /// Greedy choice: the first index of the largest logit.
  public static func argmax(_ logits: [Float]) -> Int {
    logits.indices.max { logits[$0] < logits[$1] || (logits[$0] == logits[$1] && $0 > $1) } ?? 0
  }
}

/// One Qwen decoder layer: `x + o(attn(rope(q), rope(k), v))` on RMS-normed input, then
/// `h + down(silu(gate(h')) ⊙ up(h'))`.
struct DecoderLayer: Sendable {
  let inputNorm: RMSNorm
  let query: Linear
  let key: Linear
  let value: Linear
  let output: Linear
  let postAttentionNorm: RMSNorm
  let gate: Linear
  let up: Linear
  let down: Linear
  let heads: Int

  init(_ weights: Weights, config: LanguageModelConfig) throws(WeightsError) {
    let d = config.width
    let attention = weights.scoped("self_attn")
    inputNorm = try RMSNorm(weights.scoped("input_layernorm"), width: d, epsilon: config.rmsEpsilon)
    query = try Linear(attention.scoped("q_proj"), inputs: d, outputs: d, bias: true)
    key = try Linear(attention.scoped("k_proj"), inputs: d, outputs: d, bias: true)
    value = try Linear(attention.scoped("v_proj"), inputs: d, outputs: d, bias: true)
    output = try Linear(attention.scoped("o_proj"), inputs: d, outputs: d, bias: false)
    postAttentionNorm = try RMSNorm(weights.scoped("post_attention_layernorm"), width: d, epsilon: config.rmsEpsilon)
    gate = try Linear(weights.scoped("mlp.gate_proj"), inputs: d, outputs: config.mlpWidth, bias: false)
    up = try Linear(weights.scoped("mlp.up_proj"), inputs: d, outputs: config.mlpWidth, bias: false)
    down = try Linear(weights.scoped("mlp.down_proj"), inputs: config.mlpWidth, outputs: d, bias: false)
    heads = config.heads
  }

  static func parameters(_ config: LanguageModelConfig) -> [ParameterSpec] {
    let d = config.width
    let biased = Linear.parameters(inputs: d, outputs: d, bias: true)
    return RMSNorm.parameters(width: d).scoped("input_layernorm")
      + ["q_proj", "k_proj", "v_proj"].flatMap { biased.scoped("self_attn.\($0)") }
      + Linear.parameters(inputs: d, outputs: d, bias: false).scoped("self_attn.o_proj")
      + RMSNorm.parameters(width: d).scoped("post_attention_layernorm")
      + Linear.parameters(inputs: d, outputs: config.mlpWidth, bias: false).scoped("mlp.gate_proj")
      + Linear.parameters(inputs: d, outputs: config.mlpWidth, bias: false).scoped("mlp.up_proj")
      + Linear.parameters(inputs: config.mlpWidth, outputs: d, bias: false).scoped("mlp.down_proj")
  }

  func callAsFunction(
    _ x: Matrix, index: Int, cache: inout KVCache, rotary: RotaryEmbedding, angles: RotaryEmbedding.Table, flops: inout Int
  ) -> Matrix {
    let normed = inputNorm(x)
    var q = query(normed, flops: &flops)
    var k = key(normed, flops: &flops)
    rotary.apply(&q, table: angles)
    rotary.apply(&k, table: angles)
    cache.store(layer: index, keys: k, values: value(normed, flops: &flops))
    let attended = Attention.multiHead(
      queries: q, keys: cache.keys[index], values: cache.values[index], keyCount: cache.count + x.rows,
      heads: heads, causal: true, flops: &flops)
    let h = x + output(attended, flops: &flops)
    let normed2 = postAttentionNorm(h)
    var gated = gate(normed2, flops: &flops)
    Activation.silu.apply(&gated)
    let upped = up(normed2, flops: &flops)
    gated.values.withUnsafeMutableBufferPointer { g in
      upped.values.withUnsafeBufferPointer { u in
        for i in 0..<g.count { g[i] *= u[i] }
      }
    }
    return h + down(gated, flops: &flops)
  }
}
