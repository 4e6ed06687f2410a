import ResultsStore

/// Why an experiment could not run as registered.
public enum NotebookError: Error, Equatable, CustomStringConvertible {
  case undeclaredInput(experiment: String, selection: DataSelection)
  case imagesNotRendered(reason: String)
  case unknownTarget(name: String, executable: String, known: [String])
  case missingSetting(experiment: String, setting: String)

  public var description: String {
    switch self {
    case .undeclaredInput(let experiment, let selection):
      "\(experiment) reads '\(selection.id)' but its registration does not list it as an input; "
        + "add it to the experiment's inputs so staleness tracking sees it"
    case .imagesNotRendered(let reason):
      "images not rendered: \(reason)"
    case .missingSetting(let experiment, let setting):
      "\(experiment) needs \(setting), which its registration does not set; add it to the registration's settings"
    case .unknownTarget(let name, let executable, let known):
      "no registration '\(name)' runs \(executable); its targets are \(known.joined(separator: ", "))"
    }
  }
}
