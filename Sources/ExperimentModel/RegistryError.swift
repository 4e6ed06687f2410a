import ResultsStore

/// Why a registration's settings could not be used as registered.
public enum RegistryError: Error, Equatable, CustomStringConvertible {
  case wrongSettings(experiment: String, expected: String, registered: String)
  case missingFitSize(suite: SuiteID, N: Double, available: [Double])

  public var description: String {
    switch self {
    case .wrongSettings(let experiment, let expected, let registered):
      "\(experiment) reads settings of type \(expected), but its registration holds \(registered)"
    case .missingFitSize(let suite, let N, let available):
      "the fit is registered on N = \(N) B, but the database has no \(suite) rows at that size (sizes: "
        + available.map { String(format: "%g", $0) }.joined(separator: ", ") + " B)"
    }
  }
}
