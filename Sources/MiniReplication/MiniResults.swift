import Foundation
import HexDigest
import MiniTasks
import MiniVLM
import ResultsStore

/// One suite of the results store filled by the miniature replication: a grid of cells, each
/// evaluated by the Swift engine on its family's held-out set, one row per trained cell.
public struct MiniSuite: Sendable {
  public var id: SuiteID
  public var grid: MiniGrid
  /// The suite's description in the database.
  public var description: String

  public init(id: SuiteID, grid: MiniGrid, description: String) {
    self.id = id
    self.grid = grid
    self.description = description
  }

  /// The reasoning family's (N, V) grid with the TokenPacker-style compressor: the miniature
  /// analog of the paper's visual-reasoning grid.
  public static let reasoning = MiniSuite(
    id: .miniReasoning, grid: .reasoningScaling,
    description: "Miniature replication: accuracy of our trained miniature VLMs (TokenPacker-style compressor) "
      + "on the reasoning family's held-out questions, evaluated by the bundled Swift engine.")

  /// The reasoning grid with the PruMerge-style compressor: the analog of the paper's Figure 5.
  public static let reasoningPruMerge = MiniSuite(
    id: .miniReasoningPruMerge, grid: .reasoningPruMerge,
    description: "Miniature replication: accuracy of our trained miniature VLMs (PruMerge-style compressor) "
      + "on the reasoning family's held-out questions, evaluated by the bundled Swift engine.")

  /// The compressor comparison: the analog of the paper's Table 1, one row per compressor, LM
  /// size and token count.
  public static let compressors = MiniSuite(
    id: .miniCompressors, grid: .reasoningCompressors,
    description: "Miniature replication: accuracy of our trained miniature VLMs with four token compressors "
      + "(pooling, PruMerge-style, TokenPacker-style, QueCC) on the reasoning family's held-out questions, evaluated by "
      + "the bundled Swift engine.")

  /// Every suite the replication writes, in the order `./repro all` refreshes them.
  public static let all: [MiniSuite] = [reasoning, reasoningPruMerge, compressors]

  /// The `llm_family` of every miniature row: the LLM is ours, not any published family.
  public static let family = "mini-VLM"

  /// The database's id of a miniature compressor (`mini-tokenpacker`, …).
  public static func methodID(_ kind: MiniCompressorKind) -> String { "mini-\(kind.rawValue)" }
}

/// Brings each suite's seed file (`paper-artifacts/mini/results/<suite>.csv`) up to date with the
/// committed checkpoints: a trained cell whose row names its checkpoint's SHA-256 keeps its row,
/// any other trained cell is evaluated by the engine; untrained cells have no row.
///
/// `./repro all` runs it under the run lock before the database is checked, so a new or
/// retrained checkpoint reaches the figures through the ordinary seed → database path, and a
/// run with nothing new evaluates nothing. The held-out set is regenerated when it is missing
/// (the generator is deterministic) and must be the one each cell's record names.
public struct MiniResults: Sendable {
  public let layout: MiniLayout
  public let seedDirectory: URL
  public let threads: Int

  public init(layout: MiniLayout, seedDirectory: URL, threads: Int) {
    self.layout = layout
    self.seedDirectory = seedDirectory
    self.threads = threads
  }

  /// What a refresh did to one suite.
  public struct Outcome: Sendable, Equatable {
    public var suite: SuiteID
    public var rows: Int
    /// Cells evaluated by the engine in this refresh (their checkpoints were new or changed).
    public var evaluated: [String]
    /// Whether the seed file's text changed.
    public var rewritten: Bool
  }

  /// Refreshes every suite of `suites`; `progress` hears each evaluation.
  public func refresh(_ suites: [MiniSuite] = MiniSuite.all, progress: (String) -> Void = { _ in }) throws -> [Outcome] {
    try suites.map { try refresh($0, progress: progress) }
  }

  func refresh(_ suite: MiniSuite, progress: (String) -> Void) throws -> Outcome {
    // The file is derived data: one that does not parse (edited by hand) is rebuilt from the checkpoints.
    let existing: [MiniatureSeed.Row]
    do {
      existing = try MiniatureSeed.rows(of: suite.id, seedDirectory: seedDirectory)
    } catch {
      progress("\(suite.id).csv is unreadable (\(error)); evaluating every checkpoint again")
      existing = []
    }
    var rows: [MiniatureSeed.Row] = []
    var evaluated: [String] = []
    var evalSet: (MiniEvalSet, String)?
    for cell in suite.grid.cells {
      let checkpoint = layout.checkpoint(cell)
      guard FileManager.default.fileExists(atPath: layout.record(cell).path),
        FileManager.default.fileExists(atPath: checkpoint.path)
      else { continue }
      let checkpointSHA256 = try MiniVLM.sha256(of: checkpoint)
      let record = try TrainingRecord.read(layout.record(cell))
      guard let parity = record["parity"] as? [String: Any], parity["passes"] as? Bool == true,
        parity["checkpoint_sha256"] as? String == checkpointSHA256
      else { throw MiniReplicationError.parityMissing(cell: cell.name, checkpoint: checkpoint.path) }
      // A row is kept only for this checkpoint and with the accuracy its trainer measured (the
      // engine gives the same answers: parity), so an edited value is evaluated again; N, V and
      // the compressor always come from the cell.
      if let kept = Self.reusableRow(in: existing, checkpointSHA256: checkpointSHA256, record: record) {
        rows.append(Self.row(cell, accuracy: kept.accuracy, note: kept.note))
        continue
      }
      let set = try evalSet ?? heldOutSet(cell.family)
      evalSet = set
      rows.append(try evaluate(cell, record: record, checkpoint: checkpoint, checkpointSHA256: checkpointSHA256, on: set))
      evaluated.append(cell.name)
      progress("evaluated \(cell.name): accuracy \(rows.last!.accuracy)")
    }
    let seed = MiniatureSeed(
      suite: suite.id, description: suite.description,
      header: [
        "Computed by the Swift engine's evaluation (MiniVLM) from the committed checkpoints in paper-artifacts/mini/cells/, "
          + "grid \(suite.grid.name); rewritten by ./repro all when a checkpoint changes, never by hand.",
        "llm_params_billion = the LM's non-embedding parameters / 1e9 (N). value = accuracy on the family's held-out questions.",
      ],
      rows: rows)
    let rewritten = try seed.write(seedDirectory: seedDirectory)
    return Outcome(suite: suite.id, rows: rows.count, evaluated: evaluated, rewritten: rewritten)
  }

  /// The row of `existing` a refresh keeps for a checkpoint: the one naming its SHA-256, with the
  /// accuracy its trainer's `record` measured.
  static func reusableRow(in existing: [MiniatureSeed.Row], checkpointSHA256: String, record: [String: Any]) -> MiniatureSeed.Row? {
    let trainerAccuracy = (record["eval"] as? [String: Any])?["accuracy"] as? Double
    return existing.first { $0.note.contains(checkpointMark(checkpointSHA256)) && $0.accuracy == trainerAccuracy }
  }

  /// The trained cells of each suite that the next refresh would evaluate (a new or retrained
  /// checkpoint, or a row that is not its trainer's), without evaluating anything: what
  /// `repro status` reports, since the driver's dry run cannot see them.
  public func pending(_ suites: [MiniSuite] = MiniSuite.all) throws -> [(suite: SuiteID, cells: [String])] {
    try suites.compactMap { suite in
      let existing = (try? MiniatureSeed.rows(of: suite.id, seedDirectory: seedDirectory)) ?? []
      let cells = try suite.grid.cells.filter { cell in
        let checkpoint = layout.checkpoint(cell)
        guard FileManager.default.fileExists(atPath: layout.record(cell).path), FileManager.default.fileExists(atPath: checkpoint.path)
        else { return false }
        let record = try TrainingRecord.read(layout.record(cell))
        return Self.reusableRow(in: existing, checkpointSHA256: try MiniVLM.sha256(of: checkpoint), record: record) == nil
      }
      return cells.isEmpty ? nil : (suite.id, cells.map(\.name))
    }
  }

  /// The text a row's note carries for the checkpoint it was computed from.
  static func checkpointMark(_ sha256: String) -> String { "checkpoint sha256 \(sha256)" }

  /// `cell` evaluated by the engine on the held-out `set` its training `record` names.
  private func evaluate(
    _ cell: MiniCell, record: [String: Any], checkpoint: URL, checkpointSHA256: String, on set: (MiniEvalSet, String)
  ) throws -> MiniatureSeed.Row {
    guard let trained = record["eval_shard_sha256"] as? String, trained == set.1 else {
      throw MiniReplicationError.evalSetMismatch(
        cell: cell.name, recorded: record["eval_shard_sha256"] as? String ?? "none", current: set.1)
    }
    let model = try MiniVLM.load(checkpoint: checkpoint, tower: layout.visionTower)
    let result = try model.evaluate(set.0, batch: MiniVLM.defaultBatch, threads: threads)
    let overall = result.overall
    let note = "cell \(cell.name); \(Self.checkpointMark(checkpointSHA256)); \(overall.correct) of \(overall.questions) "
      + "held-out questions correct; mean cross-entropy \(String(format: "%.4f", overall.meanCrossEntropy)) nats; "
      + "eval shard sha256 \(set.1)"
    return Self.row(cell, accuracy: overall.accuracy, note: note)
  }

  /// `cell`'s row: its LLM family, N in billions, V and compressor, with `accuracy` and `note`.
  static func row(_ cell: MiniCell, accuracy: Double, note: String) -> MiniatureSeed.Row {
    MiniatureSeed.Row(
      family: MiniSuite.family, paramsBillion: Double(cell.language.nonEmbeddingParameters) / 1e9,
      visualTokens: cell.visualTokens, method: MiniSuite.methodID(cell.compressor), accuracy: accuracy, note: note)
  }

  /// The family's held-out set and its one shard's SHA-256, generated first when `.mini-data/`
  /// lacks it or holds an older generator's data.
  func heldOutSet(_ family: TaskFamily) throws -> (MiniEvalSet, String) {
    if (try? layout.currentManifest(family)) == nil {
      try MiniDataset.write(try MiniDatasetPlan(generator: .standard(family)), into: layout.dataDirectory)
    }
    let shards = try layout.shards(family, .eval)
    guard shards.count == 1 else { throw MiniReplicationError.missingData(family: family, directory: layout.familyData(family).path) }
    return (try MiniEvalSet.load(shards[0], family: family.rawValue), try SHA256Hex.of(fileAt: shards[0]))
  }
}
