import Foundation
import MiniVLM
import Safetensors
import SeededRandom
import VLM

/// Miniature models with random weights, written through real safetensors files: the loader,
/// compressors and batching are tested without waiting for trained checkpoints.
enum Mini {
  static let vision = MiniVisionConfiguration(imageSide: 48, patchSide: 4, width: 16, heads: 2, depth: 4, mlpWidth: 32)
  static let language = MiniLanguageConfiguration(vocabularySize: 24, width: 16, layers: 2, heads: 2, mlpWidth: 40)
  static let questionTokens = 4
  static let placeholderDigest = String(repeating: "0", count: 64)

  static func configuration(_ compressor: MiniCompressorKind, tokens: Int = 16, sha256: String = placeholderDigest) -> MiniCellConfiguration {
    MiniCellConfiguration(
      cell: "test-\(compressor.rawValue)-v\(tokens)", family: "reasoning", compressor: compressor, visualTokens: tokens,
      questionTokens: questionTokens, compressorHeads: 4, language: language, vision: vision, visionTowerSHA256: sha256,
      dataDigest: "test")
  }

  static func towerData(seed: UInt64 = 1, vision: MiniVisionConfiguration = vision) throws -> Data {
    try SafetensorsWriter.encode(
      WeightSynthesis.entries(MiniVLM.towerParameters(vision), seed: seed, dtype: .f32),
      metadata: MiniVLM.metadata(MiniTowerConfiguration(vision: vision, dataDigest: "test", seed: Int(seed))))
  }

  /// A cell checkpoint with tied embeddings (`lm_head` a copy of `embed_tokens`), LayerNorm gains
  /// and biases randomised too so that every parameter matters.
  static func cellEntries(_ configuration: MiniCellConfiguration, seed: UInt64 = 2, dtype: SafetensorsDType = .f32) -> [SafetensorsEntry] {
    let specs = MiniVLM.cellParameters(configuration).map { spec in
      guard case .constant(let value) = spec.initialization else { return spec }
      return ParameterSpec(name: spec.name, shape: spec.shape, initialization: .uniform(bound: value == 0 ? 0.2 : 1.5))
    }
    var entries = WeightSynthesis.entries(specs, seed: seed, dtype: dtype)
    let embedding = entries.first { $0.name == "language_model.model.embed_tokens.weight" }!.values
    if let head = entries.firstIndex(where: { $0.name == "language_model.lm_head.weight" }) { entries[head].values = embedding }
    return entries
  }

  static func cellData(_ configuration: MiniCellConfiguration, seed: UInt64 = 2, dtype: SafetensorsDType = .f32,
                       edit: (inout [SafetensorsEntry]) -> Void = { _ in }) throws -> Data {
    var entries = cellEntries(configuration, seed: seed, dtype: dtype)
    edit(&entries)
    return try SafetensorsWriter.encode(entries, metadata: MiniVLM.metadata(configuration))
  }

  static func model(_ compressor: MiniCompressorKind, tokens: Int = 16, seed: UInt64 = 2) throws -> MiniVLM {
    try MiniVLM(tower: SafetensorsFile(data: towerData()), towerPath: "tower",
                cell: SafetensorsFile(data: cellData(configuration(compressor, tokens: tokens), seed: seed)), cellPath: "cell")
  }

  /// `images` random images and `questions` random questions about them.
  static func evalSet(images: Int = 5, questions: Int = 13, seed: UInt64 = 3) -> MiniEvalSet {
    var generator = SplitMix64(seed: seed)
    func next(_ bound: Int) -> Int { Int(generator.nextUnitDouble() * Double(bound)) }
    let side = vision.imageSide
    return MiniEvalSet(
      imageSide: side, pixels: (0..<(images * side * side * 3)).map { _ in UInt8(next(256)) }, questionTokens: questionTokens,
      questions: (0..<(questions * questionTokens)).map { _ in 1 + next(language.vocabularySize - 1) },
      answers: (0..<questions).map { _ in next(language.vocabularySize) }, questionTypes: (0..<questions).map { $0 % 2 },
      imageIndex: (0..<questions).map { $0 % images }, typeNames: ["count", "colour", "unused"])
  }

  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("minivlm-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}

func maxAbsoluteDifference(_ a: [Float], _ b: [Float]) -> Float {
  precondition(a.count == b.count)
  return zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
}
