import ExperimentModel
import ResultValues
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
    let figure = ScalingLawFigureSettings(
      fit: Self.ocr, Q: [0, 50], frontierNBillion: 0.3...20,
      robustness: RobustnessSettings(comparedMethods: [.robust], bootstrap: .init(resamples: 200, seed: 1)),
      variants: [.authorsBox, .fixedExponents(alpha: 0.077, beta: 0.015)])
    #expect(figure.parameters["Q"] == "0,50" && figure.parameters["frontier-N"] == "0.3,20")
    // The fits a figure computes for its claims are fingerprinted under `verdicts.`, apart from a band's bootstrap.
    #expect(figure.parameters["verdicts.bootstrap-resamples"] == "200" && figure.parameters["verdicts.seed"] == "1")
    #expect(figure.parameters["verdicts.compare-methods"] == "robust")
    #expect(figure.parameters["variants"] == "authors-box,fixed-exponents=0.077:0.015")
    #expect(ScalingLawFigureSettings(fit: Self.ocr, Q: [0], frontierNBillion: 0.3...20).parameters.keys.sorted()
      == ["Q", "bounds", "fit-sizes", "frontier-N", "method"])
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
