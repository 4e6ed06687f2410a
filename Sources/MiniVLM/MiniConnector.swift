import QueCC
import VLM

/// The connector of a miniature cell: its one compressor and the projector into the LM's width.
///
/// Work is split by what it depends on. `imageState` runs once per image (PruMerge, pooling and
/// TokenPacker compress and project there; QueCC prepares its keys and values), and
/// `visualTokens` runs per question, for many questions at once.
public struct MiniConnector: Sendable {
  public enum Compressor: Sendable {
    case pool(CompressionGrid)
    case tokenPacker(TokenPacker, CompressionGrid)
    case quecc(QueCC, CompressionGrid)
    case pruMerge(PruMerge, tokens: Int)
  }

  /// What the connector keeps per image.
  public enum ImageState: Sendable {
    /// The image's visual tokens, compressed and projected, `[V, d]` (question-independent compressors).
    case tokens(Matrix)
    /// QueCC's per-image keys and values; tokens need the question.
    case quecc(QueCC.ImageContext)
  }

  public let compressor: Compressor
  public let projector: Projector

  init(_ weights: Weights, configuration: MiniCellConfiguration) throws(WeightsError) {
    let w = configuration.vision.width, d = configuration.language.width
    let compressorWeights = weights.scoped("compressor")
    switch configuration.compressor {
    case .pool: compressor = .pool(configuration.grid!)
    case .tokenpacker:
      compressor = .tokenPacker(try TokenPacker(compressorWeights, visionWidth: w, heads: configuration.compressorHeads), configuration.grid!)
    case .quecc:
      let grid = configuration.grid!
      compressor = .quecc(try QueCC(compressorWeights, visionWidth: w, textWidth: d, strides: [grid.stride],
                                    heads: configuration.compressorHeads), grid)
    case .prumerge: compressor = .pruMerge(try PruMerge(compressorWeights, visionWidth: w), tokens: configuration.visualTokens)
    }
    projector = try Projector(weights.scoped("projector"), visionWidth: w, textWidth: d)
  }

  /// The tensors under `connector.` for `configuration`.
  static func parameters(_ configuration: MiniCellConfiguration) -> [ParameterSpec] {
    let w = configuration.vision.width, d = configuration.language.width
    let compressor: [ParameterSpec] =
      switch configuration.compressor {
      case .pool: []
      case .tokenpacker: TokenPacker.parameters(visionWidth: w)
      case .quecc: QueCC.parameters(visionWidth: w, textWidth: d, strides: [configuration.grid!.stride])
      case .prumerge: PruMerge.parameters(visionWidth: w)
      }
    return compressor.scoped("compressor") + Projector.parameters(visionWidth: w, textWidth: d).scoped("projector")
  }

  /// Whether the visual tokens depend on the question (QueCC's query embedding).
  public var readsQuestion: Bool {
    if case .quecc = compressor { return true }
    return false
  }

  /// The compressed tokens `[V, w]` of a question-independent compressor, before projection.
  func compressed(_ features: VisionFeatures, flops: inout Int) -> Matrix? {
    switch compressor {
    case .pool(let grid): AveragePooling.compress(features, grid: grid)
    case .tokenPacker(let packer, let grid): packer(features, grid: grid, flops: &flops)
    case .pruMerge(let merge, let tokens): merge(features, tokens: tokens, flops: &flops)
    case .quecc: nil
    }
  }

  /// The per-image work.
  public func imageState(_ features: VisionFeatures, flops: inout Int) -> ImageState {
    imageStates([features], flops: &flops)[0]
  }

  /// The per-image work for several images, each projection one GEMM over all of them.
  public func imageStates(_ features: [VisionFeatures], flops: inout Int) -> [ImageState] {
    let compressed: Matrix
    switch compressor {
    case .quecc(let quecc, _): return quecc.imageContexts(features, flops: &flops).map(ImageState.quecc)
    case .tokenPacker(let packer, let grid): compressed = packer.compress(features, grid: grid, flops: &flops)
    case .pool, .pruMerge: compressed = Matrix.stacking(features.map { self.compressed($0, flops: &flops)! })
    }
    let tokens = projector(compressed, flops: &flops)
    let V = features.isEmpty ? 0 : tokens.rows / features.count
    return features.indices.map { .tokens(tokens.rows(($0 * V)..<(($0 + 1) * V))) }
  }

  /// QueCC's compressed tokens for many questions, `[B·V, w]` (before projection).
  func queccCompressed(_ states: [ImageState], queryEmbeddings: Matrix, flops: inout Int) -> Matrix {
    guard case .quecc(let quecc, let grid) = compressor else { preconditionFailure("not a QueCC connector") }
    let contexts = states.map { state -> QueCC.ImageContext in
      guard case .quecc(let context) = state else { preconditionFailure("image state of another compressor") }
      return context
    }
    return quecc.compress(contexts, queryEmbeddings: queryEmbeddings, grid: grid, flops: &flops)
  }

  /// Projected visual tokens for `B = states.count` questions, `[B·V, d]`; question `b` is about
  /// the image whose state is `states[b]`. `queryEmbeddings` (`[B, d]`) is read by QueCC only.
  public func visualTokens(_ states: [ImageState], queryEmbeddings: Matrix?, flops: inout Int) -> Matrix {
    if readsQuestion {
      return projector(queccCompressed(states, queryEmbeddings: queryEmbeddings!, flops: &flops), flops: &flops)
    }
    return Matrix.stacking(states.map { state in
      guard case .tokens(let tokens) = state else { preconditionFailure("image state of another compressor") }
      return tokens
    })
  }
}
