import Foundation
import GRDB
import ResultsStore
import ScalingLaw
import Testing

/// The shipped `paper-artifacts/results.sqlite`: built from the seed files and holding the
/// paper's numbers.
@Suite struct ShippedDatabaseTests {
  let layout: ProjectLayout
  let database: ResultsDatabase

  init() throws {
    layout = try projectLayout()
    database = try ResultsDatabase.openReadOnly(layout)
  }

  @Test func rebuildingFromTheSeedGivesTheShippedContent() throws {
    let scratch = try Scratch()
    try ResultsDatabase.rebuild(seedDirectory: layout.seedDirectory, database: scratch.databaseURL)
    let rebuilt = try ResultsDatabase.openReadOnly(scratch.databaseURL, seedDirectory: layout.seedDirectory)

    let tables = try database.tables()
    #expect(tables.map(\.name) == [
      "source", "model", "suite", "compressionMethod", "result", "dataIssue", "meta", "seedSpread", "heldOutAnswers",
    ])
    #expect(try rebuilt.tables() == tables)
    for table in tables {
      for format in ExportFormat.allCases {
        #expect(
          try rebuilt.export(table: table.name, format: format) == database.export(table: table.name, format: format),
          "table \(table.name) as \(format)")
      }
    }
    #expect(try rebuilt.schemaDescription() == database.schemaDescription())
    #expect(rebuilt.seedDigest == database.seedDigest)
    try database.verifyMatchesRebuild(seedDirectory: layout.seedDirectory)
  }

  @Test func rowCounts() throws {
    let counts = Dictionary(uniqueKeysWithValues: try database.tables().map { ($0.name, $0.rowCount) })
    // The paper's data, plus the miniature replication's one seed file per suite (its rows grow
    // as cells are trained, so they are counted from the file).
    let seeds = try projectLayout().seedDirectory
    let suites = try FileManager.default.contentsOfDirectory(atPath: seeds.appendingPathComponent("mini/results").path)
      .filter { $0.hasSuffix(".csv") }.map { SuiteID(rawValue: String($0.dropLast(".csv".count))) }
    #expect(Set(suites) == [.miniReasoning, .miniReasoningPruMerge, .miniCompressors, .miniOCR, .miniOCRCompressors])
    let mini = try suites.flatMap { try MiniatureSeed.rows(of: $0, seedDirectory: seeds) }
    let answers: Int = mini.map(\.answers.count).reduce(0, +)
    #expect(counts == [
      "source": 3 + suites.count, "model": 5 + Set(mini.map(\.paramsBillion)).count, "suite": 10 + suites.count,
      "compressionMethod": 6 + 4, "result": 28 + 28 + 116 + mini.count, "dataIssue": 3, "meta": 1 + 3 + suites.count,
      "seedSpread": mini.filter { $0.seedSpread != nil }.count, "heldOutAnswers": answers,
    ])
  }

  @Test func visualReasoningObservations() throws {
    let observations = try database.observations(suite: .visualReasoning)
    #expect(observations.count == 28)
    #expect(Set(observations.map(\.N)) == [0.5, 1.8, 4, 7])
    #expect(Set(observations.map(\.V)) == [1, 4, 16, 36, 64, 144, 576])
    #expect(observations == observations.sorted { ($0.N, $0.V) < ($1.N, $1.V) })
    #expect(observations[0] == Observation(N: 0.5, V: 1, Y: 1 - 0.3855))
    #expect(observations[10] == Observation(N: 1.8, V: 36, Y: 1 - 0.4597))
    #expect(observations[27] == Observation(N: 7, V: 576, Y: 1 - 0.5354))
  }

  @Test func ocrObservationsKeepThePublishedDefects() throws {
    let observations = try database.observations(suite: .ocr)
    #expect(observations.count == 28)
    func Y(_ N: Double, _ V: Double) -> Double? { observations.first { $0.N == N && $0.V == V }?.Y }
    #expect(Y(0.5, 1) == 1 - 0.09786452795)
    #expect(Y(4, 4) == 1 - 0.155895545)  // the row value, not the flat list's 0.135895545
    #expect(Y(7, 16) == 1 - 0.205)
    #expect(Y(7, 576) == Y(4, 576))  // the suspected copy error is kept, not fixed
    #expect(try #require(Y(7, 144)) > #require(Y(4, 144)))  // 7B below 4B at V = 144, as published
  }

  @Test func measurementsCarryTheirSource() throws {
    let measurements = try database.measurements(suite: .ocr)
    #expect(measurements.count == 28)
    #expect(Set(measurements.map(\.source)) == ["ocr_avg_accuracy.csv"])
    #expect(Set(measurements.map(\.method)) == ["TokenPacker"])
    #expect(Set(measurements.map(\.metric)) == ["avg_accuracy"])
    #expect(measurements.last == MeasuredResult(
      suite: .ocr, family: "Qwen-1.5", N: 7, V: 576, method: "TokenPacker", metric: "avg_accuracy",
      value: 0.3460536811, source: "ocr_avg_accuracy.csv", note: nil))
  }

  @Test func table1HasOneEntryPerNonEmptyCell() throws {
    let csv = try String(contentsOf: layout.seedDirectory.appendingPathComponent(paperSeedNames[1]), encoding: .utf8)
    let rows = csv.split(separator: "\n").filter { !$0.hasPrefix("#") }.dropFirst()
    let nonEmptyCells = rows.map { $0.split(separator: ",", omittingEmptySubsequences: false).dropFirst(2) }
      .reduce(0) { $0 + $1.filter { !$0.isEmpty }.count }
    #expect(nonEmptyCells == 116)

    let entries = try database.table1()
    #expect(entries.count == nonEmptyCells)
    #expect(entries.first == Table1Entry(
      method: "none", tokens: 576, benchmark: SuiteID(rawValue: "GQA"), metric: "accuracy_percent", value: 62.0))
    #expect(entries.last == Table1Entry(
      method: "QueCC", tokens: 1, benchmark: SuiteID(rawValue: "VQAv2"), metric: "accuracy_percent", value: 67.3))
    #expect(entries.contains(Table1Entry(
      method: "QueCC", tokens: 1, benchmark: SuiteID(rawValue: "MME"), metric: "score", value: 1269.1)))
    #expect(entries.contains { $0.method == "Matryoshka Query" && $0.tokens == 2 })
    #expect(!entries.contains { $0.method == "Matryoshka Multimodal" && $0.benchmark.rawValue == "MME" })
    #expect(Set(entries.map(\.method)) == [
      "none", "PruMerge", "TokenPacker", "Matryoshka Multimodal", "Matryoshka Query", "QueCC",
    ])
  }

  @Test func ocrKnownProblemsAreRecordedVerbatim() throws {
    let issues = try database.dataIssues(suite: .ocr)
    #expect(issues.count == 3)
    #expect(issues.map(\.description) == [
      "the same block also has a one-line flat list of 27 values (7B@576 missing) that disagrees at 4B,V=4: "
        + "0.135895545 (flat) vs 0.155895545 (row, used here)",
      "7B@576 is identical to 4B@576 (0.3460536811): probably a copy error",
      "7B@144 (0.2880269247) is below 4B@144 (0.2882145317)",
    ])
    #expect(issues.map(\.N) == [4, 7, 7])
    #expect(issues.map(\.V) == [4, 576, 144])
    #expect(Set(issues.map(\.source)) == ["ocr_avg_accuracy.csv"])
    #expect(try database.dataIssues(suite: .visualReasoning).isEmpty)
    #expect(try database.dataIssues() == issues)
  }

  @Test func provenanceComesFromTheHeaders() throws {
    let sources = try database.sources().filter { paperSeedNames.contains($0.key) }
    #expect(sources.map(\.key) == paperSeedNames)
    let ocr = sources[0], table1 = sources[1], visualReasoning = sources[2]
    #expect(visualReasoning.repository == "locuslab/llava-token-compression")
    #expect(visualReasoning.commitHash == "bdedebd")
    #expect(visualReasoning.file == "scaling_law_code/values.py")
    #expect(visualReasoning.note.hasPrefix("Average accuracy over the 9 visual-reasoning benchmarks"))
    #expect(!visualReasoning.note.contains("Source:"))
    #expect(ocr.repository == "locuslab/llava-token-compression")
    #expect(ocr.commitHash == "bdedebd")
    #expect(ocr.note.contains("Known problems"))
    #expect(table1.repository == "deep-diver/ai-paper-reviewer")
    #expect(table1.file == "content/paper-reviews/2411.03312/index.md")
    #expect(table1.commitHash == "7908043cc7c37972cb81a023186b6c83534f847a", "Table 1's transcription is pinned to a commit")
    #expect(table1.note.contains("MME is the MME-Perception score (10 subtasks, max 2000)"))
    #expect(table1.note.contains("Empty cell = not reported"))
  }

  @Test func readOnlyDatabaseRefusesWrites() throws {
    let writer = try #require(database.reader as? any DatabaseWriter)
    #expect {
      try writer.write { db in try db.execute(sql: "DELETE FROM result") }
    } throws: { error in
      (error as? DatabaseError)?.resultCode == .SQLITE_READONLY
    }
    #expect(try database.measurements(suite: .visualReasoning).count == 28)
  }

  @Test func canonicalDumpIsTheSelectedRowsAsText() throws {
    let dump = try database.canonicalDump(.results(suite: .visualReasoning))
    let lines = dump.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 2 + 28 + 1)
    #expect(lines[0] == "# results:visual-reasoning")
    #expect(lines[1] == "suite\tfamily\tN\tV\tmethod\tmetric\tvalue\tsource\tnote")
    #expect(lines[2].split(separator: "\t") == [
      #""visual-reasoning""#, #""Qwen-1.5""#, "0.5", "1", #""TokenPacker""#, #""avg_accuracy""#, "0.3855",
      #""visual_reasoning_avg_accuracy.csv""#, "NULL",
    ])
    #expect(try database.canonicalDump(.dataIssues(suite: .visualReasoning))
      == "# dataIssues:visual-reasoning\nsuite\tsource\tN\tV\tdescription\n")
    #expect(try database.canonicalDump(.table1).split(separator: "\n").count == 2 + 116)
    #expect(try database.canonicalDump(.sources).contains(#""deep-diver/ai-paper-reviewer""#))
  }
}
