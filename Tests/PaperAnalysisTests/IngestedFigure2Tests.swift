import Foundation
import PaperAnalysis
import PaperFigures
import ResultsStore
import ScalingLawFit
import Testing

/// A reviewer with 14 B measurements ingests them; Figure 2's extrapolation then draws and checks
/// them. Run on a copy of paper-artifacts/ in a temporary project root.
@Suite("Ingested 14B rows reach Figure 2")
struct IngestedFigure2Tests {
  /// Test fixtures, not measurements: made-up 14 B accuracies at three V.
  static let fixture = """
    # Test fixture: made-up 14B numbers, not measurements.
    suite,llm_params_billion,visual_tokens,metric,value,source_note
    visual-reasoning,14,1,avg_accuracy,0.505,fixture
    visual-reasoning,14,36,avg_accuracy,0.53,fixture
    visual-reasoning,14,576,avg_accuracy,0.56,fixture

    """

  @Test("after ingesting, the 14B extrapolation has measurements with their errors, and the figure shows them")
  func ingestedRowsAreShownAndChecked() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("figure2-ingest-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let project = try ProjectLayout.locate(from: URL(fileURLWithPath: #filePath))
    let layout = ProjectLayout(root: root)
    try FileManager.default.createDirectory(at: layout.seedDirectory, withIntermediateDirectories: true)
    // Every seed file the committed database was built from, and the database.
    try FileManager.default.createDirectory(at: layout.seedDirectory.appendingPathComponent("mini"), withIntermediateDirectories: true)
    for name in ["ocr_avg_accuracy.csv", "table1_token_compression_vicuna7b.csv", "visual_reasoning_avg_accuracy.csv", "results.sqlite", "mini/results"] {
      try FileManager.default.copyItem(
        at: project.seedDirectory.appendingPathComponent(name), to: layout.seedDirectory.appendingPathComponent(name))
    }
    let extrapolate = { (database: ResultsDatabase) in
      try Extrapolation(
        observations: try database.observations(suite: .visualReasoning), fitSizes: [0.5, 1.8, 4, 7], predictedN: 14,
        fitter: LeastSquaresFit())
    }
    #expect(try !extrapolate(ResultsDatabase.openReadOnly(layout)).hasMeasurements, "the bundled data has no 14B")

    let input = root.appendingPathComponent("qwen14b.csv")
    try Data(Self.fixture.utf8).write(to: input)
    try ResultIngest(layout: layout).ingest(input)
    let e = try extrapolate(ResultsDatabase.openReadOnly(layout))

    #expect(e.hasMeasurements)
    #expect(e.fit.observationCount == 28, "14B is predicted, not fitted")
    #expect(e.heldOut.map(\.V) == [1, 36, 576])
    let measured: [Double: Double] = [1: 1 - 0.505, 36: 1 - 0.53, 576: 1 - 0.56]
    for point in e.points {
      guard let Y = measured[point.V] else {
        #expect(point.measuredError == nil)
        continue
      }
      let predicted = e.fit.law.error(N: 14, T: point.V)
      #expect(point.measuredError == Y)
      #expect(point.relativeError == abs(predicted - Y) / Y)
    }
    let worst = measured.map { V, Y in (V, abs(e.fit.law.error(N: 14, T: V) - Y) / Y) }.max { $0.1 < $1.1 }!
    #expect(e.worstPoint?.V == worst.0 && e.maxRelativeError == worst.1)

    let panel = ExtrapolationPanel(
      title: "(a) fit on 0.5B–7B, predict 14B", Q: 0, law: e.fit.law, lawLabel: "Scaling law (least-squares)",
      fitObservations: e.fitObservations, predictedN: 14, band: [], bandTitle: "95% bootstrap band",
      heldOut: e.points)
    let text = try PlotFigure(name: "figure2", panels: [.extrapolation(panel)]).script().text
    #expect(text.contains("$P1_HELDOUT << EOD\n# N V Y marker_size\n# measured N = 14.0\n14.0 1.0 0.495 1.0\n"))
    #expect(text.contains("title '14B measured'"))
    #expect(text.contains("'\(PaperStyle.percent(worst.1))' at first"), "the worst point is labelled with its relative error")
  }
}
