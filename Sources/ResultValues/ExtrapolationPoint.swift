/// The prediction at one V, and how far it is from the measurement when there is one.
///
/// Encoded with every key, `null` where there is no measurement or band, so readers of a
/// summary see the same shape whether or not the size was measured.
public struct ExtrapolationPoint: Sendable, Codable, Hashable {
  public var V: Double
  /// Ŷ, the law's average downstream error for the predicted size at this V.
  public var predictedError: Double
  /// Y, the measured error; nil when the predicted size was not measured at this V.
  public var measuredError: Double?
  /// Ŷ − Y: positive when the law is pessimistic.
  public var difference: Double?
  /// |Ŷ − Y|.
  public var absoluteError: Double?
  /// |Ŷ − Y| / Y; `nil` when Y is not positive (it is undefined, and no output may print ∞).
  public var relativeError: Double?
  /// The bootstrap band's ends at this V, when a bootstrap was run.
  public var bandLower: Double?
  public var bandUpper: Double?

  public init(V: Double, predictedError: Double, measuredError: Double?, band: ClosedRange<Double>? = nil) {
    self.V = V
    self.predictedError = predictedError
    self.measuredError = measuredError
    if let measuredError {
      difference = predictedError - measuredError
      absoluteError = abs(predictedError - measuredError)
      relativeError = measuredError > 0 ? abs(predictedError - measuredError) / measuredError : nil
    }
    bandLower = band?.lowerBound
    bandUpper = band?.upperBound
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(V, forKey: .V)
    try container.encode(predictedError, forKey: .predictedError)
    try container.encode(measuredError, forKey: .measuredError)
    try container.encode(difference, forKey: .difference)
    try container.encode(absoluteError, forKey: .absoluteError)
    try container.encode(relativeError, forKey: .relativeError)
    try container.encode(bandLower, forKey: .bandLower)
    try container.encode(bandUpper, forKey: .bandUpper)
  }
}
