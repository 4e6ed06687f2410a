import ResultsStore

/// Why a registration's settings could not be used as registered.
public enum RegistryError: Error, Equatable, CustomStringConvertible {
  case wrongSettings(experiment: String, expected: String, registered: String)
  case missingFitSize(suite: SuiteID, N: Double, available: [Double])
  /// The experiment's settings cannot be read for another suite (a table, the report).
  case notRetargetable(experiment: String)
  /// The suite has too few LLM sizes for what the experiment draws.
  case tooFewSizes(experiment: String, suite: SuiteID, needed: Int, available: [Double])

  public var description: String {
    switch self {
    case .wrongSettings(let experiment, let expected, let registered):
      "\(experiment) reads settings of type \(expected), but its registration holds \(registered)"
    case .notRetargetable(let experiment):
      "\(experiment) cannot be drawn for another suite: only the scaling-law figures (1, 2, 3a, 3b, 4) can"
    case .tooFewSizes(let experiment, let suite, let needed, let available):
      "\(experiment) needs at least \(needed) LLM sizes to draw the \(suite) grid, which has "
        + available.map { String(format: "%g", $0) }.joined(separator: ", ") + " B"
    case .missingFitSize(let suite, let N, let available):
      "the fit is registered on N = \(N) B, but the database has no \(suite) rows at that size (sizes: "
        + available.map { String(format: "%g", $0) }.joined(separator: ", ") + " B)"
    }
  }
}
