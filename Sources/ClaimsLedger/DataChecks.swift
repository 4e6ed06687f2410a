import ResultsStore
import ScalingLaw

/// Checks of the published grids themselves, independent of any fit: accuracy should rise with
/// N at every V and with V at every N, and no two configurations should share a value.
enum DataChecks {
  /// Two neighbouring configurations of a grid (same V and the next N, or same N and the next
  /// V) where accuracy does not rise.
  struct Exception: Sendable {
    /// `N` or `V`: the direction along which accuracy fails to rise.
    var along: String
    var lower: Observation
    var upper: Observation
    /// The seed file of the larger configuration.
    var source: String
    /// Whether a recorded data issue names either configuration.
    var documented: Bool

    var description: String {
      let fixed = along == "N" ? "V = \(Format.number(lower.V))" : "N = \(Format.number(lower.N)) B"
      return "accuracy does not rise with \(along) at \(fixed): \(label(lower)) \(accuracy(lower)) → "
        + "\(label(upper)) \(accuracy(upper))" + (documented ? " (a recorded data issue)" : "")
    }
  }

  /// One step between neighbouring configurations of a grid: the same V and the next N, or the
  /// same N and the next V, among the grid's own points (a missing configuration is stepped over).
  struct Step: Sendable {
    /// `N` or `V`: the direction of the step.
    var along: String
    var lower: Observation
    var upper: Observation
    /// The seed file of the larger configuration.
    var upperSource: String
  }

  /// Every step of `grid`, along N (by V), then along V (by N): what every monotonicity check
  /// of the ledger walks, the paper's grids and the miniature ones alike.
  static func steps(_ grid: Grid) -> [Step] {
    let points = Array(zip(grid.observations, grid.sources))
    var steps: [Step] = []
    for (along, key, other) in [("N", \Observation.V, \Observation.N), ("V", \Observation.N, \Observation.V)] {
      for fixed in Set(points.map { $0.0[keyPath: key] }).sorted() {
        let line = points.filter { $0.0[keyPath: key] == fixed }.sorted { $0.0[keyPath: other] < $1.0[keyPath: other] }
        for (lower, upper) in zip(line, line.dropFirst()) {
          steps.append(Step(along: along, lower: lower.0, upper: upper.0, upperSource: upper.1))
        }
      }
    }
    return steps
  }

  /// Every step of `grid` along N and along V where accuracy does not strictly rise.
  static func exceptions(_ grid: Grid, issues: [DataIssue]) -> [Exception] {
    steps(grid).filter { $0.upper.Y >= $0.lower.Y }.map { step in
      Exception(
        along: step.along, lower: step.lower, upper: step.upper, source: step.upperSource,
        documented: named(step.lower, issues) || named(step.upper, issues))
    }
  }

  /// Warnings for a reviewer, each problem once: every recorded data issue (the seed file's own
  /// words), and every monotonicity exception or duplicated value of both grids that no recorded
  /// issue names, each with the seed file it comes from. A check that finds a problem a recorded
  /// issue already names is not repeated (the bundled OCR grid's three issues used to print as
  /// six warnings); ``Claim/monotone`` still counts it.
  static func warnings(_ inputs: LedgerInputs) -> [DataWarning] {
    var warnings: [DataWarning] = []
    for grid in [inputs.visualReasoning, inputs.ocr] {
      let suite = grid.suite.rawValue
      let issues = inputs.issues(of: grid.suite)
      for exception in exceptions(grid, issues: issues) where !exception.documented {
        warnings.append(DataWarning(kind: .notMonotone, suite: suite, source: exception.source, message: exception.description))
      }
      let points = Array(zip(grid.observations, grid.sources))
      for (i, first) in points.enumerated() {
        for second in points[(i + 1)...] where second.0.Y == first.0.Y && !named(first.0, issues) && !named(second.0, issues) {
          warnings.append(DataWarning(
            kind: .duplicateValue, suite: suite, source: second.1,
            message: "\(label(first.0)) and \(label(second.0)) have the identical accuracy \(accuracy(first.0))"))
        }
      }
    }
    for issue in inputs.dataIssues {
      warnings.append(DataWarning(kind: .recordedIssue, suite: issue.suite.rawValue, source: issue.source, message: issue.description))
    }
    return warnings
  }

  /// Whether a recorded issue names configuration `o`.
  static func named(_ o: Observation, _ issues: [DataIssue]) -> Bool {
    issues.contains { $0.N == o.N && $0.V.map(Double.init) == o.V }
  }

  static func label(_ o: Observation) -> String {
    "\(Format.number(o.N)) B@\(Format.number(o.V))"
  }

  static func accuracy(_ o: Observation) -> String {
    Format.dataValue(1 - o.Y)
  }
}

/// A problem with the data a reviewer should know about, and the seed file it comes from.
public struct DataWarning: Sendable, Codable, Equatable {
  /// What kind of problem the warning is about.
  public enum Kind: String, Sendable, Codable {
    /// Accuracy does not rise between two neighbouring configurations.
    case notMonotone = "not-monotone"
    /// Two configurations have exactly the same value (a likely copy error).
    case duplicateValue = "duplicate-value"
    /// A defect recorded in the seed file's header, verbatim.
    case recordedIssue = "recorded-issue"
  }

  public var kind: Kind
  public var suite: String
  /// The seed file's key in `paper-artifacts/`.
  public var source: String
  public var message: String

  public init(kind: Kind, suite: String, source: String, message: String) {
    self.kind = kind
    self.suite = suite
    self.source = source
    self.message = message
  }
}
