import ScalingLaw
import ScalingLawFit

/// How uncertain a predicted curve is because of the fit: at each V, the central `level`
/// percentile interval of the predicted error Ŷ(N, V) over the laws refitted on bootstrap
/// resamples.
///
/// It is a band for the law's prediction (parameter uncertainty), not for a single new
/// measurement: measurement noise around the curve is not added. It is deterministic for a given
/// seed (see ``Bootstrap``).
public struct PredictionBand: Sendable, Codable, Equatable {
  /// The LLM size (billions) the band is for.
  public var N: Double
  /// Coverage of the percentile interval, e.g. 0.95.
  public var level: Double
  public var resamples: Int
  public var seed: UInt64
  /// Resamples whose refit failed; they are left out of the band.
  public var failures: Int
  /// One point per V, ascending; V where no refit gave a finite prediction are left out.
  public var points: [BandPoint]

  public init(_ bootstrap: BootstrapResult, N: Double, V: [Double], level: Double = 0.95) {
    self.N = N
    self.level = level
    resamples = bootstrap.resamples
    seed = bootstrap.seed
    failures = bootstrap.failures
    points = V.sorted().compactMap { V in
      bootstrap.interval(level: level, of: { $0.error(N: N, T: V) }).map {
        BandPoint(V: V, lower: $0.lowerBound, upper: $0.upperBound)
      }
    }
  }

  /// The band at exactly `V`, if it was computed there.
  public func interval(V: Double) -> ClosedRange<Double>? {
    points.first { $0.V == V }.map { $0.lower...$0.upper }
  }
}

/// The band's ends at one V.
public struct BandPoint: Sendable, Codable, Hashable {
  public var V: Double
  public var lower: Double
  public var upper: Double

  public init(V: Double, lower: Double, upper: Double) {
    self.V = V
    self.lower = lower
    self.upper = upper
  }
}
