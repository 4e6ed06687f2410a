import ScalingLaw

/// The prediction a scaling law has to beat to be worth anything: the held-out size errs exactly
/// as the largest fitted size does, V by V ("7 B equals 4 B"). Shown beside a hold-out, it tells
/// whether the 2 % criterion separates a good predictor from a naive one (on the published grid:
/// the law's worst error is under 1 %, the baseline's over 5 %). Computed from the measurements
/// here, once, for Figure 2, `repro extrapolate` and the claims ledger alike.
public struct NaiveBaseline: Codable, Sendable, Equatable {
  /// The size whose measurements stand in for the prediction (the largest fitted one).
  public var fromN: Double
  /// The size predicted.
  public var predictedN: Double
  /// The largest |Y(fromN, V) − Y(predictedN, V)| / Y(predictedN, V) over the V both sizes measured.
  public var maxRelativeError: Double
  public var maxRelativeErrorAtV: Double
  /// How many V the two sizes share.
  public var points: Int

  /// The baseline from `observations`; `nil` when no V has a measurement of both sizes (with the
  /// predicted size's Y > 0, so that the relative error is defined).
  public init?(observations: [Observation], fromN: Double, predictedN: Double) {
    let from = Dictionary(observations.filter { $0.N == fromN }.map { ($0.V, $0.Y) }, uniquingKeysWith: { first, _ in first })
    let pairs = observations.filter { $0.N == predictedN && $0.Y > 0 }.sorted { $0.V < $1.V }.compactMap { o in
      from[o.V].map { (V: o.V, relative: abs($0 - o.Y) / o.Y) }
    }
    // The first V wins a tie, so the reported V does not depend on the order of the rows.
    guard let worst = pairs.max(by: { ($0.relative, -$0.V) < ($1.relative, -$1.V) }) else { return nil }
    self.fromN = fromN
    self.predictedN = predictedN
    maxRelativeError = worst.relative
    maxRelativeErrorAtV = worst.V
    points = pairs.count
  }
}
