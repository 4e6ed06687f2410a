import Foundation
import Safetensors
import VLM

/// Synthetic checkpoints on disk: generated deterministically on first use, then read back.
///
/// A file is `<directory>/<family>-<model>.safetensors`, stored in BF16 (half the disk; the engine
/// computes in F32). Its metadata records the configuration, the seed and a format version; a file
/// whose metadata differs (an edited configuration, another seed) is regenerated rather than
/// loaded into the wrong shapes. The write is atomic, so an interrupted first run leaves no
/// half-written checkpoint behind.
public struct CheckpointStore: Sendable {
  public var directory: URL
  public var seed: UInt64

  /// Bumped whenever the meaning of a generated tensor changes.
  static let format = "1"

  public init(directory: URL, seed: UInt64 = 20_241_105) {
    self.directory = directory
    self.seed = seed
  }

  /// The project's store, `paper-artifacts/.inference-weights/` (git-ignored: checkpoints are
  /// regenerated on first use, never committed).
  public init(projectRoot root: URL) {
    self.init(directory: root.appendingPathComponent("paper-artifacts/.inference-weights", isDirectory: true))
  }

  public func url(for model: VLMConfiguration, family: ModelFamily) -> URL {
    directory.appendingPathComponent("\(family.name)-\(model.name).safetensors", isDirectory: false)
  }

  /// The model's weights, generating and writing the checkpoint first if needed.
  public func load(_ model: VLMConfiguration, family: ModelFamily) throws -> VisionLanguageModel {
    let url = url(for: model, family: family)
    let expected = try metadata(for: model)
    if let existing = try? SafetensorsFile(contentsOf: url), existing.metadata == expected {
      return try VisionLanguageModel(Weights(existing), configuration: model)
    }
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try SafetensorsWriter.write(WeightSynthesis.entries(model.parameters, seed: seed, dtype: .bf16), metadata: expected, to: url)
    return try VisionLanguageModel(Weights(SafetensorsFile(contentsOf: url)), configuration: model)
  }

  func metadata(for model: VLMConfiguration) throws -> [String: String] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return [
      "configuration": String(decoding: try encoder.encode(model), as: UTF8.self),
      "seed": String(seed),
      "format": Self.format,
      "note": "synthetic untrained weights for cost measurement; no accuracy claims",
    ]
  }
}
