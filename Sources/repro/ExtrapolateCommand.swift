import ArgumentParser
import Foundation
import PaperAnalysis
import ResultsStore
import ScalingLawFit
import ResultValues
import ExperimentRegistry

/// `repro extrapolate`: fit the law on some LLM sizes and predict another, V by V, beside its
/// measurements when the database has them (Figure 2's check, for any split of the sizes).
struct ExtrapolateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "extrapolate",
    abstract: "Fit the scaling law on some LLM sizes, predict another size at every V, and compare with its measurements.",
    discussion: """
      Errors are on the average downstream error Y = 1 - accuracy: absolute |Ŷ - Y| and relative |Ŷ - Y| / Y. \
      The paper's 14B measurements were not published; ingest them with `repro ingest FILE` to check that \
      prediction (`--fit-sizes 0.5,1.8,4,7 --predict 14`).
      """)

  @Option(help: "The suite: visual-reasoning or ocr.")
  var suite: SuiteID = .visualReasoning

  @Option(help: "LLM sizes to fit on (billions), comma-separated.", transform: SizesBillion.parser("--fit-sizes"))
  var fitSizes: [Double] = [0.5, 1.8, 4]

  @Option(help: "LLM size to predict (billions).")
  var predict: Double = 7

  @Option(help: "paper-grid, least-squares or robust.")
  var method: FitMethod = .leastSquares

  @Option(help: "Parameter box: 'paper' or 'a=LO:HI,alpha=LO:HI,beta=LO:HI,D=LO:HI'.")
  var bounds: ParameterBounds = .paper

  @Option(help: "Bootstrap refits for a 95 % band around each prediction: 0 (none) or \(rangeText(Bootstrap.resampleRange)).")
  var bootstrap: Int = 0

  @Option(help: "Seed of the bootstrap resamples.")
  var seed: UInt64 = 1

  @Flag(help: "Print JSON.")
  var json = false

  @OptionGroup var precision: PrecisionFlag

  func validate() throws {
    try checkBootstrap(bootstrap)
    try check("--predict", predict, in: Double.leastNonzeroMagnitude...Double.greatestFiniteMagnitude)
  }

  func run() throws {
    let sizes = fitSizes
    let database = try ResultsDatabase.openReadOnly(try ProjectLayout.locate())
    try database.requireGrid(suite)
    let e = try Extrapolation(
      observations: try database.observations(suite: suite), fitSizes: sizes, predictedN: predict,
      fitter: method.fitter(bounds: bounds), bootstrap: bootstrap > 0 ? Bootstrap(resamples: bootstrap, seed: seed) : nil,
      answers: bootstrap > 0 ? try database.heldOutAnswers(suite: suite) : [], bandSamples: 0)
    if json {
      try printJSON(e.summary(suite: suite.rawValue, question: Self.question(of: suite)))
    } else {
      precision.apply { print(Self.describe(e, suite: suite)) }
    }
  }

  /// The question the suite's registered fit reads its optimum at (the paper's for a suite no
  /// figure registers).
  static func question(of suite: SuiteID) -> QuestionSetting {
    Experiment.registeredFit(of: suite)?.fit.question ?? .paper
  }

  /// The prediction for reading: every number under ``DisplayNumber``'s rule (all digits under
  /// `--full-precision`), in right-aligned columns.
  static func describe(_ e: Extrapolation, suite: SuiteID) -> String {
    let n = DisplayNumber.text
    let fit = e.summary(suite: suite.rawValue, question: question(of: suite)).fit
    let sizes = e.fitSizes.map { String(format: "%g", $0) }.joined(separator: ", ")
    let columns = ["V", "predicted", "measured", "abs error", "rel error"] + (e.band == nil ? [] : ["95 % band"])
    var rows: [[String]] = []
    for p in e.points {
      var row = [n(p.V), n(p.predictedError)]
      if let measured = p.measuredError, let absolute = p.absoluteError, let relative = p.relativeError {
        row += [n(measured), n(absolute), DisplayNumber.percent(relative)]
      } else {
        row += ["–", "–", "–"]
      }
      if e.band != nil {
        row.append(p.bandLower.flatMap { lower in p.bandUpper.map { DisplayNumber.interval(lower, $0) } } ?? "–")
      }
      rows.append(row)
    }
    let widths = columns.indices.map { c in ([columns[c]] + rows.map { $0[c] }).map(\.count).max()! }
    func line(_ cells: [String]) -> String {
      zip(cells, widths).map { String(repeating: " ", count: $1 - $0.count) + $0 }.joined(separator: "  ")
    }
    var lines = [
      "\(fit.method) fit of \(suite) on N = \(sizes) B (\(fit.observations) points, bounds \(fit.bounds ?? "none: a, D > 0 through logs")): "
        + "a = \(n(fit.a)), alpha = \(n(fit.alpha)), beta = \(n(fit.beta)), D = \(n(fit.D))",
      "prediction for N = \(String(format: "%g", e.predictedN)) B (errors on Y = 1 - accuracy):",
      line(columns),
    ] + rows.map(line)
    if let worst = e.worstPoint, let relative = worst.relativeError, let absolute = e.maxAbsoluteError {
      lines.append("max relative error: \(DisplayNumber.percent(relative)) at V = \(n(worst.V)) (max absolute error \(n(absolute)))")
      if let naive = e.naiveBaseline {
        lines.append("naive baseline \"\(n(naive.predictedN)) B errs as \(n(naive.fromN)) B\": max relative error "
          + "\(DisplayNumber.percent(naive.maxRelativeError)) at V = \(n(naive.maxRelativeErrorAtV))")
      }
    } else {
      lines.append(
        "no measurements of N = \(String(format: "%g", e.predictedN)) B in the database (the paper did not publish them); "
          + "ingest them with ./repro ingest FILE")
    }
    return lines.joined(separator: "\n")
  }
}
