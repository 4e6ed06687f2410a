/// Why a sweep could not be loaded, planned, submitted or collected, in words that say what to do.
public enum SweepError: Error, Equatable, CustomStringConvertible {
  /// The sweep file could not be read or parsed.
  case unreadableDefinition(path: String, reason: String)
  /// A value of the definition breaks a rule (which field, what is wrong).
  case invalidDefinition(field: String, problem: String)
  /// A placeholder names nothing the cell defines.
  case unknownPlaceholder(name: String, in: String, cell: String, known: [String])
  /// A Slurm option has a value Slurm would reject.
  case invalidSlurmOption(String, value: String, expected: String)
  /// More stale cells than one job array may hold.
  case tooManyCells(count: Int, limit: Int)
  /// The command's program is not on `PATH` (or not executable).
  case commandNotFound(String, searched: String)
  /// A scheduler command failed.
  case schedulerFailed(command: String, status: String, message: String)
  /// A file or folder of the sweep could not be read or written.
  case io(path: String, reason: String)
  /// A cell's results failed verification.
  case rejected(cell: String, reason: String)

  public var description: String {
    switch self {
    case .unreadableDefinition(let path, let reason):
      "cannot read the sweep \(path): \(reason)"
    case .invalidDefinition(let field, let problem):
      "invalid sweep definition: \(field): \(problem)"
    case .unknownPlaceholder(let name, let text, let cell, let known):
      "'{\(name)}' in '\(text)' names nothing cell '\(cell)' defines; known: "
        + known.map { "{\($0)}" }.joined(separator: ", ") + " (add it to the cell's parameters, or write '{{' for a literal brace)"
    case .invalidSlurmOption(let option, let value, let expected):
      "invalid --\(option) '\(value)': expected \(expected)"
    case .tooManyCells(let count, let limit):
      "\(count) cells are stale but one job array holds at most \(limit) (Slurm's default MaxArraySize is 1001): "
        + "split the sweep into several files, or collect and resubmit in parts"
    case .commandNotFound(let program, let searched):
      "the cell command '\(program)' was not found or is not executable (searched: \(searched)); fix `command` or `environment.PATH`"
    case .schedulerFailed(let command, let status, let message):
      "\(command) failed (\(status)): \(message.isEmpty ? "no message" : message)"
    case .io(let path, let reason):
      "cannot access \(path): \(reason)"
    case .rejected(let cell, let reason):
      "cell \(cell): results rejected: \(reason)"
    }
  }
}
