/// Why `repro ingest` refused a file. Nothing was added when this is thrown: the database and
/// the seed folder are as they were.
public enum IngestError: Error, Equatable, CustomStringConvertible {
  /// Rows of the input that cannot be added, every one of them, each with its line.
  case rejected(file: String, problems: [IngestProblem])
  /// The name the seed file would get is not a plain file name.
  case invalidName(String)
  /// `ingested/<name>.csv` exists already and `--replace` was not given.
  case seedFileExists(path: String)
  /// The input has a header but no rows.
  case noRows(file: String)
  /// Writing the seed file or moving the rebuilt database into place failed; whatever was
  /// written was rolled back.
  case commitFailed(reason: String)

  public var description: String {
    switch self {
    case .rejected(let file, let problems):
      "\(file) was rejected, nothing was added:\n"
        + problems.map { "  \(file):\($0.line): \($0.reason)" }.joined(separator: "\n")
    case .invalidName(let name):
      "'\(name)' cannot name a seed file: use letters, digits, '.', '-' and '_' (not starting with '.'), e.g. --name qwen14b"
    case .seedFileExists(let path):
      "\(path) already exists: pick another name with --name, or pass --replace to replace that file and its rows"
    case .noRows(let file):
      "\(file) has no result rows"
    case .commitFailed(let reason):
      "could not store the ingested results, everything was rolled back: \(reason)"
    }
  }
}

/// One rejected line of an ingest input.
public struct IngestProblem: Equatable, Sendable, CustomStringConvertible {
  /// 1-based line number in the input file.
  public var line: Int
  public var reason: String

  public init(line: Int, reason: String) {
    self.line = line
    self.reason = reason
  }

  public var description: String { "line \(line): \(reason)" }
}
