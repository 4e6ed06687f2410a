import ScalingLaw
import ScalingLawFit

/// One grid's law fitted as a figure registers it, by every compared method, with a seeded
/// bootstrap of the deciding fit and the registered variants: what the figure computed, and what
/// every claim about that grid is decided on.
///
/// Why one value with all of it: the figure computes it once and writes it to its ``fileName``
/// beside its `summary.json`, and the claims ledger reads it back with this type instead of
/// fitting again, so `repro verify`, the report and the figure cannot answer the same question
/// differently.
public struct LawFits: Codable, Sendable, Equatable {
  /// `fits.json`: the file in a figure's output folder holding its `[LawFits]`, apart from
  /// `summary.json` because the lock file copies the summary and the bootstrap refits are bulky.
  public static let fileName = "fits.json"

  /// The grid's suite id (`visual-reasoning`, `mini-ocr`, …).
  public var suite: String
  /// The LLM sizes, in billions, the law was fitted on.
  public var sizesBillion: [Double]
  /// The grid's other sizes, left out of the fit.
  public var excludedSizes: [Double]
  /// Where summaries read the compute-optimal V.
  public var question: QuestionSetting
  /// The fitted rows, in the grid's order (N, then V).
  public var observations: [Observation]
  /// The method whose fit decides: the registration's.
  public var method: FitMethod
  /// One fit per method (the deciding one and the compared ones), in ``FitMethod/allCases`` order.
  public var results: [FitResult]
  /// Refits of ``method`` on seeded resamples (what was resampled: ``BootstrapResult/resampled``).
  public var bootstrap: BootstrapResult
  /// The deciding method's fit with one choice changed, as the registration lists them.
  public var variants: [Variant]

  /// A fit that changes one choice of the deciding fit, and says which in its ``label``.
  public struct Variant: Codable, Sendable, Equatable {
    public var variant: FitVariant
    /// `least-squares, the authors' box`: the method and the choice, for verdict tables.
    public var label: String
    public var result: FitResult

    public init(variant: FitVariant, label: String, result: FitResult) {
      self.variant = variant
      self.label = label
      self.result = result
    }
  }

  public init(
    suite: String, sizesBillion: [Double], excludedSizes: [Double], question: QuestionSetting, observations: [Observation],
    method: FitMethod, results: [FitResult], bootstrap: BootstrapResult, variants: [Variant]
  ) {
    self.suite = suite
    self.sizesBillion = sizesBillion
    self.excludedSizes = excludedSizes
    self.question = question
    self.observations = observations
    self.method = method
    self.results = results
    self.bootstrap = bootstrap
    self.variants = variants
  }

  /// The fit of ``method``; `nil` only in a summary that lost it (the ledger refuses those).
  public var primaryResult: FitResult? { results.first { $0.method == method } }

  /// The deciding fit. Call only on fits the ledger has validated (``primaryResult`` is not nil).
  public var primary: FitResult { primaryResult! }

  /// What ``bootstrap`` resampled, in words.
  public var resampled: String { bootstrap.resampled }

  /// The fit of `variant`, when the registration lists it.
  public func result(of variant: FitVariant) -> FitResult? {
    variants.first { $0.variant == variant }?.result
  }

  /// `result` as summaries report it, its optimum read at ``question``.
  public func summary(of result: FitResult, bootstrap: BootstrapResult? = nil) -> FitSummary {
    FitSummary(suite: suite, excludedSizes: excludedSizes, result: result, question: question, bootstrap: bootstrap)
  }

  /// Every method's fit as `repro fit --json` reports it, the deciding one with its bootstrap intervals.
  public var summaries: [FitSummary] {
    results.map { summary(of: $0, bootstrap: $0.method == method ? bootstrap : nil) }
  }

  /// The deciding fit with its bootstrap intervals: the `fit` of a figure's summary.
  public var primarySummary: FitSummary { summary(of: primary, bootstrap: bootstrap) }
}

/// A registered change to one choice of a figure's deciding fit, each fitted beside it so a
/// verdict can be read under it too (or, for fixed exponents, so a claim can say how much worse
/// the published exponents fit than the optimum).
public enum FitVariant: Codable, Sendable, Hashable, CustomStringConvertible {
  /// The same method in the authors' box (`ParameterBounds.paper`).
  case authorsBox
  /// The same method and box without the configurations the grid's recorded data issues name.
  case withoutFlaggedConfigurations
  /// Least squares over a and D only, with α and β fixed at these values, in the fit's box.
  case fixedExponents(alpha: Double, beta: Double)

  /// As registrations record it: `authors-box`, `without-flagged`, `fixed-exponents=0.077:0.015`.
  public var description: String {
    switch self {
    case .authorsBox: "authors-box"
    case .withoutFlaggedConfigurations: "without-flagged"
    case .fixedExponents(let alpha, let beta): "fixed-exponents=\(alpha):\(beta)"
    }
  }
}
