import ArgumentParser
import Foundation
import PaperAnalysis
import ResultsStore
import ScalingLaw
import ScalingLawFit
import ExperimentRegistry
import LawForms
import ResultValues

/// `repro fit`: fit the scaling law to one suite's grid by one method (or all three).
struct FitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fit",
    abstract: "Fit Y = a·N^-α·V^-β + D to a suite's grid and print the parameters (4 significant digits; --full-precision, --json: all).",
    discussion: """
      The fit is the one the suite's figure registers (visual reasoning: Figure 1; OCR: Figure 3b): its LLM \
      sizes and its parameter box, so it gives the figure's numbers; standard error names the registration used. \
      --bounds and --exclude-sizes change them.

      --form fits another functional form (issue 13's robustness analysis): the paper's law with T = Q + V, the \
      additive E + A·N^-α + B·V^-β, or an N·V interaction, by bounded least squares in the form's own wide box, as \
      the robustness experiment fits it (Figures/robustness/summary.json has the same numbers).
      """)

  @Option(help: "The suite to fit: visual-reasoning or ocr.")
  var suite: SuiteID = .visualReasoning

  @Option(help: "The law's form: multiplicative (the paper's), multiplicative-q-plus-v, additive or interaction.")
  var form: LawForm = .multiplicative

  @Option(help: "paper-grid, least-squares or robust (default: all three; other forms: least-squares only).")
  var method: FitMethod?

  @Option(help: "Parameter box: 'paper' or 'a=LO:HI,alpha=LO:HI,beta=LO:HI,D=LO:HI' (default: the suite's registered fit's).")
  var bounds: ParameterBounds?

  @Option(
    help: "LLM sizes (billions) to leave out of the registered fit's sizes, comma-separated, e.g. 7.",
    transform: SizesBillion.parser("--exclude-sizes"))
  var excludeSizes: [Double]?

  @Option(help: "Write the law in T = Q + V with this many text tokens (0…10000) instead of T = V (the authors').")
  var textTokens: Double?

  @Option(help: "Bootstrap resamples for 95 % percentile intervals: 0 (none) or \(rangeText(Bootstrap.resampleRange)).")
  var bootstrap: Int = 0

  @Option(help: "Seed of the bootstrap resamples.")
  var seed: UInt64 = 1

  @Flag(help: "Print JSON (an object for one method, an array for all three).")
  var json = false

  @Flag(help: "Print Markdown table rows (the README's parameter table is generated with this).")
  var markdown = false

  @OptionGroup var precision: PrecisionFlag

  func validate() throws {
    try checkBootstrap(bootstrap)
    if let textTokens { try check("--text-tokens", textTokens, in: 0...10_000) }
    if form == .multiplicativeTextPlusVisual, textTokens != nil {
      throw ValidationError("--text-tokens: --form multiplicative-q-plus-v already writes the law with T = Q + V, Q = \(Int(LawForm.textTokensInData))")
    }
    if !form.isPaperLaw {
      // The other forms are fitted as the robustness experiment fits them; options that only
      // mean something for the paper's law are refused rather than ignored.
      if let method, method != .leastSquares {
        throw ValidationError("--method \(method) fits the paper's law only (multiplicative forms); --form \(form) is fitted by least-squares")
      }
      for (name, given) in [("--bounds", bounds != nil), ("--text-tokens", textTokens != nil), ("--bootstrap", bootstrap > 0), ("--markdown", markdown)] where given {
        throw ValidationError("\(name) applies to the paper's law only (multiplicative forms); --form \(form) is fitted in its own box, as the robustness experiment fits it")
      }
    }
  }

  func run() throws {
    let database = try ResultsDatabase.openReadOnly(try ProjectLayout.locate())
    try database.requireGrid(suite)
    let all = try database.observations(suite: suite)
    let registered = Experiment.registeredFit(of: suite)
    let owner = registered.map { "as \($0.experiment.target) registers it" } ?? "(no figure registers it: the figures' method in Figure 3b's wide box, on every size it has)"
    let registeredFit = registered?.fit ?? Experiment.unregisteredFit(of: suite, sizesBillion: Set(all.map(\.N)).sorted())
    let excluded = excludeSizes ?? []
    let sizes = registeredFit.sizesBillion
    if let unknown = excluded.first(where: { !sizes.contains($0) }) {
      let fitName = registered.map { "\($0.experiment.target)'s \(suite) fit" } ?? "the \(suite) fit"
      throw ValidationError("--exclude-sizes \(String(format: "%g", unknown)): \(fitName) has no LLM "
        + "of that size (sizes: \(sizes.map { String(format: "%g", $0) }.joined(separator: ", ")) B)")
    }
    var fit = registeredFit
    fit.sizesBillion = sizes.filter { !excluded.contains($0) }
    if let bounds { fit.bounds = bounds }
    let sizesText = "N = " + fit.sizesBillion.map { String(format: "%g", $0) }.joined(separator: ", ") + " B"
    FileHandle.standardError.write(Data((form.isPaperLaw
      ? "fit of \(suite) \(owner): bounds \(fit.bounds), \(sizesText)"
        + (bounds == nil ? "" : " (bounds from --bounds)")
        + (form == .multiplicativeTextPlusVisual ? "; the law written with T = Q + V, Q = \(Int(LawForm.textTokensInData))" : "") + "\n"
      : "fit of \(suite) at its fit's sizes, \(sizesText); the \(form) form in its own box, as the "
        + "robustness experiment fits it\n").utf8))
    let observations = try fit.observations(from: all)
    if !form.isPaperLaw {
      let result = try FormFit(form: form).fit(observations)
      let report = FormFitReport(suite: suite.rawValue, excludedSizes: fit.excludedSizes(of: all), formula: form.formula, result: result)
      if json { try printJSON(report) } else { precision.apply { print(report.text) } }
      return
    }
    let convention: TokenConvention =
      form == .multiplicativeTextPlusVisual ? .textPlusVisual(Q: LawForm.textTokensInData) : textTokens.map { .textPlusVisual(Q: $0) } ?? .visual
    let problem = try FitProblem(observations, convention: convention)
    // A suite with held-out answers (a miniature one) is resampled over its cells, seeds and
    // questions, as the ledger's intervals are; the paper's grids over their cells.
    let answers = bootstrap > 0 ? try database.heldOutAnswers(suite: suite) : []
    let resampling = try HeldOutResampling.behind(observations, answers: answers)
    let summaries = try (method.map { [$0] } ?? FitMethod.allCases).map { method in
      let fitter = method.fitter(bounds: fit.bounds)
      let result = try fitter.fit(problem)
      let resamples = bootstrap == 0 ? nil
        : Bootstrap(resamples: bootstrap, seed: seed).run(problem, resampling: resampling, fitter: fitter)
      return fit.summary(of: result, excludedSizes: fit.excludedSizes(of: all), bootstrap: resamples)
    }
    if json {
      if summaries.count == 1 { try printJSON(summaries[0]) } else { try printJSON(summaries) }
      return
    }
    precision.apply {
      print(summaries.map(markdown ? Self.markdownRow : Self.describe).joined(separator: "\n"))
    }
  }

  /// A fit of another form as `repro fit --form` prints it: the parameters by name, beside
  /// everything ``LawForms/FormFitResult`` records.
  struct FormFitReport: Encodable {
    var suite: String
    var excludedSizes: [Double]
    var formula: String
    var parameters: [String: Double]
    var result: FormFitResult

    init(suite: String, excludedSizes: [Double], formula: String, result: FormFitResult) {
      self.suite = suite
      self.excludedSizes = excludedSizes
      self.formula = formula
      self.parameters = result.named
      self.result = result
    }

    /// For reading, every number under ``DisplayNumber``'s rule (or in full under `--full-precision`).
    var text: String {
      let n = DisplayNumber.text
      let width = result.form.parameterNames.map(\.count).max()!
      return ([
        "least-squares fit of the \(result.form) form to \(suite) (\(result.observations) points): \(formula)",
      ] + zip(result.form.parameterNames, result.parameters).map { "  \($0.padding(toLength: width, withPad: " ", startingAt: 0)) = \(n($1))" }
        + [
          "  SSE = \(n(result.sse))   RMSE = \(n(result.rmse))   R² = \(n(result.rSquared))",
          result.aic.map { "  AIC = \(n($0))   BIC = \(n(result.bic!))   (k = \(result.form.parameterCount))" }
            ?? "  AIC, BIC: undefined for an exact fit (SSE = 0)",
          "  box: " + zip(result.form.parameterNames, result.bounds).map { "\($0) ∈ [\(n($1[0])), \(n($1[1]))]" }.joined(separator: ", "),
          "  converged: \(result.convergence.criterion); \(result.convergence.startsAgreeing)/\(result.convergence.starts) starts agree",
        ] + (result.parametersAtBounds.isEmpty ? [] : ["  on a bound: \(result.parametersAtBounds.joined(separator: ", "))"]))
        .joined(separator: "\n")
    }
  }

  /// `| method | a | α | β | D | SSE | RMSE | R² | V* at the question |` under the one rounding rule (JSON has every digit).
  static func markdownRow(_ s: FitSummary) -> String {
    let cells = [s.a, s.alpha, s.beta, s.D, s.sse, s.rmse, s.rSquared, s.optimalVAtQuestion].map(DisplayNumber.text)
    let bound = s.parametersAtBounds.isEmpty ? "" : " (on bound: \(s.parametersAtBounds.joined(separator: ", ")))"
    return "| `\(s.method)`\(bound) | " + cells.joined(separator: " | ") + " |"
  }

  /// The fit for reading, every number under ``DisplayNumber``'s rule (or in full under `--full-precision`).
  static func describe(_ s: FitSummary) -> String {
    let n = DisplayNumber.text
    var lines = [
      "\(s.method) fit of \(s.suite) (\(s.observations) points, \(s.convention), bounds \(s.bounds ?? "none: a, D > 0 through logs"))",
      "  a     = \(n(s.a))",
      "  alpha = \(n(s.alpha))",
      "  beta  = \(n(s.beta))",
      "  D     = \(n(s.D))",
      "  SSE   = \(n(s.sse))" + (s.objective != s.sse ? "   (own objective \(n(s.objective)))" : ""),
      "  RMSE  = \(n(s.rmse))   R² = \(n(s.rSquared))",
      "  converged: \(s.convergence.criterion); \(s.convergence.startsAgreeing)/\(s.convergence.starts) starts agree",
      "  V* at Q = \(n(s.question.tokens)) (V in \(n(s.question.visualTokenRange.lowerBound))…\(n(s.question.visualTokenRange.upperBound))): \(n(s.optimalVAtQuestion))",
    ]
    if !s.parametersAtBounds.isEmpty { lines.append("  on a bound: \(s.parametersAtBounds.joined(separator: ", "))") }
    if let b = s.bootstrap {
      lines.append("  bootstrap: \(b.resamples) resamples of \(b.resampled), seed \(b.seed), \(b.failures) failed; "
        + "α > β in \(DisplayNumber.percent(b.shareAlphaGreaterThanBeta)), β > α in \(DisplayNumber.percent(b.shareBetaGreaterThanAlpha))")
      for (name, interval) in b.intervals.sorted(by: { $0.key < $1.key }) {
        lines.append("    95 % interval \(name): \(DisplayNumber.interval(interval[0], interval[1]))")
      }
    }
    return lines.joined(separator: "\n")
  }
}
