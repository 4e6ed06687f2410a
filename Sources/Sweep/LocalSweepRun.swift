import AtomicFiles
import Foundation
import ReproDriver

/// How one cell of a local run ended.
public struct LocalCellResult: Equatable, Sendable {
  public enum Outcome: Equatable, Sendable {
    /// Ran, verified and placed in the cache.
    case built(seconds: Double)
    /// Failed or rejected; `log` holds what the command printed.
    case failed(reason: String, log: URL)
    /// Not started, or stopped, because the run was interrupted.
    case interrupted
  }

  public var cell: String
  public var outcome: Outcome
}

/// What `runLocally` did: the cells it ran, in definition order, and the sweep's state after.
public struct LocalRunReport: Sendable {
  public var results: [LocalCellResult]
  public var status: SweepStatus
  public var interruptedBy: Int32?

  public var failed: [LocalCellResult] { results.filter { if case .failed = $0.outcome { true } else { false } } }
}

extension SweepDriver {
  /// Processes a local run may use at once.
  public static let localJobsRange = 1...256

  /// Runs the cells a submission would submit (missing or failed; never one landed or still on
  /// the cluster) as local processes, up to `jobs` at once, with the same command and the same
  /// verification as an array task, each cell placed into the cache as it completes.
  ///
  /// - Parameter progress: called (from worker threads, one call at a time) as each cell ends.
  public func runLocally(
    jobs: Int, control: RunControl = RunControl(), progress: @escaping @Sendable (LocalCellResult) -> Void = { _ in }
  ) throws -> LocalRunReport {
    guard Self.localJobsRange.contains(jobs) else {
      throw SweepError.invalidDefinition(field: "jobs", problem: "\(jobs) is outside 1…256")
    }
    return try withLock {
      let before = try collectLocked().status
      let stale = plan.cells.filter { before.state(of: $0.name)?.needsRun == true }
      let results = LocalRun(driver: self, cells: stale, control: control, progress: progress).execute(jobs: jobs)
      return LocalRunReport(results: results, status: try status(), interruptedBy: control.interruptedBy)
    }
  }

  /// Runs one cell and records why it failed (`local/logs/<cell>.failed`, read by `status`) or
  /// that it did not.
  func runLocally(_ cell: ResolvedCell, control: RunControl) -> LocalCellResult.Outcome {
    let outcome = computeLocally(cell, control: control)
    let record = folders.localFailure(cell.name)
    if case .failed(let reason, _) = outcome {
      try? AtomicFile.write(reason + "\n", to: record)
    } else {
      try? FileManager.default.removeItem(at: record)
    }
    return outcome
  }

  /// Runs one cell into a fresh staging folder, verifies it and places it in the cache.
  private func computeLocally(_ cell: ResolvedCell, control: RunControl) -> LocalCellResult.Outcome {
    let files = FileManager.default
    let staging = folders.staging.appendingPathComponent("\(cell.name).local-\(getpid())")
    let logURL = folders.localLog(cell.name)
    let configURL = folders.localConfig(cell.name)
    let clock = ContinuousClock()
    let start = clock.now
    do {
      try? files.removeItem(at: staging)
      try files.createDirectory(at: staging, withIntermediateDirectories: true)
      try files.createDirectory(at: logURL.deletingLastPathComponent(), withIntermediateDirectories: true)
      if let config = try cell.configData() {
        try files.createDirectory(at: configURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AtomicFile.write(config, to: configURL)
      }
      guard files.createFile(atPath: logURL.path, contents: nil) else { throw SweepError.io(path: logURL.path, reason: "cannot create the log") }
      let log = try FileHandle(forWritingTo: logURL)
      defer { try? log.close() }

      let arguments = cell.arguments.map { $0.resolved(out: staging.path, config: configURL.path) }
      let environment = plan.environment()
      guard let executable = ExecutableSearch.find(arguments[0], path: environment["PATH"] ?? "", relativeTo: plan.directory) else {
        throw SweepError.commandNotFound(arguments[0], searched: arguments[0].contains("/") ? plan.directory.path : "PATH")
      }
      let termination = try children.run(
        executable, arguments: Array(arguments.dropFirst()), directory: plan.directory, environment: environment, log: log,
        unless: control)
      if control.interruptedBy != nil {
        try? files.removeItem(at: staging)
        return .interrupted
      }
      guard termination.succeeded else {
        try? files.removeItem(at: staging)
        let how = switch termination {
        case .exited(let status): "exited with status \(status)"
        case .killed(let signal): "was killed by signal \(signal)"
        }
        return .failed(reason: "the command \(how)", log: logURL)
      }
      try CellVerification.verify(cell, in: staging, verifier: verifier)
      try place(staging, as: cell, recipe: cell.recipe)
      let elapsed = (clock.now - start).components
      return .built(seconds: Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18)
    } catch {
      try? files.removeItem(at: staging)
      if control.interruptedBy != nil { return .interrupted }
      if case SweepError.rejected(_, let reason) = error { return .failed(reason: "results rejected: \(reason)", log: logURL) }
      return .failed(reason: "\(error)", log: logURL)
    }
  }
}

/// One local run: `jobs` worker threads taking cells in definition order.
private final class LocalRun: @unchecked Sendable {
  private let driver: SweepDriver
  private let cells: [ResolvedCell]
  private let control: RunControl
  private let progress: @Sendable (LocalCellResult) -> Void
  private let lock = NSLock()
  private var next = 0
  private var outcomes: [String: LocalCellResult.Outcome] = [:]

  init(driver: SweepDriver, cells: [ResolvedCell], control: RunControl, progress: @escaping @Sendable (LocalCellResult) -> Void) {
    self.driver = driver
    self.cells = cells
    self.control = control
    self.progress = progress
  }

  func execute(jobs: Int) -> [LocalCellResult] {
    control.onInterrupt { [driver] in driver.children.terminateAll() }
    let workers = DispatchGroup()
    for _ in 0..<max(1, min(jobs, cells.count)) {
      workers.enter()
      Thread { [self] in
        while let cell = take() {
          let outcome = control.interruptedBy == nil ? driver.runLocally(cell, control: control) : .interrupted
          finish(LocalCellResult(cell: cell.name, outcome: outcome))
        }
        workers.leave()
      }.start()
    }
    workers.wait()
    return cells.map { LocalCellResult(cell: $0.name, outcome: outcomes[$0.name] ?? .interrupted) }
  }

  private func take() -> ResolvedCell? {
    lock.lock()
    defer { lock.unlock() }
    guard next < cells.count else { return nil }
    next += 1
    return cells[next - 1]
  }

  private func finish(_ result: LocalCellResult) {
    lock.lock()
    defer { lock.unlock() }
    outcomes[result.cell] = result.outcome
    progress(result)
  }
}
