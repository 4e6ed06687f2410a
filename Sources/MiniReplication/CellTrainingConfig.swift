import Foundation
import MiniTasks

/// The JSON config `python -m minivlm.train --config` reads for one cell (Training/README.md
/// documents every key). Paths are relative to the config file's folder, so a config (and the
/// record that copies it) names no machine-specific path.
struct CellTrainingConfig: Encodable {
  struct Language: Encodable {
    var width, layers, heads, mlpWidth: Int
    var ropeTheta = 10_000.0
    var rmsEpsilon = 1e-6
    var tiedEmbeddings = true
    enum CodingKeys: String, CodingKey {
      case width, layers, heads
      case mlpWidth = "mlp_width", ropeTheta = "rope_theta", rmsEpsilon = "rms_epsilon", tiedEmbeddings = "tied_embeddings"
    }
  }
  struct Training: Encodable {
    var examples, batchSize: Int
    var learningRate, weightDecay: Double
    var seed: Int
    enum CodingKeys: String, CodingKey {
      case examples, seed
      case batchSize = "batch_size", learningRate = "learning_rate", weightDecay = "weight_decay"
    }
  }
  struct DataPaths: Encodable {
    var trainShards: [String]
    var evalShard: String
    var visionTower: String
    enum CodingKeys: String, CodingKey {
      case trainShards = "train_shards", evalShard = "eval_shard", visionTower = "vision_tower"
    }
  }

  var cell: String
  var family: String
  var compressor: String
  var visualTokens: Int
  var compressorHeads: Int
  var language: Language
  var training: Training
  var storageDType: String
  var data: DataPaths

  enum CodingKeys: String, CodingKey {
    case cell, family, compressor, language, training, data
    case visualTokens = "visual_tokens", compressorHeads = "compressor_heads", storageDType = "storage_dtype"
  }

  init(cell: MiniCell, recipe: TrainingRecipe, data: DataPaths) {
    self.cell = cell.name
    family = cell.family.rawValue
    compressor = cell.compressor.rawValue
    visualTokens = cell.visualTokens
    compressorHeads = recipe.compressorHeads
    language = Language(width: cell.language.width, layers: cell.language.layers, heads: cell.language.heads,
                        mlpWidth: cell.language.mlpWidth)
    training = Training(examples: recipe.examples, batchSize: recipe.batchSize, learningRate: recipe.learningRate,
                        weightDecay: recipe.weightDecay, seed: cell.seed)
    storageDType = recipe.storageDType
    self.data = data
  }

  /// Sorted keys, indented: the same cell and recipe always give the same bytes.
  func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(self) + Data("\n".utf8)
  }
}

extension URL {
  /// This file's path relative to `base` (a folder), with `..` where needed.
  func path(relativeTo base: URL) -> String {
    let target = standardizedFileURL.pathComponents
    let origin = base.standardizedFileURL.pathComponents
    var common = 0
    while common < min(target.count, origin.count), target[common] == origin[common] { common += 1 }
    return (Array(repeating: "..", count: origin.count - common) + target[common...]).joined(separator: "/")
  }
}
