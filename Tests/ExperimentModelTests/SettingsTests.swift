import ExperimentModel
import ResultsStore
import ScalingLaw
import ScalingLawFit
import Testing

/// Typed settings: the text the driver fingerprints, the rows a fit reads, and typed access.
@Suite("Experiment settings")
struct SettingsTests {
  static let ocr = LawFitSettings(
    suite: .ocr, sizesBillion: [0.5, 7], method: .leastSquares, bounds: ParameterBounds(a: 0...5, alpha: 0...1, beta: 0...1, D: 0...1),
    question: .paper)

  @Test("a fit's settings are written as registrations always were: %g numbers, 'paper' for the authors' box")
  func text() {
    #expect(Self.ocr.parameters == ["method": "least-squares", "bounds": "a=0:5,alpha=0:1,beta=0:1,D=0:1", "fit-sizes": "0.5,7"])
    var paper = Self.ocr
    paper.bounds = .paper
    #expect(paper.parameters["bounds"] == "paper")
    let figure = ScalingLawFigureSettings(fit: Self.ocr, Q: [0, 50], frontierNBillion: 0.3...20, bootstrap: .init(resamples: 200, seed: 1))
    #expect(figure.parameters["Q"] == "0,50" && figure.parameters["frontier-N"] == "0.3,20" && figure.parameters["bootstrap"] == "200")
  }

  @Test("a fit reads its sizes, refuses a missing one, and names the sizes it leaves out")
  func rows() throws {
    let all = [0.5, 1.8, 7].map { Observation(N: $0, V: 1, Y: 0.5) }
    #expect(try Self.ocr.observations(from: all).map(\.N) == [0.5, 7])
    #expect(Self.ocr.excludedSizes(of: all) == [1.8])
    #expect(throws: RegistryError.missingFitSize(suite: .ocr, N: 7, available: [0.5])) {
      try Self.ocr.observations(from: [Observation(N: 0.5, V: 1, Y: 0.5)])
    }
  }

  @Test("settings are read as the registered type, or fail naming both")
  func typed() throws {
    let experiment = Experiment(
      id: "t", executable: "t", title: "t", inputs: [], settings: Table1Settings(method: "QueCC", yRangePercent: 40...90))
    #expect(try experiment.settings(Table1Settings.self).yRangePercent == 40...90)
    #expect(experiment.parameters == ["method": "QueCC", "y-range": "40,90"])
    #expect(throws: RegistryError.wrongSettings(experiment: "t", expected: "IsoComputeFigureSettings", registered: "Table1Settings")) {
      try experiment.settings(IsoComputeFigureSettings.self)
    }
  }
}
