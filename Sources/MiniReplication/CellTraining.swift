import Crypto
import AtomicFiles
import Foundation
import MiniTasks

/// Trains cells with the PyTorch trainer and installs their checkpoints, retraining only cells
/// whose inputs changed.
///
/// A cell's *inputs fingerprint* is the SHA-256 of its config (cell, recipe, relative data
/// paths), the data manifest's digest, the vision tower's SHA-256 and the training code's digest
/// (every `Training/minivlm/*.py`). It is written into the training record; a cell whose record
/// carries the current fingerprint, and whose checkpoint still has the SHA-256 its record names,
/// is up to date. Each run trains in `.mini-work/<cell>/` and installs the checkpoint, the
/// predictions and, last, the record into `paper-artifacts/mini/cells/`, each by an atomic
/// rename: a cell is complete exactly when its record is there.
public struct CellTraining: Sendable {
  public let layout: MiniLayout
  public let grid: MiniGrid

  public init(layout: MiniLayout, grid: MiniGrid) {
    self.layout = layout
    self.grid = grid
  }

  /// Why a cell needs training, or nil when it is up to date.
  public func staleness(_ cell: MiniCell) throws -> String? {
    let record = layout.record(cell)
    guard let data = FileManager.default.contents(atPath: record.path),
      let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { return "never trained" }
    guard (json["inputs_sha256"] as? String) == (try inputsFingerprint(cell)) else {
      return "inputs changed (config, data, vision tower or training code)"
    }
    let expected = (json["checkpoint"] as? [String: Any])?["sha256"] as? String
    guard let checkpoint = FileManager.default.contents(atPath: layout.checkpoint(cell).path),
      Self.sha256(checkpoint) == expected
    else { return "checkpoint missing or changed since its record" }
    return nil
  }

  /// The cell's config file as the trainer reads it from `.mini-work/<cell>/config.json`.
  func config(_ cell: MiniCell) throws -> Data {
    let folder = workFolder(cell)
    let paths = CellTrainingConfig.DataPaths(
      trainShards: try layout.shards(cell.family, .train).map { $0.path(relativeTo: folder) },
      evalShard: try layout.shards(cell.family, .eval)[0].path(relativeTo: folder),
      visionTower: layout.visionTower.path(relativeTo: folder))
    return try CellTrainingConfig(cell: cell, recipe: grid.recipe, data: paths).encoded()
  }

  func workFolder(_ cell: MiniCell) -> URL { layout.workDirectory.appendingPathComponent(cell.name, isDirectory: true) }

  public func inputsFingerprint(_ cell: MiniCell) throws -> String {
    guard let tower = FileManager.default.contents(atPath: layout.visionTower.path) else {
      throw MiniReplicationError.missingVisionTower(path: layout.visionTower.path)
    }
    let manifest = layout.familyData(cell.family).appendingPathComponent(MiniDataset.manifestName)
    guard let manifestData = FileManager.default.contents(atPath: manifest.path) else {
      throw MiniReplicationError.missingData(family: cell.family, directory: layout.familyData(cell.family).path)
    }
    var hasher = SHA256()
    hasher.update(data: try config(cell))
    for part in [Self.sha256(manifestData), Self.sha256(tower), try trainingCodeDigest()] {
      hasher.update(data: Data("\n\(part)".utf8))
    }
    return Self.hex(hasher.finalize())
  }

  /// SHA-256 over every `Training/minivlm/*.py`, by name and content, in name order.
  public func trainingCodeDigest() throws -> String {
    let folder = layout.trainingDirectory.appendingPathComponent("minivlm", isDirectory: true)
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".py") }.sorted()
    var hasher = SHA256()
    for name in names {
      let content = try Data(contentsOf: folder.appendingPathComponent(name))
      hasher.update(data: Data("\(name) \(Self.sha256(content))\n".utf8))
    }
    return Self.hex(hasher.finalize())
  }

  /// Trains one cell and installs its outputs; returns the installed record's eval accuracy.
  public func train(_ cell: MiniCell, with trainer: PythonTrainer) throws -> CellOutcome {
    let folder = workFolder(cell)
    let files = FileManager.default
    try? files.removeItem(at: folder)
    let output = folder.appendingPathComponent("out", isDirectory: true)
    try files.createDirectory(at: output, withIntermediateDirectories: true)
    let configFile = folder.appendingPathComponent("config.json")
    try config(cell).write(to: configFile)
    let fingerprint = try inputsFingerprint(cell)
    let log = folder.appendingPathComponent("train.log")
    let started = ContinuousClock.now
    // Tower features are keyed by content (tower, shards, feature code), so every cell of a
    // family shares one computation of them (docs/miniature-vlm.md §4).
    let features = layout.workDirectory.appendingPathComponent("features", isDirectory: true)
    let status = try trainer.run(
      module: "train", arguments: ["--config", configFile.path, "--out", output.path, "--feature-cache", features.path],
      log: log)
    guard status == 0 else { throw MiniReplicationError.trainerFailed(what: "training \(cell.name)", status: status, log: log.path) }
    let produced = [layout.checkpoint(cell), layout.predictions(cell), layout.record(cell)].map {
      output.appendingPathComponent($0.lastPathComponent)
    }
    for file in produced where !files.fileExists(atPath: file.path) {
      throw MiniReplicationError.incompleteOutput(what: "training \(cell.name)", missing: file.lastPathComponent)
    }
    var record = try TrainingRecord.read(produced[2])
    record["inputs_sha256"] = fingerprint
    record["resolved_paths"] = nil  // absolute paths of this machine; the config's relative ones say the same
    try TrainingRecord.write(record, to: produced[2])
    try files.createDirectory(at: layout.cellsDirectory, withIntermediateDirectories: true)
    for (source, destination) in zip(produced, [layout.checkpoint(cell), layout.predictions(cell), layout.record(cell)]) {
      try AtomicFile.move(source, to: destination)
    }
    try? files.removeItem(at: output)
    let accuracy = ((record["eval"] as? [String: Any])?["accuracy"] as? Double) ?? .nan
    return CellOutcome(cell: cell, seconds: (ContinuousClock.now - started).secondsValue, evalAccuracy: accuracy, log: log.path)
  }

  static func sha256(_ data: Data) -> String { hex(SHA256.hash(data: data)) }
  static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 { digest.map { String(format: "%02x", $0) }.joined() }
}

/// One finished training run.
public struct CellOutcome: Sendable {
  public var cell: MiniCell
  public var seconds: Double
  public var evalAccuracy: Double
  public var log: String
}

extension Duration {
  var secondsValue: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
