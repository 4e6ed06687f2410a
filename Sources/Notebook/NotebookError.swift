import ResultsStore

/// Why an experiment could not run as registered.
public enum NotebookError: Error, Equatable, CustomStringConvertible {
  case undeclaredInput(experiment: String, selection: DataSelection)
  case wrongSettings(experiment: String, expected: String, registered: String)
  case imagesNotRendered(reason: String)
  case missingFitSize(suite: SuiteID, N: Double, available: [Double])

  public var description: String {
    switch self {
    case .undeclaredInput(let experiment, let selection):
      "\(experiment) reads '\(selection.id)' but its registration does not list it as an input; "
        + "add it to the experiment's inputs so staleness tracking sees it"
    case .wrongSettings(let experiment, let expected, let registered):
      "\(experiment) reads settings of type \(expected), but its registration holds \(registered)"
    case .imagesNotRendered(let reason):
      "images not rendered: \(reason)"
    case .missingFitSize(let suite, let N, let available):
      "the fit is registered on N = \(N) B, but the database has no \(suite) rows at that size (sizes: "
        + available.map { String(format: "%g", $0) }.joined(separator: ", ") + " B)"
    }
  }
}
