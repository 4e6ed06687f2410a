import ResultsStore

/// Why an experiment could not run as registered.
public enum NotebookError: Error, Equatable, CustomStringConvertible {
  case undeclaredInput(experiment: String, selection: DataSelection)
  case missingParameter(experiment: String, name: String)
  case invalidParameter(experiment: String, name: String, value: String, expected: String)
  case imagesNotRendered(reason: String)
  case missingFitSize(experiment: String, suite: SuiteID, N: Double)

  public var description: String {
    switch self {
    case .undeclaredInput(let experiment, let selection):
      "\(experiment) reads '\(selection.id)' but its registration does not list it as an input; "
        + "add it to the experiment's inputs so staleness tracking sees it"
    case .missingParameter(let experiment, let name):
      "\(experiment) needs the parameter '\(name)', which its registration does not set"
    case .invalidParameter(let experiment, let name, let value, let expected):
      "\(experiment): parameter '\(name)' = '\(value)' is not \(expected)"
    case .imagesNotRendered(let reason):
      "images not rendered: \(reason)"
    case .missingFitSize(let experiment, let suite, let N):
      "\(experiment) fits on N = \(N) B, but the database has no \(suite) rows at that size"
    }
  }
}
