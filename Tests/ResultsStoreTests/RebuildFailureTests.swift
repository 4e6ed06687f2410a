import Foundation
import GRDB
import ResultsStore
import Testing

/// Bad seeds and bad database files give clear errors, and a failed build leaves nothing behind.
@Suite struct RebuildFailureTests {
  static let visualReasoning = "visual_reasoning_avg_accuracy.csv"
  static let table1 = "table1_token_compression_vicuna7b.csv"

  struct BadRow: CustomTestStringConvertible, Sendable {
    var file: String
    var original: String
    var replacement: String
    var reason: String
    var testDescription: String { "\(file): \(replacement)" }
  }

  static let badRows: [BadRow] = [
    BadRow(file: visualReasoning, original: "0.5,4,0.3917", replacement: "0.5,4,nan", reason: "not a finite number"),
    BadRow(file: visualReasoning, original: "0.5,4,0.3917", replacement: "0.5,4,inf", reason: "not a finite number"),
    BadRow(file: visualReasoning, original: "0.5,4,0.3917", replacement: "0.5,0,0.3917", reason: "visualTokens > 0"),
    BadRow(file: visualReasoning, original: "0.5,4,0.3917", replacement: "0.5,-4,0.3917", reason: "visualTokens > 0"),
    BadRow(file: visualReasoning, original: "0.5,4,0.3917", replacement: "0.5,4,1.3917", reason: "outside [0, 1]"),
    BadRow(file: visualReasoning, original: "0.5,4,0.3917", replacement: "0.5,4,-0.1", reason: "outside [0, 1]"),
    // Issue 11, item 6: an accuracy of 1 is an error Y = 0, which no fit can take the log of.
    BadRow(file: visualReasoning, original: "0.5,4,0.3917", replacement: "0.5,4,1", reason: "would make the error Y = 1 − accuracy zero"),
    BadRow(file: visualReasoning, original: "0.5,4,0.3917", replacement: "0.5,4,abc", reason: "'abc' is not a finite number"),
    BadRow(file: visualReasoning, original: "0.5,4,0.3917", replacement: "0.5,four,0.3917", reason: "not a whole number"),
    BadRow(file: visualReasoning, original: "0.5,4,0.3917", replacement: "0.5,4", reason: "expected 3 fields, found 2"),
    BadRow(file: visualReasoning, original: "0.5,4,0.3917", replacement: "0,4,0.3917", reason: "paramsBillion > 0"),
    BadRow(file: visualReasoning, original: "0.5,4,0.3917", replacement: "0.5,1,0.3917", reason: "UNIQUE constraint failed"),
    BadRow(
      file: table1, original: "QueCC,1,53.5,59.4,1269.1,81.3,69.9,46.8,44.1,67.3",
      replacement: "QueCC,1,53.5,59.4,2069.1,81.3,69.9,46.8,44.1,67.3", reason: "outside [0, 2000]"),
    BadRow(
      file: table1, original: "QueCC,1,53.5,59.4,1269.1,81.3,69.9,46.8,44.1,67.3",
      replacement: "QueCC,1,53.5,59.4,1269.1,81.3,69.9,46.8,44.1,nan", reason: "VQAv2 'nan' is not a finite number"),
    BadRow(
      file: table1, original: "QueCC,1,53.5,59.4,1269.1,81.3,69.9,46.8,44.1,67.3",
      replacement: "QueSS,1,53.5,59.4,1269.1,81.3,69.9,46.8,44.1,67.3", reason: "FOREIGN KEY constraint failed"),
  ]

  @Test(arguments: badRows)
  func malformedRowNamesFileAndLineAndLeavesNoDatabase(_ bad: BadRow) throws {
    let scratch = try Scratch()
    let line = try scratch.replaceLine(bad.original, with: bad.replacement, in: bad.file)
    let error = #expect(throws: ResultsStoreError.self) { try scratch.rebuild() }
    guard case .malformedSeed(let file, let errorLine, let reason) = error else {
      Issue.record("expected a malformedSeed error, got \(String(describing: error))")
      return
    }
    #expect(file == scratch.seedDirectory.appendingPathComponent(bad.file).path)
    #expect(errorLine == line)
    #expect(reason.contains(bad.reason), "\(reason)")
    #expect(error?.description.hasPrefix("\(file):\(line): ") == true)
    #expect(try scratch.seedDirectoryEntries() == paperSeedNames)
  }

  @Test func failedRebuildKeepsThePreviousDatabase() throws {
    let scratch = try Scratch()
    try scratch.rebuild()
    let before = try Data(contentsOf: scratch.databaseURL)
    try scratch.replaceLine("7,576,0.5354", with: "7,576,1.5354", in: Self.visualReasoning)
    #expect(throws: ResultsStoreError.self) { try scratch.rebuild() }
    #expect(try Data(contentsOf: scratch.databaseURL) == before)
    #expect(try scratch.seedDirectoryEntries() == (paperSeedNames + ["results.sqlite"]).sorted())
  }

  @Test func editedSeedMakesTheDatabaseStale() throws {
    let scratch = try Scratch()
    try scratch.rebuild()
    _ = try scratch.open()
    try scratch.replaceLine("7,16,0.205", with: "7,16,0.2050001", in: "ocr_avg_accuracy.csv")
    #expect(throws: ResultsStoreError.staleDatabase(
      path: scratch.databaseURL.path, changes: ["ocr_avg_accuracy.csv changed"])) { try scratch.open() }
    let error = #expect(throws: ResultsStoreError.self) { try scratch.open() }
    #expect(error?.description.contains("run `./repro data rebuild`") == true)
    try scratch.rebuild()
    #expect(try scratch.open().observations(suite: .ocr).contains { $0.N == 7 && $0.V == 16 && $0.Y == 1 - 0.2050001 })
  }

  @Test func addedIngestedFileMakesTheDatabaseStale() throws {
    let scratch = try Scratch()
    try scratch.rebuild()
    try scratch.write("suite,llm_params_billion,visual_tokens,metric,value,source_note\n", to: "ingested/empty.csv")
    #expect(throws: ResultsStoreError.staleDatabase(
      path: scratch.databaseURL.path, changes: ["ingested/empty.csv added"])) { try scratch.open() }
  }

  @Test func missingSeedFileIsReported() throws {
    let scratch = try Scratch()
    try FileManager.default.removeItem(at: scratch.seedDirectory.appendingPathComponent(Self.table1))
    #expect(throws: ResultsStoreError.missingSeedFile(
      path: scratch.seedDirectory.appendingPathComponent(Self.table1).path)) { try scratch.rebuild() }
  }

  @Test func missingDatabaseSaysToRebuild() throws {
    let scratch = try Scratch()
    let error = #expect(throws: ResultsStoreError.missingDatabase(path: scratch.databaseURL.path)) {
      try scratch.open()
    }
    #expect(error?.description.contains("./repro data rebuild") == true)
  }

  @Test func garbageFileIsNotADatabase() throws {
    let scratch = try Scratch()
    let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
    try garbage.write(to: scratch.databaseURL)
    let error = #expect(throws: ResultsStoreError.self) { try scratch.open() }
    guard case .notADatabase(let path, let reason) = error else {
      Issue.record("expected notADatabase, got \(String(describing: error))")
      return
    }
    #expect(path == scratch.databaseURL.path)
    #expect(reason.contains("not a database"))
  }

  @Test func databaseOfAnotherSchemaIsRefused() throws {
    let scratch = try Scratch()
    let queue = try DatabaseQueue(path: scratch.databaseURL.path)
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v0-something-else") { db in try db.execute(sql: "CREATE TABLE other (id INTEGER)") }
    try migrator.migrate(queue)
    try queue.close()
    #expect(throws: ResultsStoreError.schemaMismatch(
      path: scratch.databaseURL.path, expected: ["v1-paper-results", "v2-seed-spread", "v3-held-out-answers"], found: ["v0-something-else"])) {
      try scratch.open()
    }
  }

  @Test func emptySQLiteFileIsRefused() throws {
    let scratch = try Scratch()
    try Data().write(to: scratch.databaseURL)
    #expect(throws: ResultsStoreError.schemaMismatch(
      path: scratch.databaseURL.path, expected: ["v1-paper-results", "v2-seed-spread", "v3-held-out-answers"], found: [])) { try scratch.open() }
  }

  @Test func sourceHeaderIsRequiredForPaperFiles() throws {
    let scratch = try Scratch()
    let text = try scratch.read(Self.visualReasoning)
    try scratch.write(text.split(separator: "\n").filter { !$0.hasPrefix("# Source:") }.joined(separator: "\n"),
      to: Self.visualReasoning)
    let error = #expect(throws: ResultsStoreError.self) { try scratch.rebuild() }
    guard case .malformedSeed(_, 1, let reason) = error else {
      Issue.record("expected malformedSeed at line 1, got \(String(describing: error))")
      return
    }
    #expect(reason.contains("Source:"))
  }

  @Test func projectRootNotFound() throws {
    let scratch = try Scratch()
    let nested = scratch.root.appendingPathComponent("Experiments/Figure1", isDirectory: true)
    try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
    #expect(try ProjectLayout.locate(from: nested).root.path == scratch.root.standardizedFileURL.path)
    #expect(throws: ResultsStoreError.projectRootNotFound(start: "/")) {
      try ProjectLayout.locate(from: URL(fileURLWithPath: "/", isDirectory: true))
    }
  }
}
