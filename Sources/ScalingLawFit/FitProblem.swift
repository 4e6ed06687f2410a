import ScalingLaw

/// The data a fit sees, validated once and stored as flat arrays for the hot loops.
///
/// Every fitter goes through this type, so bad input (NaN, N ≤ 0, V ≤ 0, too few points, a
/// single LLM size or token count) is rejected in one place with an error that names the
/// offending observation or the missing variation.
public struct FitProblem: Sendable {
  public let observations: [Observation]
  public let convention: TokenConvention
  /// LLM sizes N (billions), token counts T (per `convention`) and errors Y, index-aligned.
  public let N: [Double]
  public let T: [Double]
  public let Y: [Double]

  public init(_ observations: [Observation], convention: TokenConvention = .visual) throws(FitError) {
    guard observations.count >= 4 else { throw .tooFewObservations(observations.count) }
    for (index, o) in observations.enumerated() {
      guard o.N.isFinite, o.V.isFinite, o.Y.isFinite else {
        throw .invalidObservation(index: index, o, reason: "a value is NaN or infinite")
      }
      guard o.N > 0 else { throw .invalidObservation(index: index, o, reason: "N must be > 0") }
      guard o.V > 0 else { throw .invalidObservation(index: index, o, reason: "V must be > 0") }
    }
    // Y = a·N^-α·T^-β + D: with one N, α only rescales a (and β likewise with one T), so a fit
    // would report an exponent the data cannot determine, as if it had converged.
    for (parameter, variable, values) in [("alpha", "LLM size N", observations.map(\.N)), ("beta", "token count V", observations.map(\.V))]
    where Set(values).count < 2 {
      throw .unidentifiable(
        parameter: parameter, reason: "every observation has the same \(variable) (\(values[0])); at least two distinct values are needed")
    }
    self.observations = observations
    self.convention = convention
    N = observations.map(\.N)
    T = observations.map { convention.tokens(V: $0.V, Q: 0) }
    Y = observations.map(\.Y)
  }

  public var count: Int { Y.count }

  /// Σ (y − ȳ)²: the variation a fit's SSE is compared with (R²).
  public var totalSumOfSquares: Double {
    let mean = Y.reduce(0, +) / Double(count)
    return Y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
  }

  /// Plain sum of squared errors on Y — the authors' objective.
  public func sse(_ law: ScalingLaw) -> Double {
    var total = 0.0
    for i in Y.indices {
      let r = law.error(N: N[i], T: T[i]) - Y[i]
      total += r * r
    }
    return total
  }

  /// The same problem on a resample (indices may repeat), for the bootstrap.
  func resampled(_ indices: [Int]) throws(FitError) -> FitProblem {
    try FitProblem(indices.map { observations[$0] }, convention: convention)
  }
}
