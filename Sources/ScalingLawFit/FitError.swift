import ScalingLaw

/// Why a fit could not produce a result you can trust.
public enum FitError: Error, Equatable, CustomStringConvertible {
  case tooFewObservations(Int)
  case invalidObservation(index: Int, Observation, reason: String)
  /// An exponent the observations cannot determine (e.g. α from a single LLM size).
  case unidentifiable(parameter: String, reason: String)
  case invalidBounds(String)
  case notConverged(method: FitMethod, detail: String)
  /// Held-out answers that cannot be resampled (``HeldOutResampling``).
  case invalidResampling(String)

  public var description: String {
    switch self {
    case .tooFewObservations(let count):
      "a scaling-law fit needs at least 4 observations (4 parameters); got \(count)"
    case .invalidObservation(let index, let o, let reason):
      "observation #\(index + 1) (N = \(o.N), V = \(o.V), Y = \(o.Y)) is invalid: \(reason)"
    case .unidentifiable(let parameter, let reason):
      "\(parameter) cannot be fitted: \(reason)"
    case .invalidBounds(let detail):
      "invalid parameter bounds: \(detail)"
    case .notConverged(let method, let detail):
      "the \(method.rawValue) fit did not converge: \(detail)"
    case .invalidResampling(let detail):
      "the held-out answers cannot be resampled: \(detail)"
    }
  }
}
