import VLM

/// Which compressor sits between the vision tower and the LLM.
public enum CompressorKind: String, Sendable, CaseIterable, Codable {
  case quecc
  case tokenpacker
  /// Plain average pooling.
  case pool

  /// Whether the compressor reads the question (and so costs an extra LLM pass over it).
  public var usesQuestion: Bool { self == .quecc }
}

/// Everything between the vision tower and the LLM: one compressor of each kind, each with its
/// own projector (a LLaVA checkpoint trains the projector together with its compressor).
public struct VisualConnector: Sendable {
  let quecc: QueCC
  let tokenPacker: TokenPacker
  let projectors: [CompressorKind: Projector]
  public let gridSide: Int

  public init(_ weights: Weights, visionWidth: Int, textWidth: Int, gridSide: Int) throws(WeightsError) {
    quecc = try QueCC(weights.scoped("quecc"), visionWidth: visionWidth, textWidth: textWidth, gridSide: gridSide)
    tokenPacker = try TokenPacker(weights.scoped("tokenpacker"), visionWidth: visionWidth)
    var projectors: [CompressorKind: Projector] = [:]
    for kind in CompressorKind.allCases {
      projectors[kind] = try Projector(weights.scoped("mm_projector.\(kind.rawValue)"), visionWidth: visionWidth, textWidth: textWidth)
    }
    self.projectors = projectors
    self.gridSide = gridSide
  }

  public static func parameters(visionWidth: Int, textWidth: Int, gridSide: Int) -> [ParameterSpec] {
    QueCC.parameters(visionWidth: visionWidth, textWidth: textWidth, gridSide: gridSide).scoped("quecc")
      + TokenPacker.parameters(visionWidth: visionWidth).scoped("tokenpacker")
      + CompressorKind.allCases.flatMap {
        Projector.parameters(visionWidth: visionWidth, textWidth: textWidth).scoped("mm_projector.\($0.rawValue)")
      }
  }

  /// Compresses and projects: `[V, d_llm]` visual tokens ready for the LLM.
  public func visualTokens(
    _ features: VisionFeatures, kind: CompressorKind, grid: CompressionGrid, queryEmbedding: [Float]?, flops: inout Int
  ) -> Matrix {
    let compressed: Matrix
    switch kind {
    case .quecc: compressed = quecc(features, queryEmbedding: queryEmbedding, grid: grid, flops: &flops)
    case .tokenpacker: compressed = tokenPacker(features, grid: grid, flops: &flops)
    case .pool: compressed = AveragePooling.compress(features, grid: grid)
    }
    return projectors[kind]!(compressed, flops: &flops)
  }
}
