/// One claim, checked: what the paper says, how we checked it, what we found.
///
/// This is the JSON schema of `repro verify --json` (one object per claim). Every key is always
/// present — `robustness` is `null` for claims that do not depend on a fit — so consumers can
/// rely on the shape: `id, statement, location, paperValue, check, criterion, status, value, quantities,
/// explanation, robustness`.
public struct ClaimResult: Sendable, Codable, Equatable {
  /// The claim id of paper-artifacts/PAPER.md §5, e.g. `fig1.exponents`.
  public var id: String
  /// The paper's statement, short and in our words.
  public var statement: String
  /// Where the paper makes it: a figure, table or the abstract.
  public var location: String
  /// The paper's own value or verdict, short (`α ≈ 0.077, β ≈ 0.015`), shown beside ours.
  public var paperValue: String
  /// The computation, in words.
  public var check: String
  /// The pass criterion with its tolerance: a constant in the code, with its reason (written
  /// with the ledger, not preregistered: see the README).
  public var criterion: String
  public var status: ClaimStatus
  /// The computed value(s), rounded for reading.
  public var value: String
  /// The same values at full precision, by name.
  public var quantities: [String: Double]
  /// Why the status is what it is: deviations from the paper and whether they matter; for
  /// `unverifiable`, what is missing.
  public var explanation: String
  /// For fit-dependent claims: the verdict under every fit method and over bootstrap resamples.
  public var robustness: Robustness?

  public init(
    id: String, statement: String, location: String, paperValue: String, check: String, criterion: String, status: ClaimStatus,
    value: String, quantities: [String: Double], explanation: String, robustness: Robustness?
  ) {
    self.id = id
    self.statement = statement
    self.location = location
    self.paperValue = paperValue
    self.check = check
    self.criterion = criterion
    self.status = status
    self.value = value
    self.quantities = quantities
    self.explanation = explanation
    self.robustness = robustness
  }

  enum CodingKeys: String, CodingKey {
    case id, statement, location, paperValue, check, criterion, status, value, quantities, explanation, robustness
  }

  /// Encodes every key, `robustness` as `null` when absent, so the schema never changes shape.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(id, forKey: .id)
    try container.encode(statement, forKey: .statement)
    try container.encode(location, forKey: .location)
    try container.encode(paperValue, forKey: .paperValue)
    try container.encode(check, forKey: .check)
    try container.encode(criterion, forKey: .criterion)
    try container.encode(status, forKey: .status)
    try container.encode(value, forKey: .value)
    try container.encode(quantities, forKey: .quantities)
    try container.encode(explanation, forKey: .explanation)
    try container.encode(robustness, forKey: .robustness)
  }
}

/// Whether a fit-dependent claim survives a change of fit method and resampling of the data.
public struct Robustness: Sendable, Codable, Equatable {
  /// The claim's criterion under each fit (every method, plus variants such as other bounds).
  public var fits: [FitVerdict]
  /// The criterion over seeded bootstrap refits of the primary method.
  public var bootstrap: BootstrapVerdict

  public init(fits: [FitVerdict], bootstrap: BootstrapVerdict) {
    self.fits = fits
    self.bootstrap = bootstrap
  }
}

/// The claim's criterion evaluated on one fit.
public struct FitVerdict: Sendable, Codable, Equatable {
  /// The fit, e.g. `paper-grid`, `robust`, or `least-squares, paper bounds`.
  public var fit: String
  public var holds: Bool
  public var value: String

  public init(fit: String, holds: Bool, value: String) {
    self.fit = fit
    self.holds = holds
    self.value = value
  }
}

/// The claim's criterion over bootstrap refits: how often it holds, and the spread of its values.
public struct BootstrapVerdict: Sendable, Codable, Equatable {
  public var method: String
  public var resamples: Int
  public var seed: UInt64
  /// Resamples whose refit failed (left out of the share and the intervals).
  public var failures: Int
  /// Share of the successful refits for which the criterion holds.
  public var shareHolding: Double
  /// 95 % percentile intervals of the claim's quantities over the refits, `[low, high]`.
  public var intervals: [String: [Double]]
  /// What was resampled, in words: the cells (or configurations), or the held-out questions and
  /// the seeds behind them.
  public var resampled: String

  public init(
    method: String, resamples: Int, seed: UInt64, failures: Int, shareHolding: Double, intervals: [String: [Double]],
    resampled: String
  ) {
    self.resampled = resampled
    self.method = method
    self.resamples = resamples
    self.seed = seed
    self.failures = failures
    self.shareHolding = shareHolding
    self.intervals = intervals
  }
}
