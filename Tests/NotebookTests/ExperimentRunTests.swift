import Foundation
import ResultsStore
import ScalingLawFit
import Testing

import ExperimentRegistry
@testable import Notebook

/// What an experiment may read: the fit sizes it declares, and nothing it does not.
@Suite("Experiment inputs")
struct ExperimentRunTests {
  /// This repository, with its shipped database.
  static let layout = ProjectLayout(
    root: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent())

  static func fit(_ sizes: [Double], suite: SuiteID = .visualReasoning) -> LawFitSettings {
    LawFitSettings(suite: suite, sizesBillion: sizes, method: .leastSquares, bounds: .paper, question: .paper)
  }

  static func run(_ fit: LawFitSettings, inputs: [DataSelection] = [.results(suite: .visualReasoning)]) throws -> ExperimentRun {
    let experiment = Experiment(
      id: "t", executable: "test", title: "test", inputs: inputs,
      settings: ScalingLawFigureSettings(fit: fit, Q: [0], frontierNBillion: 0.3...20))
    return try ExperimentRun(
      experiment: experiment, layout: layout,
      outputDirectory: FileManager.default.temporaryDirectory.appendingPathComponent("unused-\(UUID().uuidString)"))
  }

  @Test("a fit reads exactly the sizes it declares")
  func fitSizesSelectRows() throws {
    let paper = Self.fit([0.5, 1.8, 4, 7])
    #expect(try Self.run(paper).observations(for: paper).count == 28)
    let holdout = Self.fit([0.5, 1.8, 4])
    let rows = try Self.run(holdout).observations(for: holdout)
    #expect(rows.count == 21 && rows.allSatisfy { $0.N < 7 })
    let two = Self.fit([4, 7])
    let run = try Self.run(two)
    #expect(run.describe(.visualReasoning, try run.observations(for: two)) == "results:visual-reasoning, N = 4, 7 B (14 rows)")
  }

  @Test("a declared size without rows is an error, not a smaller fit")
  func missingSizeIsAnError() throws {
    let fit = Self.fit([0.5, 14])
    #expect(throws: RegistryError.missingFitSize(suite: .visualReasoning, N: 14, available: [0.5, 1.8, 4, 7])) {
      try Self.run(fit).observations(for: fit)
    }
  }

  @Test("reading a suite the registration does not declare is refused")
  func undeclaredSuiteIsRefused() throws {
    let fit = Self.fit([0.5], suite: .ocr)
    #expect(throws: NotebookError.undeclaredInput(experiment: "test", selection: .results(suite: .ocr))) {
      try Self.run(fit).observations(for: fit)
    }
  }

  @Test("settings are read as the type registered, or fail naming both types")
  func settingsAreTyped() throws {
    let run = try Self.run(Self.fit([0.5]))
    #expect(try run.settings(ScalingLawFigureSettings.self).fit.sizesBillion == [0.5])
    #expect(throws: RegistryError.wrongSettings(
      experiment: "test", expected: "Table1Settings", registered: "ScalingLawFigureSettings")) {
      try run.settings(Table1Settings.self)
    }
  }
}
