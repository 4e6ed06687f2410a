import Foundation
import ResultsStore
import Testing

/// Issue 11, item 7: CSV as other tools write it — Windows line ends, a byte order mark before
/// the `#` provenance header, quoted fields — reads as the same rows, in seed files and ingest
/// files alike (both go through one reader, SwiftCSV underneath).
@Suite struct CSVDialectTests {
  static let columns = "suite,llm_params_billion,visual_tokens,metric,value,source_note"
  static let visualReasoning = "visual_reasoning_avg_accuracy.csv"

  @Test func aSeedFileWithWindowsLineEndsGivesTheSameRows() throws {
    let scratch = try Scratch()
    try scratch.rebuild()
    let expected = try scratch.open().measurements(suite: .visualReasoning)
    let sources = try scratch.open().sources()
    try scratch.write(try scratch.read(Self.visualReasoning).replacingOccurrences(of: "\n", with: "\r\n"), to: Self.visualReasoning)
    try scratch.rebuild()
    #expect(try scratch.open().measurements(suite: .visualReasoning) == expected)
    #expect(try scratch.open().sources() == sources)
  }

  @Test func aByteOrderMarkBeforeTheProvenanceHeaderKeepsTheHeader() throws {
    let scratch = try Scratch()
    try scratch.rebuild()
    let sources = try scratch.open().sources()
    try scratch.write("\u{FEFF}" + (try scratch.read(Self.visualReasoning)), to: Self.visualReasoning)
    try scratch.rebuild()
    let source = try #require(try scratch.open().sources().first { $0.key == Self.visualReasoning })
    #expect(source.repository == "locuslab/llava-token-compression")
    #expect(source.file == "scaling_law_code/values.py")
    #expect(try scratch.open().sources() == sources)
  }

  @Test func anIngestFileFromWindowsWithABOMAndQuotedNotesIsReadExactly() throws {
    let project = try IngestTests.Project()
    let text = "\u{FEFF}# measured by a reviewer\r\n\(Self.columns)\r\n"
      + "visual-reasoning,14,1,avg_accuracy,0.49,\"run 7, seed \"\"1\"\"\"\r\n"
      + "visual-reasoning,14,4,avg_accuracy,0.5,\"two\r\nlines\"\r\n"
      + "visual-reasoning,14,16,avg_accuracy,0.51,"  // no line break at the end, empty last field
    let report = try ResultIngest(layout: project.layout).ingest(try project.input("win.csv", text))
    #expect(report.rows == 3)
    let rows = try ResultsDatabase.openReadOnly(project.layout).measurements(suite: .visualReasoning).filter { $0.N == 14 }
    #expect(rows.map(\.V) == [1, 4, 16])
    #expect(rows.map(\.note) == ["run 7, seed \"1\"", "two\r\nlines", nil])
    let seed = try project.scratch.read("ingested/win.csv")
    #expect(seed.hasPrefix("# Ingested with `repro ingest` from win.csv.\n# measured by a reviewer\n"))
    let source = try #require(try ResultsDatabase.openReadOnly(project.layout).sources().first { $0.key == "ingested/win.csv" })
    #expect(source.note.contains("measured by a reviewer"))
  }

  @Test func anUnterminatedQuoteOrAStrayQuoteNamesItsLine() throws {
    let project = try IngestTests.Project()
    for (row, reason) in [
      ("visual-reasoning,14,1,avg_accuracy,0.49,\"never closed", "unterminated quoted field"),
      ("visual-reasoning,14,1,avg_accuracy,0.49,a\"b\"c", "malformed CSV"),
    ] {
      let file = try project.input("bad.csv", "# x\n\(Self.columns)\nvisual-reasoning,14,4,avg_accuracy,0.5,\n\(row)\n")
      let error = #expect(throws: IngestError.self) { try ResultIngest(layout: project.layout).ingest(file) }
      #expect(error?.description.contains("\(file.path):4: \(reason)") == true, "\(String(describing: error))")
    }
  }

  /// Issue 11, item 12: a JSON Lines note holding a line break passed validation, then the
  /// ingest failed reading its own staging file (naming a hidden path). It is a quoted field
  /// now, read back as written, and replacing it removes the whole record.
  @Test func aNoteWithALineBreakIsStoredAndReplacedWhole() throws {
    let project = try IngestTests.Project()
    let row = #"{"suite": "visual-reasoning", "llm_params_billion": 14, "visual_tokens": 1, "metric": "avg_accuracy", "value": 0.49, "source_note": "first\nsecond"}"#
    try ResultIngest(layout: project.layout).ingest(try project.input("notes.jsonl", row + "\n"))
    let stored = try ResultsDatabase.openReadOnly(project.layout).measurements(suite: .visualReasoning).filter { $0.N == 14 }
    #expect(stored.map(\.note) == ["first\nsecond"])

    let replacement = try project.input("again.csv", "\(Self.columns)\nvisual-reasoning,14,1,avg_accuracy,0.48,\n")
    let report = try ResultIngest(layout: project.layout, replace: true).ingest(replacement)
    #expect(report.removedSeedFiles == ["ingested/notes.csv"])
    let after = try ResultsDatabase.openReadOnly(project.layout).measurements(suite: .visualReasoning).filter { $0.N == 14 }
    #expect(after.map(\.value) == [0.48] && after.map(\.note) == [nil])
  }
}
