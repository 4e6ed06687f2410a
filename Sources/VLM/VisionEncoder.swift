/// What the vision tower hands to a compressor: the patch grid, class token dropped.
public struct VisionFeatures: Sendable {
  /// `[patchCount, width]`, the penultimate block's output (LLaVA's `x`).
  public var patches: Matrix
  /// `[patchCount, 4·width]`, the multi-level features QueCC uses for keys and values.
  public var multiLevel: Matrix
  /// Patches per side: rows are the grid in row-major order.
  public var gridSide: Int

  public init(patches: Matrix, multiLevel: Matrix, gridSide: Int) {
    self.patches = patches
    self.multiLevel = multiLevel
    self.gridSide = gridSide
  }
}

/// A CLIP ViT vision tower: patch embedding (a stride-`patch` convolution, done as one GEMM on
/// the unfolded patches), class token, learned positions, pre-LayerNorm, then pre-norm blocks of
/// multi-head self-attention and a quick-GELU MLP. Parameter names follow Hugging Face's CLIP.
public struct VisionEncoder: Sendable {
  public let config: VisionConfig
  let patchEmbedding: Matrix
  let classEmbedding: [Float]
  let positionEmbedding: Matrix
  let preNorm: LayerNorm
  let blocks: [VisionBlock]

  public init(_ weights: Weights, config: VisionConfig) throws(WeightsError) {
    let embeddings = weights.scoped("embeddings")
    self.config = config
    self.patchEmbedding = Matrix(
      rows: config.width, columns: config.patchValues,
      values: try embeddings.tensor("patch_embedding.weight", shape: [config.width, 3, config.patchSide, config.patchSide]))
    self.classEmbedding = try embeddings.vector("class_embedding", count: config.width)
    self.positionEmbedding = try embeddings.matrix("position_embedding.weight", rows: config.sequenceLength, columns: config.width)
    self.preNorm = try LayerNorm(weights.scoped("pre_layrnorm"), width: config.width, epsilon: 1e-5)
    var blocks: [VisionBlock] = []
    for index in 0..<config.computedBlocks {
      blocks.append(try VisionBlock(weights.scoped("encoder.layers.\(index)"), config: config))
    }
    self.blocks = blocks
  }

  public static func parameters(_ config: VisionConfig) -> [ParameterSpec] {
    let scale = 1 / Float(config.width).squareRoot()
    let embeddings = [
      ParameterSpec(name: "patch_embedding.weight", shape: [config.width, 3, config.patchSide, config.patchSide],
                    initialization: .uniform(bound: 1 / Float(config.patchValues).squareRoot())),
      ParameterSpec(name: "class_embedding", shape: [config.width], initialization: .uniform(bound: scale)),
      ParameterSpec(name: "position_embedding.weight", shape: [config.sequenceLength, config.width],
                    initialization: .uniform(bound: scale)),
    ].scoped("embeddings")
    let blocks = (0..<config.computedBlocks).flatMap { VisionBlock.parameters(config).scoped("encoder.layers.\($0)") }
    return embeddings + LayerNorm.parameters(width: config.width).scoped("pre_layrnorm") + blocks
  }

  /// Encodes one image. FLOPs: the patch GEMM `2·P·(3·p²)·width`, then per block
  /// `2·T·(4·width² + 2·width·mlp) + 4·T²·width` for `T = P + 1` tokens.
  public func callAsFunction(_ image: Image, flops: inout Int) -> VisionFeatures {
    features([image], flops: &flops)[0]
  }

  /// `[P, 3·p²]`: row `py·grid + px` holds the patch's pixels in the convolution kernel's
  /// `[channel, ky, kx]` order, so the patch convolution is one matrix product.
  func unfoldPatches(_ image: Image) -> Matrix {
    let p = config.patchSide
    let grid = config.gridSide
    let side = config.imageSide
    var values = [Float](repeating: 0, count: config.patchCount * config.patchValues)
    for py in 0..<grid {
      for px in 0..<grid {
        let base = (py * grid + px) * config.patchValues
        for channel in 0..<3 {
          for ky in 0..<p {
            let source = channel * side * side + (py * p + ky) * side + px * p
            let target = base + (channel * p + ky) * p
            for kx in 0..<p { values[target + kx] = image.pixels[source + kx] }
          }
        }
      }
    }
    return Matrix(rows: config.patchCount, columns: config.patchValues, values: values)
  }
}

/// One pre-norm ViT block: `x + attn(LN₁ x)`, then `h + fc₂(quickGELU(fc₁(LN₂ h)))` (run by
/// `VisionEncoder.features`, a whole batch of images at a time).
struct VisionBlock: Sendable {
  let norm1: LayerNorm
  let query: Linear
  let key: Linear
  let value: Linear
  let output: Linear
  let norm2: LayerNorm
  let fc1: Linear
  let fc2: Linear
  let heads: Int

  init(_ weights: Weights, config: VisionConfig) throws(WeightsError) {
    let width = config.width
    let attention = weights.scoped("self_attn")
    norm1 = try LayerNorm(weights.scoped("layer_norm1"), width: width, epsilon: 1e-5)
    query = try Linear(attention.scoped("q_proj"), inputs: width, outputs: width, bias: true)
    key = try Linear(attention.scoped("k_proj"), inputs: width, outputs: width, bias: true)
    value = try Linear(attention.scoped("v_proj"), inputs: width, outputs: width, bias: true)
    output = try Linear(attention.scoped("out_proj"), inputs: width, outputs: width, bias: true)
    norm2 = try LayerNorm(weights.scoped("layer_norm2"), width: width, epsilon: 1e-5)
    fc1 = try Linear(weights.scoped("mlp.fc1"), inputs: width, outputs: config.mlpWidth, bias: true)
    fc2 = try Linear(weights.scoped("mlp.fc2"), inputs: config.mlpWidth, outputs: width, bias: true)
    heads = config.heads
  }

  static func parameters(_ config: VisionConfig) -> [ParameterSpec] {
    let width = config.width
    let projection = Linear.parameters(inputs: width, outputs: width, bias: true)
    return LayerNorm.parameters(width: width).scoped("layer_norm1")
      + ["q_proj", "k_proj", "v_proj", "out_proj"].flatMap { projection.scoped("self_attn.\($0)") }
      + LayerNorm.parameters(width: width).scoped("layer_norm2")
      + Linear.parameters(inputs: width, outputs: config.mlpWidth, bias: true).scoped("mlp.fc1")
      + Linear.parameters(inputs: config.mlpWidth, outputs: width, bias: true).scoped("mlp.fc2")
  }
}
