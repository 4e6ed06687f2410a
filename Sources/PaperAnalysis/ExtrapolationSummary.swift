import ResultValues

/// An extrapolation as every summary reports it: the prediction's keys (see ``Extrapolation``)
/// beside its fit as `fit`, in the shape `repro fit --json` prints. Figure 2's `summary.json`
/// and `repro extrapolate --json` both write it.
public struct ExtrapolationSummary: Encodable, Sendable {
  /// The grid's id (`visual-reasoning`, `ocr`).
  public var suite: String
  public var extrapolation: Extrapolation

  public init(suite: String, extrapolation: Extrapolation) {
    self.suite = suite
    self.extrapolation = extrapolation
  }

  /// The fit in the summaries' shape.
  public var fit: FitSummary {
    FitSummary(suite: suite, excludedSizes: extrapolation.excludedSizes, result: extrapolation.fit)
  }

  enum CodingKeys: CodingKey { case fit }

  public func encode(to encoder: any Encoder) throws {
    try extrapolation.encode(to: encoder)
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(fit, forKey: .fit)
  }
}
