import Foundation
import ResultsStore
import Testing

@testable import Notebook

/// What an experiment may read: the fit sizes it declares, and nothing it does not.
@Suite("Experiment inputs")
struct ExperimentRunTests {
  /// This repository, with its shipped database.
  static let layout = ProjectLayout(
    root: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent())

  static func run(fitSizes: String, inputs: [DataSelection] = [.results(suite: .visualReasoning)]) throws -> ExperimentRun {
    let experiment = Experiment(
      id: "t", executable: "test", title: "test", inputs: inputs, parameters: ["fit-sizes": fitSizes])
    return try ExperimentRun(
      experiment: experiment, layout: layout,
      outputDirectory: FileManager.default.temporaryDirectory.appendingPathComponent("unused-\(UUID().uuidString)"))
  }

  @Test("a fit reads exactly the sizes it declares")
  func fitSizesSelectRows() throws {
    let paper = try Self.run(fitSizes: "0.5,1.8,4,7").observations(.visualReasoning, sizes: "fit-sizes")
    #expect(paper.count == 28)
    let holdout = try Self.run(fitSizes: "0.5, 1.8, 4").observations(.visualReasoning, sizes: "fit-sizes")
    #expect(holdout.count == 21 && holdout.allSatisfy { $0.N < 7 })
    let run = try Self.run(fitSizes: "4,7")
    #expect(run.describe(.visualReasoning, try run.observations(.visualReasoning, sizes: "fit-sizes"))
      == "results:visual-reasoning, N = 4, 7 B (14 rows)")
  }

  @Test("a declared size without rows is an error, not a smaller fit")
  func missingSizeIsAnError() throws {
    #expect(throws: NotebookError.missingFitSize(experiment: "test", suite: .visualReasoning, N: 14)) {
      try Self.run(fitSizes: "0.5,14").observations(.visualReasoning, sizes: "fit-sizes")
    }
    #expect(throws: NotebookError.self) { try Self.run(fitSizes: "small").observations(.visualReasoning, sizes: "fit-sizes") }
  }

  @Test("reading a suite the registration does not declare is refused")
  func undeclaredSuiteIsRefused() throws {
    #expect(throws: NotebookError.undeclaredInput(experiment: "test", selection: .results(suite: .ocr))) {
      try Self.run(fitSizes: "0.5").observations(.ocr, sizes: "fit-sizes")
    }
  }
}
