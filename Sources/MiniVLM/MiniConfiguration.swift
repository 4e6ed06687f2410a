import Foundation
import QueCC
import VLM

/// Which compressor a miniature cell was trained with (docs/miniature-vlm.md §2.3).
public enum MiniCompressorKind: String, Sendable, Codable, CaseIterable {
  case pool
  case tokenpacker
  case quecc
  case prumerge

  /// Whether the compressor attends over regions (and so has `compressor_heads`).
  var hasRegionAttention: Bool { self == .tokenpacker || self == .quecc }
  /// Whether the compressor tiles the patch grid into `s × s` regions (`V = (grid/s)²`).
  var tilesTheGrid: Bool { self != .prumerge }
}

/// The vision tower's shape as the `mini_vlm` metadata spells it.
public struct MiniVisionConfiguration: Sendable, Equatable, Codable {
  public var imageSide: Int
  public var patchSide: Int
  public var width: Int
  public var heads: Int
  public var depth: Int
  public var mlpWidth: Int

  enum CodingKeys: String, CodingKey {
    case imageSide = "image_side", patchSide = "patch_side", width, heads, depth, mlpWidth = "mlp_width"
  }

  public init(imageSide: Int, patchSide: Int, width: Int, heads: Int, depth: Int, mlpWidth: Int) {
    (self.imageSide, self.patchSide, self.width, self.heads, self.depth, self.mlpWidth) =
      (imageSide, patchSide, width, heads, depth, mlpWidth)
  }

  /// The engine's configuration of the same tower.
  public var engine: VisionConfig {
    VisionConfig(imageSide: imageSide, patchSide: patchSide, width: width, heads: heads, depth: depth, mlpWidth: mlpWidth)
  }

  /// Problems, as `(field, reason)`; empty when the tower can be built.
  func problems() -> [(String, String)] {
    var problems: [(String, String)] = []
    if imageSide < 1 || patchSide < 1 || imageSide % max(patchSide, 1) != 0 {
      problems.append(("vision.image_side", "\(imageSide) is not a positive multiple of patch_side \(patchSide)"))
    }
    if width < 1 || heads < 1 || width % max(heads, 1) != 0 {
      problems.append(("vision.heads", "\(heads) heads must divide the width \(width)"))
    }
    // hidden_states[depth − 2] must be the output of a block, not the embeddings.
    if depth < 3 { problems.append(("vision.depth", "\(depth) is below 3, the least that gives four feature levels")) }
    if mlpWidth < 1 { problems.append(("vision.mlp_width", "\(mlpWidth) must be positive")) }
    return problems
  }
}

/// The language model's shape as the `mini_vlm` metadata spells it.
public struct MiniLanguageConfiguration: Sendable, Equatable, Codable {
  public var vocabularySize: Int
  public var width: Int
  public var layers: Int
  public var heads: Int
  public var mlpWidth: Int
  public var ropeTheta: Double
  public var rmsEpsilon: Float
  public var tiedEmbeddings: Bool

  enum CodingKeys: String, CodingKey {
    case vocabularySize = "vocabulary_size", width, layers, heads, mlpWidth = "mlp_width", ropeTheta = "rope_theta"
    case rmsEpsilon = "rms_epsilon", tiedEmbeddings = "tied_embeddings"
  }

  public init(vocabularySize: Int, width: Int, layers: Int, heads: Int, mlpWidth: Int, ropeTheta: Double = 10_000,
              rmsEpsilon: Float = 1e-6, tiedEmbeddings: Bool = true) {
    (self.vocabularySize, self.width, self.layers, self.heads, self.mlpWidth) = (vocabularySize, width, layers, heads, mlpWidth)
    (self.ropeTheta, self.rmsEpsilon, self.tiedEmbeddings) = (ropeTheta, rmsEpsilon, tiedEmbeddings)
  }

  public var engine: LanguageModelConfig {
    LanguageModelConfig(vocabularySize: vocabularySize, width: width, layers: layers, heads: heads, mlpWidth: mlpWidth,
                        ropeTheta: ropeTheta, rmsEpsilon: rmsEpsilon)
  }

  func problems() -> [(String, String)] {
    var problems: [(String, String)] = []
    if vocabularySize < 2 { problems.append(("language.vocabulary_size", "\(vocabularySize) must be at least 2")) }
    if width < 1 || heads < 1 || width % max(heads, 1) != 0 || (width / max(heads, 1)) % 2 != 0 {
      problems.append(("language.heads", "\(heads) heads must divide the width \(width) into even head widths (rotary pairs)"))
    }
    if layers < 1 { problems.append(("language.layers", "\(layers) must be at least 1")) }
    if mlpWidth < 1 { problems.append(("language.mlp_width", "\(mlpWidth) must be positive")) }
    if !(ropeTheta > 1) || !ropeTheta.isFinite { problems.append(("language.rope_theta", "\(ropeTheta) must be a finite number above 1")) }
    if !(rmsEpsilon > 0) || !rmsEpsilon.isFinite { problems.append(("language.rms_epsilon", "\(rmsEpsilon) must be positive")) }
    return problems
  }
}

/// A cell checkpoint's `mini_vlm` metadata: everything needed to rebuild the model around its
/// weights (docs/miniature-vlm.md §3).
public struct MiniCellConfiguration: Sendable, Equatable, Codable {
  public static let format = "mini-vlm/1"

  public var format: String
  public var cell: String
  public var family: String
  public var compressor: MiniCompressorKind
  /// `V`.
  public var visualTokens: Int
  /// `Q`.
  public var questionTokens: Int
  public var compressorHeads: Int
  public var language: MiniLanguageConfiguration
  public var vision: MiniVisionConfiguration
  public var visionTowerSHA256: String
  public var dataDigest: String

  enum CodingKeys: String, CodingKey {
    case format, cell, family, compressor, visualTokens = "visual_tokens", questionTokens = "question_tokens"
    case compressorHeads = "compressor_heads", language, vision, visionTowerSHA256 = "vision_tower_sha256"
    case dataDigest = "data_digest"
  }

  public init(cell: String, family: String, compressor: MiniCompressorKind, visualTokens: Int, questionTokens: Int,
              compressorHeads: Int, language: MiniLanguageConfiguration, vision: MiniVisionConfiguration,
              visionTowerSHA256: String, dataDigest: String) {
    self.format = Self.format
    (self.cell, self.family, self.compressor, self.visualTokens, self.questionTokens) = (cell, family, compressor, visualTokens, questionTokens)
    (self.compressorHeads, self.language, self.vision) = (compressorHeads, language, vision)
    (self.visionTowerSHA256, self.dataDigest) = (visionTowerSHA256, dataDigest)
  }

  /// The `s × s` tiling for the grid compressors (`nil` for PruMerge, which keeps any `V`).
  public var grid: CompressionGrid? {
    compressor.tilesTheGrid ? try? CompressionGrid(gridSide: vision.engine.gridSide, tokens: visualTokens) : nil
  }

  /// `N` of the miniature scaling law: the LM's parameters without `embed_tokens` and `lm_head`
  /// (Kaplan et al.'s non-embedding count).
  public var nonEmbeddingParameterCount: Int {
    language.engine.parameterCount - 2 * language.vocabularySize * language.width
  }

  func problems() -> [(String, String)] {
    var problems = vision.problems() + language.problems()
    guard problems.isEmpty else { return problems }
    let patches = vision.engine.patchCount
    if compressor.tilesTheGrid {
      if grid == nil {
        let supported = CompressionGrid.supportedTokenCounts(gridSide: vision.engine.gridSide)
        problems.append(("visual_tokens", "\(visualTokens) does not tile the \(vision.engine.gridSide)×\(vision.engine.gridSide) patch grid "
          + "into square regions; \(compressor.rawValue) supports \(supported.map(String.init).joined(separator: ", "))"))
      }
    } else if !(1...patches).contains(visualTokens) {
      problems.append(("visual_tokens", "\(visualTokens) is outside 1…\(patches), the patches PruMerge can keep"))
    }
    if questionTokens < 1 { problems.append(("question_tokens", "\(questionTokens) must be at least 1")) }
    if compressor.hasRegionAttention && (compressorHeads < 1 || vision.width % compressorHeads != 0) {
      problems.append(("compressor_heads", "\(compressorHeads) heads must divide the vision width \(vision.width)"))
    }
    if visionTowerSHA256.count != 64 || !visionTowerSHA256.allSatisfy(\.isHexDigit) {
      problems.append(("vision_tower_sha256", "\"\(visionTowerSHA256)\" is not a SHA-256 in hex"))
    }
    return problems
  }
}

/// A vision tower file's `mini_vlm` metadata.
public struct MiniTowerConfiguration: Sendable, Equatable, Codable {
  public static let format = "mini-vlm-vision/1"

  public var format: String
  public var vision: MiniVisionConfiguration
  public var dataDigest: String?
  public var seed: Int?

  enum CodingKeys: String, CodingKey {
    case format, vision, dataDigest = "data_digest", seed
  }

  public init(vision: MiniVisionConfiguration, dataDigest: String?, seed: Int?) {
    (self.format, self.vision, self.dataDigest, self.seed) = (Self.format, vision, dataDigest, seed)
  }
}
