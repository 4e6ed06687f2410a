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

  /// The OCR family's (N, V) grid, pooled (``MiniGrid/ocrScaling`` says why): the miniature
  /// analog of the paper's OCR grid.
  public static let ocr = MiniSuite(
    id: .miniOCR, grid: .ocrScaling,
    description: "Miniature replication: accuracy of our trained miniature VLMs (average pooling) on the OCR family's "
      + "held-out questions (generator version \(TaskFamily.ocr.generatorVersion)), evaluated by the bundled Swift engine.")

  /// The compressor comparison on the OCR family (``MiniGrid/ocrCompressors``).
  public static let ocrCompressors = MiniSuite(
    id: .miniOCRCompressors, grid: .ocrCompressors,
    description: "Miniature replication: accuracy of our trained miniature VLMs with four token compressors "
      + "(pooling, PruMerge-style, TokenPacker-style, QueCC) on the OCR family's held-out questions (generator version "
      + "\(TaskFamily.ocr.generatorVersion)), evaluated by the bundled Swift engine.")

  /// Every suite the replication writes, in the order `./repro all` refreshes them.
  public static let all: [MiniSuite] = [reasoning, reasoningPruMerge, compressors, ocr, ocrCompressors]

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
      // The cell and the same configuration trained with other seeds (grid reasoning-seeds):
      // the row is their mean, with the seed count and spread.
      guard let members = try trainedSeeds(of: cell, requireParity: true) else { continue }
      // A row is kept only for these checkpoints and with the accuracy their trainers measured
      // (the engine gives the same answers: parity), so an edited value is evaluated again; N, V
      // and the compressor always come from the cell.
      if let kept = Self.reusableRow(in: existing, members: members) {
        rows.append(Self.row(cell, accuracy: kept.accuracy, note: kept.note, seedSpread: kept.seedSpread, answers: kept.answers))
        continue
      }
      let set = try evalSet ?? layout.heldOutSet(cell.family)
      evalSet = set
      let seedRows = try members.map { member in
        try evaluate(member.cell, record: member.record, checkpoint: layout.checkpoint(member.cell), checkpointSHA256: member.sha256, on: set)
      }
      rows.append(Self.combined(cell, seedRows: seedRows, seeds: members.map(\.cell.seed)))
      evaluated += members.map(\.cell.name)
      progress("evaluated \(members.map(\.cell.name).joined(separator: ", ")): accuracy \(rows.last!.accuracy)")
    }
    let seed = MiniatureSeed(
      suite: suite.id, description: suite.description,
      header: [
        "Computed by the Swift engine's evaluation (MiniVLM) from the committed checkpoints in paper-artifacts/mini/cells/, "
          + "grid \(suite.grid.name); rewritten by ./repro all when a checkpoint changes, never by hand.",
        "llm_params_billion = the LM's non-embedding parameters / 1e9 (N). value = accuracy on the family's held-out questions; "
          + "where seeds is set, the mean over that many training seeds, seed_std their sample standard deviation.",
      ],
      rows: rows)
    let rewritten = try seed.write(seedDirectory: seedDirectory)
    return Outcome(suite: suite.id, rows: rows.count, evaluated: evaluated, rewritten: rewritten)
  }

  /// A trained checkpoint of a configuration: its cell, SHA-256 and training record.
  struct TrainedSeed {
    var cell: MiniCell
    var sha256: String
    var record: [String: Any]
  }

  /// `cell` and every other seed of its configuration (in any registered grid) that is trained,
  /// by seed; `nil` when `cell` itself is not trained. With `requireParity`, a checkpoint without
  /// a passing engine-parity check is an error naming the command that checks it.
  func trainedSeeds(of cell: MiniCell, requireParity: Bool) throws -> [TrainedSeed]? {
    func trained(_ cell: MiniCell) -> Bool {
      FileManager.default.fileExists(atPath: layout.record(cell).path) && FileManager.default.fileExists(atPath: layout.checkpoint(cell).path)
    }
    guard trained(cell) else { return nil }
    var others: [MiniCell] = []
    for other in MiniGrid.all.flatMap(\.cells) where other.seed != cell.seed && !others.contains(other) {
      var same = other
      same.seed = cell.seed
      if same == cell && trained(other) { others.append(other) }
    }
    return try ([cell] + others).sorted { $0.seed < $1.seed }.map { member in
      let checkpoint = layout.checkpoint(member)
      let sha256 = try MiniVLM.sha256(of: checkpoint)
      let record = try TrainingRecord.read(layout.record(member))
      if requireParity {
        guard let parity = record["parity"] as? [String: Any], parity["passes"] as? Bool == true,
          parity["checkpoint_sha256"] as? String == sha256
        else { throw MiniReplicationError.parityMissing(cell: member.name, checkpoint: checkpoint.path) }
      }
      return TrainedSeed(cell: member, sha256: sha256, record: record)
    }
  }

  /// The row of `existing` a refresh keeps for a configuration's trained seeds: the one naming
  /// every checkpoint's SHA-256, over as many seeds, with the mean of the accuracies their
  /// trainers measured.
  static func reusableRow(in existing: [MiniatureSeed.Row], members: [TrainedSeed]) -> MiniatureSeed.Row? {
    let accuracies = members.compactMap { ($0.record["eval"] as? [String: Any])?["accuracy"] as? Double }
    guard accuracies.count == members.count else { return nil }
    let mean = MiniatureSeed.mean(accuracies)
    return existing.first { row in
      members.allSatisfy { row.note.contains(checkpointMark($0.sha256)) } && row.accuracy == mean
        && (row.seedSpread?.seeds ?? 1) == members.count && row.answers.count == members.count
    }
  }

  /// One seed's row as it is, several seeds' as their mean with the count, the spread and every
  /// seed's provenance in the note.
  static func combined(_ cell: MiniCell, seedRows: [MiniatureSeed.Row], seeds: [Int]) -> MiniatureSeed.Row {
    guard seedRows.count > 1 else { return seedRows[0] }
    let accuracies = seedRows.map(\.accuracy)
    let perSeed: [String] = zip(seeds, accuracies).map { seed, accuracy in "seed \(seed): \(accuracy)" }
    let seedList: String = seeds.map(String.init).joined(separator: ", ")
    let note: String = "mean of seeds \(seedList) (\(perSeed.joined(separator: ", "))); " + seedRows.map(\.note).joined(separator: " | ")
    return row(
      cell, accuracy: MiniatureSeed.mean(accuracies), note: note,
      seedSpread: (seeds: seedRows.count, standardDeviation: MiniatureSeed.sampleStandardDeviation(accuracies)),
      answers: seedRows.flatMap(\.answers))
  }

  /// The trained cells of each suite that the next refresh would evaluate (a new or retrained
  /// checkpoint, or a row that is not its trainer's), without evaluating anything: what
  /// `repro status` reports, since the driver's dry run cannot see them.
  public func pending(_ suites: [MiniSuite] = MiniSuite.all) throws -> [(suite: SuiteID, cells: [String])] {
    try suites.compactMap { suite in
      let existing = (try? MiniatureSeed.rows(of: suite.id, seedDirectory: seedDirectory)) ?? []
      let cells = try suite.grid.cells.flatMap { cell -> [String] in
        guard let members = try trainedSeeds(of: cell, requireParity: false),
          Self.reusableRow(in: existing, members: members) == nil
        else { return [] }
        return members.map(\.cell.name)
      }
      return cells.isEmpty ? nil : (suite.id, cells)
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
    let answers = CorrectAnswers(zip(result.predictions, set.0.answers).map { $0 == $1 })
    guard answers.questions == overall.questions, answers.correctCount == overall.correct else {
      throw MiniReplicationError.evaluationInconsistent(
        cell: cell.name, reason: "\(answers.correctCount) of \(answers.questions) answers correct against the summary's "
          + "\(overall.correct) of \(overall.questions)")
    }
    let note = "cell \(cell.name); \(Self.checkpointMark(checkpointSHA256)); \(overall.correct) of \(overall.questions) "
      + "held-out questions correct; mean cross-entropy \(String(format: "%.4f", overall.meanCrossEntropy)) nats; "
      + "eval shard sha256 \(set.1)"
    return Self.row(cell, accuracy: answers.accuracy, note: note, answers: [answers])
  }

  /// `cell`'s row: its LLM family, N in billions, V and compressor, with `accuracy` and `note`.
  static func row(
    _ cell: MiniCell, accuracy: Double, note: String, seedSpread: (seeds: Int, standardDeviation: Double)? = nil,
    answers: [CorrectAnswers]
  ) -> MiniatureSeed.Row {
    MiniatureSeed.Row(
      family: MiniSuite.family, paramsBillion: Double(cell.language.nonEmbeddingParameters) / 1e9,
      visualTokens: cell.visualTokens, method: MiniSuite.methodID(cell.compressor), accuracy: accuracy, note: note,
      seedSpread: seedSpread, answers: answers)
  }
}

extension MiniLayout {
  /// The family's held-out set and its one shard's SHA-256, generated first when `.mini-data/`
  /// lacks it or holds an older generator's data: what the evaluation and the cost sweep read.
  func heldOutSet(_ family: TaskFamily) throws -> (MiniEvalSet, String) {
    if (try? currentManifest(family)) == nil {
      try MiniDataset.write(try MiniDatasetPlan(generator: .standard(family)), into: dataDirectory)
    }
    let evalShards = try shards(family, .eval)
    guard evalShards.count == 1 else { throw MiniReplicationError.missingData(family: family, directory: familyData(family).path) }
    return (try MiniEvalSet.load(evalShards[0], family: family.rawValue), try SHA256Hex.of(fileAt: evalShards[0]))
  }
}
