import Foundation

/// Where one cell of a sweep stands.
public enum CellState: Equatable, Sendable {
  /// Its verified results are in the cell cache, made from the current recipe.
  case complete
  /// An array task finished it; `collect` will verify it and move it into the cache.
  case landed
  /// Its array task is waiting or running (`state` as Slurm says: PENDING, RUNNING, …).
  case inFlight(ArrayTask, state: String, log: URL)
  /// Its array task ended without results (or they were rejected): `reason` says what is
  /// known, the log says the rest.
  case failed(ArrayTask?, reason: String, log: URL)
  /// Submitted, but nobody here can say whether it is still queued (no `squeue`, or submitted
  /// by hand): not landed yet.
  case submitted(ArrayTask?, log: URL)
  /// Not computed for the current recipe: never run, definition changed, or results incomplete.
  case missing(reason: String)

  /// Whether `submit` or `run` should compute it (again).
  public var needsRun: Bool {
    switch self {
    case .missing, .failed, .submitted: true
    case .complete, .landed, .inFlight: false
    }
  }

  /// One word for tables: complete, landed, queued, running, failed, submitted, missing.
  public var label: String {
    switch self {
    case .complete: "complete"
    case .landed: "landed"
    case .inFlight(_, let state, _): state == "PENDING" ? "queued" : "running"
    case .failed: "failed"
    case .submitted: "submitted"
    case .missing: "missing"
    }
  }
}

/// Every cell's state, in definition order.
public struct SweepStatus: Equatable, Sendable {
  public var cells: [(name: String, state: CellState)]

  public init(cells: [(name: String, state: CellState)]) {
    self.cells = cells
  }

  public static func == (lhs: SweepStatus, rhs: SweepStatus) -> Bool {
    lhs.cells.map(\.name) == rhs.cells.map(\.name) && lhs.cells.map(\.state) == rhs.cells.map(\.state)
  }

  public func state(of cell: String) -> CellState? { cells.first { $0.name == cell }?.state }

  /// The cells whose label is `label`.
  public func cells(labelled label: String) -> [String] { cells.filter { $0.state.label == label }.map(\.name) }

  /// Counts by label, in a fixed order, e.g. `3 complete, 1 running, 1 failed`.
  public var summary: String {
    let order = ["complete", "landed", "queued", "running", "submitted", "failed", "missing"]
    let parts = order.compactMap { label -> String? in
      let count = cells.filter { $0.state.label == label }.count
      return count == 0 ? nil : "\(count) \(label)"
    }
    return parts.joined(separator: ", ")
  }

  /// Whether every cell is complete.
  public var isComplete: Bool { cells.allSatisfy { $0.state == .complete } }
}

/// What `collect` did.
public struct CollectReport: Sendable {
  /// Cells moved into the cache by this collect.
  public var collected: [String]
  /// Landed results that failed verification (moved to `rejected/`), with the reason.
  public var rejected: [(cell: String, reason: String)]
  /// Every cell's state afterwards.
  public var status: SweepStatus
}

/// What `submit` did.
public enum SubmitOutcome: Sendable {
  /// Every cell is complete, landed or in flight: nothing was written.
  case nothingToDo(SweepStatus)
  /// `--dry-run`: the script that would be written to `script`, and the command, nothing written.
  case dryRun(SlurmArrayScript, script: URL, command: String)
  /// `sbatch` is not available here: the script was written; submit it with `command`.
  case written(SlurmArrayScript, script: URL, command: String)
  /// Submitted as array job `jobID`.
  case submitted(SlurmArrayScript, script: URL, jobID: String)
}
