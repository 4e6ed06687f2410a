import Crypto
import HexDigest
import AtomicFiles
import Foundation
import MiniTasks
import MiniVLM

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
  /// Inputs are checked first, so a cell never trained on data an older generator wrote says so.
  public func staleness(_ cell: MiniCell) throws -> String? {
    let fingerprint = try inputsFingerprint(cell)
    let record = layout.record(cell)
    guard let data = FileManager.default.contents(atPath: record.path),
      let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { return "never trained" }
    guard (json["inputs_sha256"] as? String) == fingerprint else {
      return "inputs changed (config, data, vision tower or training code)"
    }
    let expected = (json["checkpoint"] as? [String: Any])?["sha256"] as? String
    guard let checkpoint = FileManager.default.contents(atPath: layout.checkpoint(cell).path),
      Self.sha256(checkpoint) == expected
    else { return "checkpoint missing or changed since its record" }
    return nil
  }

  /// A cell's state in words: `up to date`, why it needs training, or which of its inputs is
  /// missing (with the command that makes it).
  public func state(_ cell: MiniCell) -> String {
    do {
      return try staleness(cell) ?? "up to date"
    } catch {
      return "inputs missing: \(error)"
    }
  }

  /// The cell's config file as the trainer reads it from `.mini-work/<cell>/config.json`: data
  /// paths relative to that folder, so the config (and the record that copies it) names no
  /// machine-specific path and the inputs fingerprint is the same in every checkout.
  func config(_ cell: MiniCell) throws -> Data {
    try config(cell, paths: { $0.path(relativeTo: workFolder(cell)) })
  }

  /// The same config with absolute data paths, for a config file that lives elsewhere (a Slurm
  /// array's `configs/` folder on the cluster's shared file system).
  func absoluteConfig(_ cell: MiniCell) throws -> Data {
    try config(cell, paths: { $0.standardizedFileURL.path })
  }

  private func config(_ cell: MiniCell, paths path: (URL) -> String) throws -> Data {
    let paths = CellTrainingConfig.DataPaths(
      trainShards: try layout.shards(cell.family, .train).map(path),
      evalShard: path(try layout.shards(cell.family, .eval)[0]),
      visionTower: path(layout.visionTower))
    return try CellTrainingConfig(cell: cell, recipe: grid.recipe, data: paths).encoded()
  }

  func workFolder(_ cell: MiniCell) -> URL { layout.workDirectory.appendingPathComponent(cell.name, isDirectory: true) }

  public func inputsFingerprint(_ cell: MiniCell) throws -> String {
    guard let tower = FileManager.default.contents(atPath: layout.visionTower.path) else {
      throw MiniReplicationError.missingVisionTower(path: layout.visionTower.path)
    }
    let manifestData = try layout.currentManifest(cell.family)
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
    let status = try trainer.run(module: "train", arguments: trainerArguments(config: configFile.path, out: output.path), log: log)
    guard status == 0 else { throw MiniReplicationError.trainerFailed(what: "training \(cell.name)", status: status, log: log.path) }
    // The engine must give the trainer's answers before anything is installed: the record carries
    // the parity check, and a cell the engine disagrees with is not installed. (A cell a Slurm
    // array trained is installed without it; `MiniResults` refuses it until `repro mini eval
    // --record` has checked it.)
    let (agreement, parity) = try self.parity(cell, in: output)
    guard agreement.passes else {
      throw MiniReplicationError.parityFailed(cell: cell.name, identical: agreement.identical, questions: agreement.questions)
    }
    let outputRecord = output.appendingPathComponent(MiniLayout.cellFileNames(cell.name)[2])
    var trained = try TrainingRecord.read(outputRecord)
    trained["parity"] = parity
    try TrainingRecord.write(trained, to: outputRecord)
    let record = try install(cell, from: output, fingerprint: fingerprint)
    try? files.removeItem(at: output)
    let accuracy = ((record["eval"] as? [String: Any])?["accuracy"] as? Double) ?? .nan
    return CellOutcome(cell: cell, seconds: (ContinuousClock.now - started).secondsValue, evalAccuracy: accuracy, log: log.path)
  }

  /// The Swift engine's agreement with the trainer's own predictions on the held-out shard, for
  /// the cell's files in `folder` (a training run's output, or `paper-artifacts/mini/cells/`).
  func parity(_ cell: MiniCell, in folder: URL, threads: Int = 1) throws -> (agreement: PredictionAgreement, entry: [String: Any]) {
    let files = MiniLayout.cellFileNames(cell.name).map { folder.appendingPathComponent($0) }
    let trainer = try TrainerPredictions(contentsOf: files[1])
    let set = try MiniEvalSet.load(layout.familyData(cell.family), family: cell.family.rawValue)
    guard let source = set.sources.first(where: { $0.sha256 == trainer.evalShardSHA256 }) else {
      throw MiniReplicationError.evalSetMismatch(
        cell: cell.name, recorded: trainer.evalShardSHA256, current: set.sources.map(\.sha256).joined(separator: ", "))
    }
    let evaluation = try MiniVLM.load(checkpoint: files[0], tower: layout.visionTower)
      .evaluate(set, batch: MiniVLM.defaultBatch, threads: threads)
    let agreement = try PredictionAgreement(evaluation, questions: source.questions, trainer: trainer)
    let entry = TrainingRecord.parityEntry(
      agreement, checkpointSHA256: try MiniVLM.sha256(of: files[0]), evalShardSHA256: source.sha256)
    return (agreement, entry)
  }

  /// Checks an installed cell's parity again and writes it into its record (what `repro mini
  /// eval --record` does for one checkpoint by hand).
  public func recordParity(_ cell: MiniCell, threads: Int = 1) throws -> PredictionAgreement {
    let (agreement, entry) = try parity(cell, in: layout.cellsDirectory, threads: threads)
    var record = try TrainingRecord.read(layout.record(cell))
    record["parity"] = entry
    try TrainingRecord.write(record, to: layout.record(cell))
    return agreement
  }

  /// The trainer's arguments for one cell: the same for a local run and a Slurm array task
  /// (``GridSweep``). Tower features are keyed by content (tower, shards, feature code), so every
  /// cell of a family shares one computation of them (docs/miniature-vlm.md §4).
  func trainerArguments(config: String, out: String) -> [String] {
    ["--config", config, "--out", out, "--feature-cache", layout.featureCache.path]
  }

  /// Installs a finished run's outputs from `folder` into `paper-artifacts/mini/cells/`: the
  /// record gets the inputs fingerprint the cell was trained from and loses the trainer's
  /// absolute paths; each file is copied beside its destination and renamed over it, the record
  /// last, so the cell is complete exactly when its new record is there. `folder` is left as it
  /// was (a sweep's cell cache keeps its copy). Returns the installed record.
  @discardableResult
  public func install(_ cell: MiniCell, from folder: URL, fingerprint: String) throws -> [String: Any] {
    let files = FileManager.default
    let sources = MiniLayout.cellFileNames(cell.name).map { folder.appendingPathComponent($0) }
    for file in sources where !files.fileExists(atPath: file.path) {
      throw MiniReplicationError.incompleteOutput(what: "training \(cell.name)", missing: file.lastPathComponent)
    }
    var record = try TrainingRecord.read(sources[2])
    record["inputs_sha256"] = fingerprint
    record["resolved_paths"] = nil  // absolute paths of the machine that trained; the config's relative ones say the same
    // The trainer copies the config it read; a Slurm task read one with absolute paths (see
    // GridSweep). The record keeps the checkout-relative config, so it names no machine's path
    // and a cell trained on the cluster has the record a local run writes (timings aside).
    record["config"] = try JSONSerialization.jsonObject(with: try config(cell))
    try files.createDirectory(at: layout.cellsDirectory, withIntermediateDirectories: true)
    let destinations = layout.cellFiles(cell)
    for (source, destination) in zip(sources.prefix(2), destinations.prefix(2)) {
      try AtomicFile.write(try Data(contentsOf: source), to: destination)
    }
    try TrainingRecord.write(record, to: destinations[2])
    return record
  }

  static func sha256(_ data: Data) -> String { SHA256Hex.of(data) }
  static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 { SHA256Hex.hex(digest) }
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
