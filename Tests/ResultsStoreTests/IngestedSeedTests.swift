import Foundation
import ResultsStore
import Testing

/// Extra seed files in `paper-artifacts/ingested/` join the database with their own provenance.
@Suite struct IngestedSeedTests {
  static let columns = "suite,llm_params_billion,visual_tokens,metric,value,source_note"

  @Test func ingestedRowsBecomeResults() throws {
    let scratch = try Scratch()
    try scratch.write(
      """
      # Read off Figure 2 of the paper.
      # Source: arXiv HTML, locuslab/llava-token-compression, scaling_law_code/plot.py (commit bdedebd).
      \(Self.columns)
      visual-reasoning,14,1,avg_accuracy,0.49,"approximate, from the plot"
      visual-reasoning,14,4,avg_accuracy,0.5,

      """, to: "ingested/qwen14b.csv")
    try scratch.rebuild()
    let database = try scratch.open()
    let fourteen = try database.measurements(suite: .visualReasoning).filter { $0.N == 14 }
    #expect(fourteen == [
      MeasuredResult(
        suite: .visualReasoning, family: "Qwen-1.5", N: 14, V: 1, method: "TokenPacker", metric: "avg_accuracy",
        value: 0.49, source: "ingested/qwen14b.csv", note: "approximate, from the plot"),
      MeasuredResult(
        suite: .visualReasoning, family: "Qwen-1.5", N: 14, V: 4, method: "TokenPacker", metric: "avg_accuracy",
        value: 0.5, source: "ingested/qwen14b.csv", note: nil),
    ])
    #expect(try database.observations(suite: .visualReasoning).count == 30)
    let source = try #require(try database.sources().first { $0.key == "ingested/qwen14b.csv" })
    #expect(source.repository == "locuslab/llava-token-compression")
    #expect(source.file == "scaling_law_code/plot.py")
    #expect(source.commitHash == "bdedebd")
    #expect(source.note == "Read off Figure 2 of the paper.")
  }

  @Test func ingestedFileWithoutHeaderIsAccepted() throws {
    let scratch = try Scratch()
    try scratch.write("\(Self.columns)\nocr,14,576,avg_accuracy,0.36,\n", to: "ingested/a.csv")
    try scratch.rebuild()
    let source = try #require(try scratch.open().sources().first { $0.key == "ingested/a.csv" })
    #expect(source.repository == nil && source.file == nil && source.note == "")
  }

  @Test(arguments: [
    ("mystery,14,1,avg_accuracy,0.49,", "unknown suite 'mystery'"),  // unknown suite
    ("ocr,14,1,accuracy_percent,0.49,", "FOREIGN KEY constraint failed"),  // not the suite's metric
    ("ocr,7,576,avg_accuracy,0.35,", "UNIQUE constraint failed"),  // already in the OCR grid
    ("ocr,14,1,avg_accuracy,0.49", "expected 6 fields, found 5"),
  ])
  func badIngestedRowNamesItsLine(row: String, reason: String) throws {
    let scratch = try Scratch()
    try scratch.write("\(Self.columns)\n\(row)\n", to: "ingested/bad.csv")
    let expectedFile = scratch.seedDirectory.appendingPathComponent("ingested/bad.csv").path
    let error = #expect(throws: ResultsStoreError.self) { try scratch.rebuild() }
    guard case .malformedSeed(expectedFile, 2, let message) = error else {
      Issue.record("expected malformedSeed at \(expectedFile):2, got \(String(describing: error))")
      return
    }
    #expect(message.contains(reason), "\(message)")
    #expect(!FileManager.default.fileExists(atPath: scratch.databaseURL.path))
  }
}
