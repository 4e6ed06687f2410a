/// An extrapolation as every summary reports it (Figure 2's `summary.json`, `repro extrapolate
/// --json`): the sizes, the predicted points, the maxima and the band, every key present and
/// `null` where there are no measurements, beside its fit as `fit` in the shape `repro fit
/// --json` prints. One type for the writers and for the claims ledger, which reads it back.
public struct ExtrapolationSummary: Codable, Sendable, Equatable {
  /// The LLM sizes (billions) the law was fitted on, ascending.
  public var fitSizes: [Double]
  /// The LLM size (billions) the law predicts.
  public var predictedN: Double
  public var measurementsAvailable: Bool
  /// One point per V, ascending.
  public var points: [ExtrapolationPoint]
  /// The largest |Ŷ − Y| / Y over the measured points, and its V; `nil` without measurements.
  public var maxRelativeError: Double?
  public var maxRelativeErrorAtV: Double?
  /// The largest |Ŷ − Y| over the measured points; `nil` without measurements.
  public var maxAbsoluteError: Double?
  public var band: PredictionBand?
  public var fit: FitSummary
  /// "The predicted size errs as the largest fitted one does": what the law has to beat; `null`
  /// without measurements.
  public var naiveBaseline: NaiveBaseline?

  public init(
    fitSizes: [Double], predictedN: Double, measurementsAvailable: Bool, points: [ExtrapolationPoint],
    maxRelativeError: Double?, maxRelativeErrorAtV: Double?, maxAbsoluteError: Double?, band: PredictionBand?,
    fit: FitSummary, naiveBaseline: NaiveBaseline?
  ) {
    self.fitSizes = fitSizes
    self.predictedN = predictedN
    self.measurementsAvailable = measurementsAvailable
    self.points = points
    self.maxRelativeError = maxRelativeError
    self.maxRelativeErrorAtV = maxRelativeErrorAtV
    self.maxAbsoluteError = maxAbsoluteError
    self.band = band
    self.fit = fit
    self.naiveBaseline = naiveBaseline
  }

  enum CodingKeys: CodingKey {
    case fitSizes, predictedN, measurementsAvailable, points, maxRelativeError, maxRelativeErrorAtV, maxAbsoluteError, band, fit
    case naiveBaseline
  }

  /// Encodes every key, `null` where a value is absent, so the shape never depends on the data.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(fitSizes, forKey: .fitSizes)
    try container.encode(predictedN, forKey: .predictedN)
    try container.encode(measurementsAvailable, forKey: .measurementsAvailable)
    try container.encode(points, forKey: .points)
    try container.encode(maxRelativeError, forKey: .maxRelativeError)
    try container.encode(maxRelativeErrorAtV, forKey: .maxRelativeErrorAtV)
    try container.encode(maxAbsoluteError, forKey: .maxAbsoluteError)
    try container.encode(band, forKey: .band)
    try container.encode(fit, forKey: .fit)
    try container.encode(naiveBaseline, forKey: .naiveBaseline)
  }
}

/// What Figure 2 computed: the paper's extrapolation (fit 0.5–7 B, predict 14 B) and the
/// hold-out the data allows (fit 0.5–4 B, predict 7 B).
public struct ExtrapolationFigureSummary: Codable, Sendable, Equatable {
  public var extrapolation: ExtrapolationSummary
  public var holdout: ExtrapolationSummary

  public init(extrapolation: ExtrapolationSummary, holdout: ExtrapolationSummary) {
    self.extrapolation = extrapolation
    self.holdout = holdout
  }
}
