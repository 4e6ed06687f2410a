import AtomicFiles
import Foundation
import MiniTasks

/// The one frozen vision tower every miniature model shares, pretrained once (as LLaVA reuses
/// CLIP) by per-patch heads on both families' `patch_labels` (docs/miniature-vlm.md §2).
public struct VisionTowerTraining: Sendable {
  /// The tower's shape: CLIP-style, 48-pixel images in 4-pixel patches (a 12×12 grid).
  public struct Shape: Hashable, Codable, Sendable {
    public var imageSide = 48, patchSide = 4, width = 64, heads = 4, depth = 5, mlpWidth = 256
    enum CodingKeys: String, CodingKey {
      case width, heads, depth
      case imageSide = "image_side", patchSide = "patch_side", mlpWidth = "mlp_width"
    }
  }

  public static let shape = Shape()
  /// Images seen while pretraining (each counted once per family's batch), and the optimiser.
  public static let recipe = TrainingRecipe(examples: 40_000, batchSize: 64, learningRate: 2e-3, weightDecay: 0.01)
  public static let seed = 0

  public let layout: MiniLayout

  public init(layout: MiniLayout) { self.layout = layout }

  struct Config: Encodable {
    var vision: Shape
    var training: CellTrainingConfig.Training
    var storageDType: String
    var data: Paths
    struct Paths: Encodable {
      var trainShards: [String]
      var evalShards: [String]
      enum CodingKeys: String, CodingKey { case trainShards = "train_shards", evalShards = "eval_shards" }
    }
    enum CodingKeys: String, CodingKey { case vision, training, data, storageDType = "storage_dtype" }
  }

  /// Pretrains the tower and installs `vision_tower.safetensors` and its record. Every cell
  /// trained on the old tower becomes stale (its inputs fingerprint names the tower's SHA-256).
  public func train(with trainer: PythonTrainer) throws -> (seconds: Double, log: String) {
    let files = FileManager.default
    let folder = layout.workDirectory.appendingPathComponent("vision-tower", isDirectory: true)
    try? files.removeItem(at: folder)
    let output = folder.appendingPathComponent("out", isDirectory: true)
    try files.createDirectory(at: output, withIntermediateDirectories: true)
    let families = TaskFamily.allCases
    for family in families { _ = try layout.currentManifest(family) }  // refuses an older generator's data
    let config = Config(
      vision: Self.shape,
      training: .init(examples: Self.recipe.examples, batchSize: Self.recipe.batchSize, learningRate: Self.recipe.learningRate,
                      weightDecay: Self.recipe.weightDecay, seed: Self.seed),
      storageDType: Self.recipe.storageDType,
      data: .init(
        trainShards: try families.flatMap { try layout.shards($0, .train) }.map { $0.path(relativeTo: folder) },
        evalShards: try families.flatMap { try layout.shards($0, .eval) }.map { $0.path(relativeTo: folder) }))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let configFile = folder.appendingPathComponent("config.json")
    try (encoder.encode(config) + Data("\n".utf8)).write(to: configFile)
    let log = folder.appendingPathComponent("pretrain.log")
    let started = ContinuousClock.now
    let status = try trainer.run(module: "pretrain_vision", arguments: ["--config", configFile.path, "--out", output.path], log: log)
    guard status == 0 else { throw MiniReplicationError.trainerFailed(what: "vision pretraining", status: status, log: log.path) }
    let produced = [layout.visionTower, layout.visionTowerRecord].map { output.appendingPathComponent($0.lastPathComponent) }
    for file in produced where !files.fileExists(atPath: file.path) {
      throw MiniReplicationError.incompleteOutput(what: "vision pretraining", missing: file.lastPathComponent)
    }
    try files.createDirectory(at: layout.artifactsDirectory, withIntermediateDirectories: true)
    for (source, destination) in zip(produced, [layout.visionTower, layout.visionTowerRecord]) {
      try AtomicFile.move(source, to: destination)
    }
    return ((ContinuousClock.now - started).secondsValue, log.path)
  }
}
