/// The paper's cost model as a timing law, `time ≈ c · 2N(Q+V) + overhead`, fitted by ordinary
/// least squares.
///
/// Objective: the sum of squared residuals in *seconds*, unweighted, with both `c` and the
/// overhead free (the overhead may come out negative; it is reported as fitted). Because the
/// residuals are absolute, the largest configurations dominate the fit; `R²` says how much of the
/// variance in time the line explains, and the relative residuals per point say where it fails.
public struct LinearCostFit: Sendable, Equatable {
  /// `c`, seconds per FLOP of `2N(Q+V)`.
  public var secondsPerFLOP: Double
  /// The intercept, seconds.
  public var overheadSeconds: Double
  /// Coefficient of determination, `1 − SS_res / SS_tot`.
  public var rSquared: Double
  public var pointCount: Int

  /// Fits `y ≈ c·x + b` to the points.
  public init(flops x: [Double], seconds y: [Double]) throws(CostFitError) {
    guard x.count == y.count, x.count >= 3 else { throw .tooFewPoints(min(x.count, y.count)) }
    guard x.allSatisfy(\.isFinite), y.allSatisfy(\.isFinite) else { throw .nonFinite }
    let n = Double(x.count)
    let meanX = x.reduce(0, +) / n
    let meanY = y.reduce(0, +) / n
    let sxx = x.reduce(0) { $0 + ($1 - meanX) * ($1 - meanX) }
    guard sxx > 0 else { throw .constantFLOPs }
    let sxy = zip(x, y).reduce(0) { $0 + ($1.0 - meanX) * ($1.1 - meanY) }
    let slope = sxy / sxx
    let intercept = meanY - slope * meanX
    secondsPerFLOP = slope
    overheadSeconds = intercept
    pointCount = x.count
    rSquared = 1
    rSquared = rSquared(flops: x, seconds: y)
  }

  /// A line fitted elsewhere, as a summary records it.
  public init(secondsPerFLOP: Double, overheadSeconds: Double, rSquared: Double, pointCount: Int) {
    self.secondsPerFLOP = secondsPerFLOP
    self.overheadSeconds = overheadSeconds
    self.rSquared = rSquared
    self.pointCount = pointCount
  }

  /// `1 − SS_res / SS_tot` of this line on the points: its ``rSquared`` when it was fitted to them.
  public func rSquared(flops x: [Double], seconds y: [Double]) -> Double {
    let meanY = y.reduce(0, +) / Double(y.count)
    let total = y.reduce(0) { $0 + ($1 - meanY) * ($1 - meanY) }
    let residual = zip(x, y).reduce(0) { partial, point in
      let error = point.1 - predictedSeconds(flops: point.0)
      return partial + error * error
    }
    return total > 0 ? 1 - residual / total : 1
  }

  public func predictedSeconds(flops: Double) -> Double {
    secondsPerFLOP * flops + overheadSeconds
  }

  /// `1/c` in GFLOP/s: the throughput the line implies for the paper's FLOPs.
  public var effectiveGFLOPPerSecond: Double { 1 / secondsPerFLOP / 1e9 }

  /// The share of variance the line must explain for time to count as linear in `2N(Q+V)`:
  /// the criterion of the claim `cost.linear-in-tokens`, fixed by the issue that asked for the
  /// measurement before any was taken. Both the inference-cost experiment and the claims
  /// ledger judge by it.
  public static let linearityThreshold = 0.95

  /// Whether the line explains at least ``linearityThreshold`` of the variance.
  public var isLinear: Bool { rSquared >= Self.linearityThreshold }
}

/// Data a line cannot be fitted to.
public enum CostFitError: Error, Equatable, CustomStringConvertible {
  case tooFewPoints(Int)
  case nonFinite
  case constantFLOPs

  public var description: String {
    switch self {
    case .tooFewPoints(let count): "a cost fit needs at least 3 measurements, got \(count)"
    case .nonFinite: "a measured time or FLOP count is not finite"
    case .constantFLOPs: "every configuration has the same 2N(Q+V): the slope is undetermined"
    }
  }
}
