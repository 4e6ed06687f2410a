/// One reason a target must be rebuilt, as `repro status --why` explains it.
public enum StaleReason: Equatable, Sendable, CustomStringConvertible {
  /// The lock file has no entry for the target.
  case neverBuilt
  /// `--force` was given.
  case forced
  /// The rows of these data selections changed.
  case dataChanged(selections: [String])
  /// These parameters changed value (or were added or removed).
  case parametersChanged([ParameterChange])
  /// These package-relative source files (or `package NAME` pins) changed.
  case codeChanged(files: [String])
  /// The gnuplot that renders the images changed.
  case gnuplotChanged(from: String?, to: String?)
  /// These upstream targets' outputs differ from the ones this target was built from.
  case upstreamChanged(targets: [String])
  /// These upstream targets are stale themselves and run first; this one then reruns only if
  /// their outputs change.
  case upstreamStale(targets: [String])
  /// Output files recorded in the lock are gone (all of them when the folder is missing).
  case outputMissing(files: [String])
  /// Output files differ from the lock, or are not in it: edited by hand (or left by a run that
  /// was killed between replacing the outputs and updating the lock).
  case outputEdited(files: [String])

  /// A parameter's recorded and current value (`nil`: not set).
  public struct ParameterChange: Equatable, Sendable {
    public var name: String
    public var old: String?
    public var new: String?
  }

  /// The cause in two or three words, as `repro status` lists it.
  public var cause: String {
    switch self {
    case .neverBuilt: "never built"
    case .forced: "forced"
    case .dataChanged: "data changed"
    case .parametersChanged: "parameters changed"
    case .codeChanged: "code changed"
    case .gnuplotChanged: "gnuplot changed"
    case .upstreamChanged: "upstream changed"
    case .upstreamStale: "upstream stale"
    case .outputMissing: "output missing"
    case .outputEdited: "output edited by hand"
    }
  }

  /// The cause with its details, as `repro status --why` prints it.
  public var description: String {
    switch self {
    case .neverBuilt, .forced: cause
    case .dataChanged(let selections): "\(cause): \(selections.joined(separator: ", "))"
    case .parametersChanged(let changes):
      "\(cause): " + changes.map { "\($0.name) \($0.old ?? "(unset)") → \($0.new ?? "(unset)")" }.joined(separator: "; ")
    case .codeChanged(let files): "\(cause): \(Self.list(files))"
    case .gnuplotChanged(let from, let to): "\(cause): \(from ?? "(not recorded)") → \(to ?? "(not used)")"
    case .upstreamChanged(let targets), .upstreamStale(let targets): "\(cause): \(targets.joined(separator: ", "))"
    case .outputMissing(let files), .outputEdited(let files): "\(cause): \(Self.list(files))"
    }
  }

  private static func list(_ items: [String], limit: Int = 8) -> String {
    items.count <= limit ? items.joined(separator: ", ") : items.prefix(limit).joined(separator: ", ") + ", … (\(items.count) in all)"
  }
}
