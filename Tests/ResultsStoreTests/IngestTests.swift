import Foundation
import ResultsStore
import Testing

/// `repro ingest`: validation of every row, one all-or-nothing step, a normalised seed file.
@Suite struct IngestTests {
  static let columns = "suite,llm_params_billion,visual_tokens,metric,value,source_note"

  /// A scratch project with a built database, and a place for input files outside it.
  final class Project {
    let scratch: Scratch
    let inputs: URL
    var layout: ProjectLayout { ProjectLayout(root: scratch.root) }

    init() throws {
      scratch = try Scratch()
      try scratch.rebuild()
      inputs = scratch.root.appendingPathComponent("inputs", isDirectory: true)
      try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
    }

    func input(_ name: String, _ text: String) throws -> URL {
      let url = inputs.appendingPathComponent(name)
      try Data(text.utf8).write(to: url)
      return url
    }

    /// Every file under paper-artifacts/ with its bytes: what a rejected ingest must not change.
    func snapshot() throws -> [String: Data] {
      let root = scratch.seedDirectory
      let paths = FileManager.default.enumerator(atPath: root.path)!.compactMap { $0 as? String }
      return Dictionary(uniqueKeysWithValues: try paths.compactMap { path in
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDirectory)
        return isDirectory.boolValue ? nil : (path, try Data(contentsOf: root.appendingPathComponent(path)))
      })
    }
  }

  struct BadRow: CustomTestStringConvertible, Sendable {
    var row: String
    var reason: String
    var testDescription: String { row }
  }

  static let badRows: [BadRow] = [
    BadRow(row: "visual-reasoning,14,1,avg_accuracy,nan,", reason: "'nan' is not a finite number"),
    BadRow(row: "visual-reasoning,14,1,avg_accuracy,inf,", reason: "'inf' is not a finite number"),
    BadRow(row: "visual-reasoning,14,1,avg_accuracy,1.49,", reason: "outside [0, 1]"),
    BadRow(row: "visual-reasoning,14,1,avg_accuracy,-0.1,", reason: "outside [0, 1]"),
    // Issue 11, item 6: accepted before, then `fit` failed (log of 0) and `verify` printed "inf %".
    BadRow(row: "visual-reasoning,14,1,avg_accuracy,1,", reason: "would make the error Y = 1 − accuracy zero"),
    BadRow(row: "ocr,14,1,avg_accuracy,1.0,", reason: "an average accuracy must be below 1"),
    BadRow(row: "GQA,14,1,accuracy_percent,101,", reason: "outside [0, 100]"),
    BadRow(row: "visual-reasoning,14,0,avg_accuracy,0.49,", reason: "visual_tokens must be > 0"),
    BadRow(row: "visual-reasoning,14,-4,avg_accuracy,0.49,", reason: "visual_tokens must be > 0"),
    BadRow(row: "visual-reasoning,14,1.5,avg_accuracy,0.49,", reason: "not a whole number"),
    BadRow(row: "visual-reasoning,0,1,avg_accuracy,0.49,", reason: "llm_params_billion must be > 0"),
    BadRow(row: "vision,14,1,avg_accuracy,0.49,", reason: "unknown suite 'vision'"),
    BadRow(row: "ocr,14,1,accuracy_percent,0.49,", reason: "suite ocr is measured as avg_accuracy"),
    BadRow(row: "ocr,7,576,avg_accuracy,0.35,", reason: "is published data (ocr_avg_accuracy.csv:"),
    BadRow(row: "ocr,14,1,avg_accuracy", reason: "expected 6 fields, found 4"),
  ]

  @Test(arguments: badRows)
  func badRowRejectsTheFileNamingItsLineAndChangesNothing(_ bad: BadRow) throws {
    let project = try Project()
    let before = try project.snapshot()
    let file = try project.input("new.csv", "# provenance\n\(Self.columns)\nvisual-reasoning,14,4,avg_accuracy,0.5,\n\(bad.row)\n")
    let error = #expect(throws: IngestError.self) { try ResultIngest(layout: project.layout).ingest(file) }
    guard case .rejected(let path, let problems) = error else {
      Issue.record("expected a rejection, got \(String(describing: error))")
      return
    }
    #expect(path == file.path)
    #expect(problems.map(\.line) == [4], "the bad row is line 4: \(problems)")
    #expect(problems.first?.reason.contains(bad.reason) == true, "\(problems)")
    #expect(error?.description.contains("\(file.path):4:") == true)
    #expect(try project.snapshot() == before, "the database and the seed folder are unchanged")
  }

  @Test func everyBadLineIsNamedAndDuplicatesWithinTheFileAreRejected() throws {
    let project = try Project()
    let before = try project.snapshot()
    let file = try project.input("dup.csv", """
      \(Self.columns)
      visual-reasoning,14,1,avg_accuracy,0.49,
      visual-reasoning,14,1,avg_accuracy,0.48,
      visual-reasoning,14,4,avg_accuracy,2,

      """)
    let error = #expect(throws: IngestError.self) { try ResultIngest(layout: project.layout).ingest(file) }
    guard case .rejected(_, let problems) = error else { Issue.record("\(String(describing: error))"); return }
    #expect(problems.map(\.line) == [3, 4])
    #expect(problems[0].reason == "repeats line 2 (same suite, N, V and metric)")
    #expect(try project.snapshot() == before)
  }

  @Test func jsonLinesProblemsAreNamedByLine() throws {
    let project = try Project()
    let before = try project.snapshot()
    let file = try project.input("rows.jsonl", """
      {"suite": "visual-reasoning", "llm_params_billion": 14, "visual_tokens": 1, "metric": "avg_accuracy", "value": 0.49}
      {"suite": "visual-reasoning", "llm_params_billion": 14, "visual_tokens": 4, "metric": "avg_accuracy"}
      {"suite": "visual-reasoning", "llm_params_billion": 14, "visual_tokens": 16, "metric": "avg_accuracy", "value": NaN}
      {"suite": "visual-reasoning", "llm_params_billion": 14, "visual_tokens": 36, "metric": "avg_accuracy", "value": 0.5, "seed": 3}
      {"suite": "visual-reasoning", "llm_params_billion": 14, "visual_tokens": "64", "metric": "avg_accuracy", "value": 0.5}

      """)
    let error = #expect(throws: IngestError.self) { try ResultIngest(layout: project.layout).ingest(file) }
    guard case .rejected(_, let problems) = error else { Issue.record("\(String(describing: error))"); return }
    #expect(problems.map(\.line) == [2, 3, 4, 5])
    #expect(problems[0].reason == "missing field value")
    #expect(problems[1].reason == "not valid JSON")
    #expect(problems[2].reason.hasPrefix("unknown field(s) seed"))
    #expect(problems[3].reason == "field visual_tokens must be a whole number")
    #expect(try project.snapshot() == before)
  }

  @Test func acceptedRowsBecomeANormalisedSeedFileAndDatabaseRows() throws {
    let project = try Project()
    let file = try project.input("qwen14b.jsonl", """
      {"suite": "visual-reasoning", "llm_params_billion": 14, "visual_tokens": 4, "metric": "avg_accuracy", "value": 0.5}
      {"suite": "visual-reasoning", "llm_params_billion": 14.0, "visual_tokens": 1, "metric": "avg_accuracy", "value": 0.49, "source_note": "run 7, seed 1"}

      """)
    let report = try ResultIngest(layout: project.layout).ingest(file)
    #expect(report.seedFile == "ingested/qwen14b.csv")
    #expect(report.rows == 2 && report.replaced.isEmpty)
    #expect(try project.scratch.read("ingested/qwen14b.csv") == """
      # Ingested with `repro ingest` from qwen14b.jsonl.
      \(Self.columns)
      visual-reasoning,14,1,avg_accuracy,0.49,"run 7, seed 1"
      visual-reasoning,14,4,avg_accuracy,0.5,

      """)
    let database = try ResultsDatabase.openReadOnly(project.layout)
    #expect(database.seedDigest == report.seedDigest)
    let fourteen = try database.measurements(suite: .visualReasoning).filter { $0.N == 14 }
    #expect(fourteen.map(\.V) == [1, 4])
    #expect(fourteen.map(\.value) == [0.49, 0.5])
    #expect(fourteen.map(\.note) == ["run 7, seed 1", nil])
    #expect(try FileManager.default.contentsOfDirectory(atPath: project.scratch.seedDirectory.path).sorted()
      == ["ingested", "ocr_avg_accuracy.csv", "results.sqlite", "table1_token_compression_vicuna7b.csv", "visual_reasoning_avg_accuracy.csv"],
      "no staging folder or temporary file is left behind")
  }

  @Test func csvHeaderIsKeptAsProvenance() throws {
    let project = try Project()
    let file = try project.input("ocr14.csv", """
      # Measured by a reviewer with the authors' scripts.
      # Source: locuslab/llava-token-compression, scaling_law_code/eval.sh (commit bdedebd)
      \(Self.columns)
      ocr,14,576,avg_accuracy,0.36,

      """)
    try ResultIngest(layout: project.layout).ingest(file)
    let source = try #require(try ResultsDatabase.openReadOnly(project.layout).sources().first { $0.key == "ingested/ocr14.csv" })
    #expect(source.repository == "locuslab/llava-token-compression")
    #expect(source.commitHash == "bdedebd")
    #expect(source.note.contains("Ingested with `repro ingest` from ocr14.csv."))
    #expect(source.note.contains("Measured by a reviewer"))
  }

  @Test func duplicatesOfIngestedRowsNeedReplaceWhichRewritesTheirFile() throws {
    let project = try Project()
    let first = try project.input("a.csv", "\(Self.columns)\nvisual-reasoning,14,1,avg_accuracy,0.49,\nvisual-reasoning,14,4,avg_accuracy,0.5,\n")
    try ResultIngest(layout: project.layout).ingest(first)
    let second = try project.input("b.csv", "\(Self.columns)\nvisual-reasoning,14,1,avg_accuracy,0.485,corrected\n")

    let before = try project.snapshot()
    let error = #expect(throws: IngestError.self) { try ResultIngest(layout: project.layout).ingest(second) }
    guard case .rejected(_, let problems) = error else { Issue.record("\(String(describing: error))"); return }
    #expect(problems.map(\.line) == [2])
    #expect(problems[0].reason.contains("already ingested (ingested/a.csv:3); pass --replace"))
    #expect(try project.snapshot() == before)

    let report = try ResultIngest(layout: project.layout, replace: true).ingest(second)
    #expect(report.replaced == ["visual-reasoning N = 14.0 B, V = 1: 0.49 from ingested/a.csv:3"])
    #expect(try project.scratch.read("ingested/a.csv").contains("0.49") == false)
    let values = try ResultsDatabase.openReadOnly(project.layout).measurements(suite: .visualReasoning)
      .filter { $0.N == 14 }.map { "\($0.V):\($0.value):\($0.source)" }
    #expect(values == ["1:0.485:ingested/b.csv", "4:0.5:ingested/a.csv"])
  }

  @Test func aSeedFileOfTheSameNameIsReplacedOnlyOnRequest() throws {
    let project = try Project()
    let file = try project.input("x.csv", "\(Self.columns)\nvisual-reasoning,14,1,avg_accuracy,0.49,\n")
    try ResultIngest(layout: project.layout).ingest(file)
    #expect(throws: IngestError.seedFileExists(path: project.scratch.seedDirectory.appendingPathComponent("ingested/x.csv").path)) {
      try ResultIngest(layout: project.layout).ingest(file)
    }
    try Data("\(Self.columns)\nvisual-reasoning,14,16,avg_accuracy,0.51,\n".utf8).write(to: file)
    try ResultIngest(layout: project.layout, replace: true).ingest(file)
    let V = try ResultsDatabase.openReadOnly(project.layout).measurements(suite: .visualReasoning).filter { $0.N == 14 }.map(\.V)
    #expect(V == [16])
  }

  @Test func namesMustBePlainFileNames() throws {
    let project = try Project()
    let file = try project.input("ok.csv", "\(Self.columns)\nvisual-reasoning,14,1,avg_accuracy,0.49,\n")
    #expect(throws: IngestError.invalidName("../escape")) { try ResultIngest(layout: project.layout).ingest(file, name: "../escape") }
    #expect(throws: IngestError.invalidName(".hidden")) { try ResultIngest(layout: project.layout).ingest(file, name: ".hidden") }
  }

  @Test func formatFollowsTheExtension() {
    #expect(IngestFormat(fileName: "a.jsonl") == .jsonl)
    #expect(IngestFormat(fileName: "A.NDJSON") == .jsonl)
    #expect(IngestFormat(fileName: "a.csv") == .csv)
    #expect(IngestFormat(fileName: "results.txt") == .csv)
  }
}
