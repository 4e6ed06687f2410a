/// What a scaling-law figure computed (Figures 1 and 3a, Mini Figures 1, 3a and 3b): its fit
/// and the compute-optimal V at each of its Q. The experiment writes it as `summary.json`.
public struct FitFigureSummary: Codable, Sendable, Equatable {
  public var fit: FitSummary
  public var optimalTokens: [OptimalTokens]

  public init(fit: FitSummary, optimalTokens: [OptimalTokens]) {
    self.fit = fit
    self.optimalTokens = optimalTokens
  }

  /// A figure whose fit decides claims: ``fit`` is `fits`' deciding fit, with its intervals.
  public init(fits: LawFits, optimalTokens: [OptimalTokens]) {
    self.init(fit: fits.primarySummary, optimalTokens: optimalTokens)
  }
}

/// What Figure 3b computed: the OCR fit in its registered box (the one its claims rest on), the
/// same method in the authors' box, and the grid's recorded defects.
public struct OCRFigureSummary: Codable, Sendable, Equatable {
  /// The fit in the widened box (α and β inside it; D may sit on its floor 0): the one the
  /// figure's claims rest on.
  public var fit: FitSummary
  /// The same method in the authors' bounds (β ≤ 0.05, a ≤ 0.7), which this data hits.
  public var authorsBoundsFit: FitSummary
  public var alpha: Double
  public var beta: Double
  public var betaGreaterThanAlpha: Bool
  public var optimalTokens: [OptimalTokens]
  public var dataIssues: [String]

  /// ``fit`` is `fits`' deciding fit with its intervals; ``authorsBoundsFit`` its variant in the authors' box.
  public init(fits: LawFits, authorsBoundsFit: FitSummary, optimalTokens: [OptimalTokens], dataIssues: [String]) {
    let fit = fits.primarySummary
    self.fit = fit
    self.authorsBoundsFit = authorsBoundsFit
    alpha = fit.alpha
    beta = fit.beta
    betaGreaterThanAlpha = fit.beta > fit.alpha
    self.optimalTokens = optimalTokens
    self.dataIssues = dataIssues
  }
}

/// What Figure 5 computed: one law per token compressor, each with its compute-optimal V, and
/// whether the published data could draw it (it cannot: the paper did not publish Figure 5's).
public struct CompressorLawsSummary: Codable, Sendable, Equatable {
  /// One entry per compressor, in panel order.
  public var laws: [CompressorLaw]
  /// Why the paper's own panel is missing.
  public var publishedData: String

  public init(laws: [CompressorLaw], publishedData: String) {
    self.laws = laws
    self.publishedData = publishedData
  }

  /// One compressor's grid, its fit and the compute-optimal V at the figure's Q.
  public struct CompressorLaw: Codable, Sendable, Equatable {
    /// The compression method id of the grid's rows (`mini-prumerge`).
    public var compressor: String
    public var fit: FitSummary
    public var optimalTokens: OptimalTokens

    /// ``fit`` is `fits`' deciding fit with its intervals.
    public init(compressor: String, fits: LawFits, optimalTokens: OptimalTokens) {
      self.compressor = compressor
      fit = fits.primarySummary
      self.optimalTokens = optimalTokens
    }
  }
}
