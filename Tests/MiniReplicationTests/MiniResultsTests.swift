import Foundation
import MiniTasks
import ResultsStore
import MiniVLM
import Testing

@testable import MiniReplication

/// `./repro all`'s evaluation of the committed checkpoints into the results store's seed files.
@Suite struct MiniResultsTests {
  /// A scratch project holding the committed vision tower and the smallest smoke cell, with a
  /// one-cell suite over it.
  static func scratch() throws -> (layout: MiniLayout, seeds: URL, suite: MiniSuite, cell: MiniCell) {
    let committed = CommittedCheckpointTests.layout
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("mini-results-\(UUID().uuidString)")
    let layout = MiniLayout(root: root)
    let cell = MiniGrid.smoke.cells[0]
    try FileManager.default.createDirectory(at: layout.cellsDirectory, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: committed.visionTower, to: layout.visionTower)
    for (from, to) in zip(committed.cellFiles(cell), layout.cellFiles(cell)) { try FileManager.default.copyItem(at: from, to: to) }
    let suite = MiniSuite(
      id: SuiteID(rawValue: "mini-scratch"), grid: MiniGrid(name: "scratch", cells: [cell], recipe: .replication),
      description: "One cell.")
    return (layout, root.appendingPathComponent("paper-artifacts"), suite, cell)
  }

  @Test func aNewCheckpointIsEvaluatedOnceAndAgreesWithItsTrainer() throws {
    let (layout, seeds, suite, cell) = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: layout.root) }
    let results = MiniResults(layout: layout, seedDirectory: seeds, threads: 2)
    let first = try results.refresh([suite])
    #expect(first == [.init(suite: suite.id, rows: 1, evaluated: [cell.name], rewritten: true)])
    let row = try #require(try MiniatureSeed.rows(of: suite.id, seedDirectory: seeds).first)
    let record = try TrainingRecord.read(layout.record(cell))
    let trainer = try #require((record["eval"] as? [String: Any])?["accuracy"] as? Double)
    #expect(row.accuracy == trainer, "the engine's accuracy is the trainer's (parity)")
    #expect(row.paramsBillion == 25_440e-9 && row.visualTokens == cell.visualTokens && row.method == "mini-tokenpacker")
    #expect(row.note.contains(try CellTraining.sha256(Data(contentsOf: layout.checkpoint(cell)))))
    // Which questions it answered correctly: the trainer's predictions agree on every one (parity).
    let answers = try #require(row.answers.first)
    #expect(row.answers.count == 1 && answers.accuracy == row.accuracy)
    let trainerPredictions = try TrainerPredictions(contentsOf: layout.predictions(cell))
    let set = try layout.heldOutSet(cell.family).0
    let trainerCorrect = zip(trainerPredictions.predictions, set.answers).map { $0 == $1 }
    #expect(answers.questions == trainerCorrect.count)
    #expect((0..<answers.questions).filter { answers[$0] != trainerCorrect[$0] }.count <= answers.questions / 1_000)
    let second = try results.refresh([suite])
    #expect(second == [.init(suite: suite.id, rows: 1, evaluated: [], rewritten: false)], "nothing new, nothing evaluated")
  }

  /// A configuration trained with another seed (grid reasoning-seeds) is one row: the mean over
  /// its seeds, with their count and sample spread, each seed's checkpoint named in the note.
  @Test func anotherSeedOfTheCellMakesItsRowTheMeanWithTheSpread() throws {
    let (layout, seeds, suite, cell) = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: layout.root) }
    var other = cell
    other.seed = 1
    #expect(MiniGrid.reasoningSeeds.cells.contains(other))
    for (from, to) in zip(CommittedCheckpointTests.layout.cellFiles(other), layout.cellFiles(other)) {
      try FileManager.default.copyItem(at: from, to: to)
    }
    let results = MiniResults(layout: layout, seedDirectory: seeds, threads: 2)
    #expect(try results.pending([suite]).first?.cells == [cell.name, other.name])
    let outcome = try results.refresh([suite])
    #expect(outcome.first?.evaluated == [cell.name, other.name] && outcome.first?.rows == 1)
    let row = try #require(try MiniatureSeed.rows(of: suite.id, seedDirectory: seeds).first)
    let accuracies = try [cell, other].map { try #require((try TrainingRecord.read(layout.record($0))["eval"] as? [String: Any])?["accuracy"] as? Double) }
    #expect(row.accuracy == (accuracies[0] + accuracies[1]) / 2)
    #expect(row.seedSpread?.seeds == 2)
    #expect(row.answers.map(\.accuracy) == accuracies, "each seed's answers, in seed order")
    #expect(abs(row.seedSpread!.standardDeviation - abs(accuracies[0] - accuracies[1]) / 2.0.squareRoot()) < 1e-12)
    for member in [cell, other] {
      #expect(row.note.contains(try CellTraining.sha256(Data(contentsOf: layout.checkpoint(member)))))
    }
    #expect(try results.refresh([suite]).first?.evaluated == [], "kept on the next run")
  }

  /// `repro status` cannot run the evaluation (a dry run writes nothing), so it asks which cells
  /// the next refresh would evaluate; before this, it said "up to date" over a new checkpoint.
  @Test func pendingNamesTheCellsTheNextRefreshEvaluatesWithoutEvaluatingThem() throws {
    let (layout, seeds, suite, cell) = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: layout.root) }
    let results = MiniResults(layout: layout, seedDirectory: seeds, threads: 2)
    let before = try results.pending([suite])
    #expect(before.map(\.suite) == [suite.id] && before.first?.cells == [cell.name])
    #expect(!FileManager.default.fileExists(atPath: MiniatureSeed.url(of: suite.id, seedDirectory: seeds).path), "nothing written")
    try results.refresh([suite])
    #expect(try results.pending([suite]).isEmpty)
  }

  @Test func aHandEditedFileIsRebuiltFromTheCheckpoints() throws {
    let (layout, seeds, suite, cell) = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: layout.root) }
    let results = MiniResults(layout: layout, seedDirectory: seeds, threads: 2)
    try results.refresh([suite])
    let url = MiniatureSeed.url(of: suite.id, seedDirectory: seeds)
    let written = try String(contentsOf: url, encoding: .utf8)
    try written.replacingOccurrences(of: "mini-tokenpacker,avg_accuracy,", with: "mini-tokenpacker,avg_accuracy,x").write(
      to: url, atomically: true, encoding: .utf8)
    var news: [String] = []
    let outcome = try results.refresh([suite]) { news.append($0) }
    #expect(outcome.first?.evaluated == [cell.name])
    #expect(news.first?.contains("unreadable") == true)
    #expect(try String(contentsOf: url, encoding: .utf8) == written)
    // An edit that still parses is caught too: the kept value must be the trainer's.
    let accuracy = try #require(try MiniatureSeed.rows(of: suite.id, seedDirectory: seeds).first?.accuracy)
    try written.replacingOccurrences(of: ",avg_accuracy,\(accuracy),", with: ",avg_accuracy,0.7,").write(
      to: url, atomically: true, encoding: .utf8)
    #expect(try results.refresh([suite]).first?.evaluated == [cell.name])
    #expect(try String(contentsOf: url, encoding: .utf8) == written)
  }

  @Test func aCellWithoutAPassingParityCheckIsRefused() throws {
    let (layout, seeds, suite, cell) = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: layout.root) }
    var record = try TrainingRecord.read(layout.record(cell))
    record.removeValue(forKey: "parity")
    try TrainingRecord.write(record, to: layout.record(cell))
    let error = try #require(throws: MiniReplicationError.self) {
      try MiniResults(layout: layout, seedDirectory: seeds, threads: 1).refresh([suite])
    }
    #expect("\(error)".contains("--record"))
  }

  @Test func aCellTrainedOnAnotherHeldOutSetIsRefused() throws {
    let (layout, seeds, suite, cell) = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: layout.root) }
    var record = try TrainingRecord.read(layout.record(cell))
    record["eval_shard_sha256"] = String(repeating: "0", count: 64)
    try TrainingRecord.write(record, to: layout.record(cell))
    let error = try #require(throws: MiniReplicationError.self) {
      try MiniResults(layout: layout, seedDirectory: seeds, threads: 1).refresh([suite])
    }
    #expect("\(error)".contains("./repro mini train \(cell.name)"))
    #expect(!FileManager.default.fileExists(atPath: MiniatureSeed.url(of: suite.id, seedDirectory: seeds).path), "nothing half-written")
  }

  /// Every cell `repro mini train` installs gets the engine's parity check in its record.
  @Test func parityIsRecordedInTheCellsRecord() throws {
    let (layout, _, _, cell) = try Self.scratch()
    defer { try? FileManager.default.removeItem(at: layout.root) }
    var record = try TrainingRecord.read(layout.record(cell))
    record.removeValue(forKey: "parity")
    try TrainingRecord.write(record, to: layout.record(cell))
    try MiniDataset.write(try MiniDatasetPlan(generator: .standard(cell.family), trainQuestions: 10), into: layout.dataDirectory)
    let agreement = try CellTraining(layout: layout, grid: MiniGrid.smoke).recordParity(cell, threads: 2)
    #expect(agreement.passes && agreement.identical == 4_000)
    let parity = try #require(try TrainingRecord.read(layout.record(cell))["parity"] as? [String: Any])
    #expect(parity["passes"] as? Bool == true)
    #expect(parity["checkpoint_sha256"] as? String == (try CellTraining.sha256(Data(contentsOf: layout.checkpoint(cell)))))
  }
}
