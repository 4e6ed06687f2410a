import ComputeFrontier
import ScalingLaw
import ScalingLawFit

/// A fit as reported everywhere (`repro fit --json`, figure summaries, the lock file, the claims
/// ledger): parameters at full precision, objective, convergence and optional bootstrap intervals.
public struct FitSummary: Codable, Sendable, Equatable {
  public var suite: String
  public var method: String
  /// `T = V` or `T = Q + V (Q = …)`.
  public var convention: String
  /// The parameter box, as `paper` or `a=LO:HI,…`; `null` for the unbounded robust fit.
  public var bounds: String?
  public var excludedSizes: [Double]
  public var observations: Int
  public var a: Double
  public var alpha: Double
  public var beta: Double
  public var D: Double
  public var sse: Double
  /// √(SSE / n) and 1 − SSE / Σ (y − ȳ)²: how well the law fits, in Y's units and as a share.
  public var rmse: Double
  public var rSquared: Double
  public var objective: Double
  public var parametersAtBounds: [String]
  public var convergence: Convergence
  /// The question the optimum below is read at (the paper's: Q = 50, V in 1…576).
  public var question: QuestionSetting
  /// V* = β·Q/(α−β) at ``question``'s Q, clamped to its V range: the paper's Figure 1b optimum
  /// on the paper's grids.
  public var optimalVAtQuestion: Double
  public var bootstrap: BootstrapSummary?

  /// `suite` is the grid's id (`visual-reasoning`, `ocr`); `question` the registered fit's.
  public init(
    suite: String, excludedSizes: [Double] = [], result: FitResult, question: QuestionSetting, bootstrap: BootstrapResult? = nil
  ) {
    self.suite = suite
    self.method = result.method.rawValue
    self.convention = result.convention.description
    self.bounds = result.bounds?.description
    self.excludedSizes = excludedSizes
    self.observations = result.observationCount
    (a, alpha, beta, D) = (result.law.a, result.law.alpha, result.law.beta, result.law.D)
    self.sse = result.sse
    self.rmse = result.rmse
    self.rSquared = result.rSquared
    self.objective = result.objective
    self.parametersAtBounds = result.parametersAtBounds
    self.convergence = result.convergence
    self.question = question
    self.optimalVAtQuestion = question.optimalV(result.law)
    self.bootstrap = bootstrap.map { BootstrapSummary($0, question: question) }
  }

  public var law: ScalingLaw { ScalingLaw(a: a, alpha: alpha, beta: beta, D: D) }
}

/// Percentile intervals (95 %) of the bootstrap refits, for the parameters and derived numbers.
public struct BootstrapSummary: Codable, Sendable, Equatable {
  public var resamples: Int
  /// What each resample drew: the cells, or the held-out questions and seeds behind them.
  public var resampled: String
  public var seed: UInt64
  public var failures: Int
  public var intervals: [String: [Double]]
  /// Share of resamples with α > β (visual reasoning's claim: fewer tokens win).
  public var shareAlphaGreaterThanBeta: Double
  /// Share of resamples with β > α (OCR's claim: tokens win). Stored, not `1 −` the other: a
  /// refit with α = β (both on a bound) supports neither claim.
  public var shareBetaGreaterThanAlpha: Double

  init(_ result: BootstrapResult, question: QuestionSetting) {
    resamples = result.resamples
    resampled = result.resampled
    seed = result.seed
    failures = result.failures
    let quantities: [(String, (ScalingLaw) -> Double)] = [
      ("a", \.a), ("alpha", \.alpha), ("beta", \.beta), ("D", \.D),
      ("optimalVAtQuestion", question.optimalV),
    ]
    intervals = Dictionary(uniqueKeysWithValues: quantities.compactMap { name, quantity in
      result.interval(of: quantity).map { (name, [$0.lowerBound, $0.upperBound]) }
    })
    shareAlphaGreaterThanBeta = result.share { $0.alpha > $0.beta }
    shareBetaGreaterThanAlpha = result.share { $0.beta > $0.alpha }
  }
}
