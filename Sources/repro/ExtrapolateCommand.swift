import ArgumentParser
import Foundation
import PaperAnalysis
import ResultsStore
import ScalingLawFit
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

  func validate() throws {
    try checkBootstrap(bootstrap)
    try check("--predict", predict, in: Double.leastNonzeroMagnitude...Double.greatestFiniteMagnitude)
  }

  func run() throws {
    let sizes = fitSizes
    let database = try ResultsDatabase.openReadOnly(try ProjectLayout.locate())
    let e = try Extrapolation(
      observations: try database.observations(suite: suite), fitSizes: sizes, predictedN: predict,
      fitter: method.fitter(bounds: bounds), bootstrap: bootstrap > 0 ? Bootstrap(resamples: bootstrap, seed: seed) : nil,
      bandSamples: 0)
    if json {
      try printJSON(e.summary(suite: suite.rawValue))
    } else {
      print(Self.describe(e, suite: suite))
    }
  }

  static func describe(_ e: Extrapolation, suite: SuiteID) -> String {
    let fit = e.summary(suite: suite.rawValue).fit
    let sizes = e.fitSizes.map { String(format: "%g", $0) }.joined(separator: ", ")
    var lines = [
      "\(fit.method) fit of \(suite) on N = \(sizes) B (\(fit.observations) points, bounds \(fit.bounds ?? "none")): "
        + "a = \(fit.a), alpha = \(fit.alpha), beta = \(fit.beta), D = \(fit.D)",
      "prediction for N = \(String(format: "%g", e.predictedN)) B (errors on Y = 1 - accuracy):",
      "       V   predicted    measured   abs error   rel error" + (e.band == nil ? "" : "   95 % band"),
    ]
    for p in e.points {
      var line = String(format: "%8g  %10.6f", p.V, p.predictedError)
      if let measured = p.measuredError, let absolute = p.absoluteError, let relative = p.relativeError {
        line += String(format: "  %10.6f  %10.6f  %9.3f%%", measured, absolute, relative * 100)
      } else {
        line += "           –           –           –"
      }
      if let lower = p.bandLower, let upper = p.bandUpper { line += String(format: "   [%.6f, %.6f]", lower, upper) }
      lines.append(line)
    }
    if let worst = e.worstPoint, let relative = worst.relativeError, let absolute = e.maxAbsoluteError {
      lines.append(String(format: "max relative error: %.3f%% at V = %g (max absolute error %.6f)", relative * 100, worst.V, absolute))
    } else {
      lines.append(
        "no measurements of N = \(String(format: "%g", e.predictedN)) B in the database (the paper did not publish them); "
          + "ingest them with ./repro ingest FILE")
    }
    return lines.joined(separator: "\n")
  }
}
