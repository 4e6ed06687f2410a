import Foundation

/// Where a sweep keeps things. Results are visible only once complete:
///
///     <results>/<cell>/                 complete cells (the cell cache), each with .sweep-cell.json
///     <work>/submissions.json           every array submitted: job id, cells in task order, recipes
///     <work>/arrays/NNN/array.sh        the job-array script of submission NNN
///     <work>/arrays/NNN/cells.txt       its cells, one per line: array task i runs line i + 1
///     <work>/arrays/NNN/configs/        the cells' {config} files
///     <work>/arrays/NNN/logs/A_a.out    each task's output (%A_%a)
///     <work>/staging/<cell>.<A>_<a>/    what a task is writing (never collected)
///     <work>/landed/<cell>/             what a task finished, renamed here in one step
///     <work>/rejected/<cell>/           landed results that failed verification, with the reason
///     <work>/local/                     the same for `repro sweep run` (configs, logs, why a cell failed)
public struct SweepFolders: Sendable {
  /// The cell cache.
  public let results: URL
  /// The sweep's working folder.
  public let work: URL

  public init(results: URL, work: URL) {
    self.results = results
    self.work = work
  }

  public func result(of cell: String) -> URL { results.appendingPathComponent(cell, isDirectory: true) }
  var submissionLog: URL { work.appendingPathComponent("submissions.json") }
  var arrays: URL { work.appendingPathComponent("arrays", isDirectory: true) }
  var staging: URL { work.appendingPathComponent("staging", isDirectory: true) }
  var landed: URL { work.appendingPathComponent("landed", isDirectory: true) }
  var rejected: URL { work.appendingPathComponent("rejected", isDirectory: true) }
  var local: URL { work.appendingPathComponent("local", isDirectory: true) }

  func landed(_ cell: String) -> URL { landed.appendingPathComponent(cell, isDirectory: true) }
  func rejected(_ cell: String) -> URL { rejected.appendingPathComponent(cell, isDirectory: true) }

  /// The folder of submission `number` (`arrays/001`, …).
  func submission(_ number: Int) -> URL {
    arrays.appendingPathComponent(String(format: "%03d", number), isDirectory: true)
  }

  /// The log of one array task: Slurm's `%A_%a` in the submission's `logs/`.
  public func log(submission number: Int, jobID: String?, task index: Int) -> URL {
    submission(number).appendingPathComponent("logs").appendingPathComponent("\(jobID ?? "<job id>")_\(index).out")
  }

  func localLog(_ cell: String) -> URL { local.appendingPathComponent("logs").appendingPathComponent("\(cell).out") }
  func localFailure(_ cell: String) -> URL { local.appendingPathComponent("logs").appendingPathComponent("\(cell).failed") }
  func localConfig(_ cell: String) -> URL { local.appendingPathComponent("configs").appendingPathComponent("\(cell).json") }
}

/// A cell's results are complete only with this file: the recipe they were made from.
enum CellStamp {
  static let fileName = ".sweep-cell.json"
}
