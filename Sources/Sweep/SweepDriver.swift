import AtomicFiles
import Foundation
import ReproDriver

/// Runs a sweep's stale cells — as a Slurm job array or as local processes — and takes their
/// results back into the cell cache, verified, one whole cell at a time.
///
/// Every operation is idempotent: `submit` first collects what has landed and then submits only
/// the cells that are missing or failed (never one still queued or running); `collect` moves a
/// cell into the cache only after verifying it, with one rename, so a cell is either absent or
/// complete. Operations that write take the sweep's lock (`<work>/.repro-run.lock`), so two
/// `repro sweep` commands on one sweep wait for each other.
public final class SweepDriver: Sendable {
  let plan: SweepPlan
  /// Who runs the arrays.
  public let scheduler: any SlurmScheduler
  let verifier: CellVerifier?
  let children = ChildProcesses()

  /// - Parameters:
  ///   - baseDirectory: what relative paths of the definition are relative to.
  ///   - verifier: a check of each cell's results on top of `outputs` and `digests`.
  public init(
    definition: SweepDefinition, baseDirectory: URL, scheduler: any SlurmScheduler = SlurmCommands(), verifier: CellVerifier? = nil
  ) throws(SweepError) {
    plan = try SweepPlan(definition, baseDirectory: baseDirectory)
    self.scheduler = scheduler
    self.verifier = verifier
  }

  /// The sweep in the JSON file `file`, its paths relative to the file's folder.
  public static func load(_ file: URL, scheduler: any SlurmScheduler = SlurmCommands(), verifier: CellVerifier? = nil) throws(SweepError) -> SweepDriver {
    let definition: SweepDefinition
    do {
      definition = try JSONDecoder().decode(SweepDefinition.self, from: try Data(contentsOf: file))
    } catch let error as DecodingError {
      throw .unreadableDefinition(path: file.path, reason: Self.describe(error))
    } catch {
      throw .unreadableDefinition(path: file.path, reason: error.localizedDescription)
    }
    return try SweepDriver(definition: definition, baseDirectory: file.deletingLastPathComponent(), scheduler: scheduler, verifier: verifier)
  }

  public var definition: SweepDefinition { plan.definition }
  public var folders: SweepFolders { plan.folders }

  // MARK: Status

  /// Every cell's state: from the cell cache and `landed/`, and from the scheduler for cells
  /// submitted but not landed (`squeue`, then `sacct` for why a task ended, when available).
  public func status() throws -> SweepStatus {
    let log = try SubmissionLog.load(from: folders.submissionLog)
    return try status(log: log, queued: try scheduler.queuedTasks(of: log.jobIDs))
  }

  private func status(log: SubmissionLog, queued: [ArrayTask: String]?) throws -> SweepStatus {
    var cells: [(name: String, state: CellState)] = []
    var endedTasks: [ArrayTask] = []
    for cell in plan.cells {
      let state = try state(of: cell, log: log, queued: queued)
      if case .failed(let task?, _, _) = state { endedTasks.append(task) }
      cells.append((cell.name, state))
    }
    // Ask accounting only when something failed, and only once.
    guard !endedTasks.isEmpty, let ended = scheduler.endedTasks(of: Array(Set(endedTasks.map(\.jobID))).sorted()) else {
      return SweepStatus(cells: cells)
    }
    return SweepStatus(
      cells: cells.map { cell in
        guard case .failed(let task?, let reason, let log) = cell.state, let final = ended[task] else { return cell }
        return (cell.name, .failed(task, reason: "\(final); \(reason)", log: log))
      })
  }

  private func state(of cell: ResolvedCell, log: SubmissionLog, queued: [ArrayTask: String]?) throws -> CellState {
    let cached = Self.cacheState(of: cell, in: folders.result(of: cell.name))
    if cached == nil { return .complete }
    if FileManager.default.fileExists(atPath: folders.landed(cell.name).path) { return .landed }
    guard let latest = log.latest(cell.name), latest.submission.recipes[cell.name] == cell.recipe else {
      if let failure = try? String(contentsOf: folders.localFailure(cell.name), encoding: .utf8) {
        let reason = failure.trimmingCharacters(in: .whitespacesAndNewlines)
        return .missing(reason: "the last local run failed: \(reason); log: \(folders.localLog(cell.name).path)")
      }
      return .missing(reason: cached!)
    }
    let (submission, index) = latest
    let logURL = folders.log(submission: submission.number, jobID: submission.jobID, task: index)
    guard let jobID = submission.jobID else { return .submitted(nil, log: logURL) }
    let task = ArrayTask(jobID: jobID, index: index)
    guard let queued else { return .submitted(task, log: logURL) }
    if let state = queued[task] { return .inFlight(task, state: state, log: logURL) }
    let rejection = folders.rejected(cell.name).appendingPathComponent(Self.rejectionFile)
    if let reason = try? String(contentsOf: rejection, encoding: .utf8) {
      return .failed(task, reason: "results rejected: " + reason.trimmingCharacters(in: .whitespacesAndNewlines), log: logURL)
    }
    return .failed(task, reason: "ended without results", log: logURL)
  }

  /// `nil` if the cache holds the cell's complete results for its current recipe; otherwise why not.
  static func cacheState(of cell: ResolvedCell, in folder: URL) -> String? {
    guard FileManager.default.fileExists(atPath: folder.path) else { return "never run" }
    guard let stored = CellRecipe.stored(in: folder) else { return "its folder has no \(CellStamp.fileName): not made by this sweep" }
    if stored != cell.recipe {
      let recipe = cell.recipe
      var changed: [String] = []
      if stored.command != recipe.command { changed.append("command") }
      if stored.directory != recipe.directory { changed.append("directory") }
      if stored.environment != recipe.environment { changed.append("environment") }
      if stored.parameters != recipe.parameters { changed.append("parameters") }
      if stored.config != recipe.config { changed.append("config") }
      return "definition changed since it ran (\(changed.isEmpty ? "cell" : changed.joined(separator: ", ")))"
    }
    let missing = cell.outputs.filter { !FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }
    return missing.isEmpty ? nil : "results incomplete: missing \(missing.joined(separator: ", "))"
  }

  // MARK: Collect

  /// Verifies every landed cell and moves the good ones into the cache (bad ones to
  /// `rejected/<cell>` with the reason), removes staging folders no task writes any more, and
  /// reports every cell's state.
  public func collect() throws -> CollectReport {
    try withLock { try collectLocked() }
  }

  static let rejectionFile = ".sweep-rejected.txt"

  func collectLocked() throws -> CollectReport {
    let log = try SubmissionLog.load(from: folders.submissionLog)
    var collected: [String] = []
    var rejected: [(cell: String, reason: String)] = []
    for cell in plan.cells where FileManager.default.fileExists(atPath: folders.landed(cell.name).path) {
      let landed = folders.landed(cell.name)
      let recipe = log.latest(cell.name)?.submission.recipes[cell.name] ?? cell.recipe
      do {
        try CellVerification.verify(cell, in: landed, verifier: verifier)
        try place(landed, as: cell, recipe: recipe)
        collected.append(cell.name)
      } catch SweepError.rejected(_, let reason) {
        try reject(landed, cell: cell.name, reason: reason)
        rejected.append((cell.name, reason))
      }
    }
    let queued = try scheduler.queuedTasks(of: log.jobIDs)
    removeAbandonedStaging(queued: queued)
    return CollectReport(collected: collected, rejected: rejected, status: try status(log: log, queued: queued))
  }

  /// Stamps `folder` with the recipe it was made from and renames it to the cell's place in
  /// the cache (replacing older results): the one step that makes a cell complete.
  func place(_ folder: URL, as cell: ResolvedCell, recipe: CellRecipe) throws {
    try FileManager.default.createDirectory(at: folders.results, withIntermediateDirectories: true)
    try AtomicFile.write(try recipe.encoded(), to: folder.appendingPathComponent(CellStamp.fileName))
    try AtomicFile.replaceDirectory(folders.result(of: cell.name), with: folder)
  }

  private func reject(_ landed: URL, cell: String, reason: String) throws {
    try FileManager.default.createDirectory(at: folders.rejected, withIntermediateDirectories: true)
    try AtomicFile.write(reason + "\n", to: landed.appendingPathComponent(Self.rejectionFile))
    try AtomicFile.replaceDirectory(folders.rejected(cell), with: landed)
  }

  /// Staging folders are `<cell>.<job>_<task>` (array tasks) or `<cell>.local-<pid>` (local
  /// runs); one is abandoned once its task is no longer queued (known only if the scheduler can
  /// be asked) or its process is gone.
  private func removeAbandonedStaging(queued: [ArrayTask: String]?) {
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folders.staging.path) else { return }
    for entry in entries {
      guard let suffix = entry.split(separator: ".").last, suffix != Substring(entry) else { continue }
      let abandoned: Bool
      if suffix.hasPrefix("local-"), let pid = Int32(suffix.dropFirst(6)) {
        abandoned = kill(pid, 0) != 0 && errno == ESRCH
      } else if let queued, let underscore = suffix.firstIndex(of: "_"), let index = Int(suffix[suffix.index(after: underscore)...]) {
        abandoned = queued[ArrayTask(jobID: String(suffix[..<underscore]), index: index)] == nil
      } else {
        abandoned = false
      }
      if abandoned { try? FileManager.default.removeItem(at: folders.staging.appendingPathComponent(entry)) }
    }
  }

  // MARK: Submit

  /// Collects, then writes a job array for the cells that are missing or failed and submits it
  /// with `sbatch` — or, without `sbatch`, writes it and returns the command to run. With
  /// `dryRun`, writes and submits nothing. `options` override the definition's `slurm`.
  public func submit(_ options: SlurmOptions = SlurmOptions(), dryRun: Bool = false) throws -> SubmitOutcome {
    let options = (definition.slurm ?? SlurmOptions()).overridden(by: options)
    try options.validate()
    if dryRun { return try submitLocked(options, status: try status(), dryRun: true) }
    return try withLock { try submitLocked(options, status: try collectLocked().status, dryRun: false) }
  }

  private func submitLocked(_ options: SlurmOptions, status: SweepStatus, dryRun: Bool) throws -> SubmitOutcome {
    let stale = plan.cells.filter { status.state(of: $0.name)?.needsRun == true }
    guard !stale.isEmpty else { return .nothingToDo(status) }
    guard SlurmArrayScript.cellCountRange.contains(stale.count) else {
      throw SweepError.tooManyCells(count: stale.count, limit: SlurmArrayScript.cellCountRange.upperBound)
    }
    var log = try SubmissionLog.load(from: folders.submissionLog)
    let number = log.nextNumber
    let folder = folders.submission(number)
    let script = SlurmArrayScript(plan: plan, cells: stale, options: options, submission: folder)
    let scriptURL = folder.appendingPathComponent("array.sh")
    let command = scheduler.submitCommand(for: scriptURL)
    if dryRun { return .dryRun(script, script: scriptURL, command: command) }

    try write(script, cells: stale, to: folder)
    for cell in stale { try? FileManager.default.removeItem(at: folders.rejected(cell.name)) }
    // Recorded before sbatch runs: if we die in between, the cells show as "submitted" rather
    // than being forgotten while their tasks run.
    log.submissions.append(
      .init(number: number, jobID: nil, cells: script.cells, recipes: Dictionary(uniqueKeysWithValues: stale.map { ($0.name, $0.recipe) })))
    try log.write(to: folders.submissionLog)
    guard scheduler.canSubmit else { return .written(script, script: scriptURL, command: command) }
    let jobID: String
    do {
      jobID = try scheduler.submit(script: scriptURL)
    } catch {
      log.submissions.removeLast()
      try log.write(to: folders.submissionLog)
      try? FileManager.default.removeItem(at: folder)
      throw error
    }
    log.submissions[log.submissions.count - 1].jobID = jobID
    try log.write(to: folders.submissionLog)
    return .submitted(script, script: scriptURL, jobID: jobID)
  }

  private func write(_ script: SlurmArrayScript, cells: [ResolvedCell], to folder: URL) throws {
    let files = FileManager.default
    try? files.removeItem(at: folder)  // a leftover of a submission sbatch refused
    for sub in ["logs", "configs"] {
      try files.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
    }
    for folder in [folders.staging, folders.landed] { try files.createDirectory(at: folder, withIntermediateDirectories: true) }
    for cell in cells {
      if let config = try cell.configData() {
        try AtomicFile.write(config, to: folder.appendingPathComponent("configs").appendingPathComponent("\(cell.name).json"))
      }
    }
    try AtomicFile.write(script.cellList, to: folder.appendingPathComponent("cells.txt"))
    let scriptURL = folder.appendingPathComponent("array.sh")
    try AtomicFile.write(script.text, to: scriptURL)
    try files.setAttributes([.posixPermissions: 0o755], ofItemAtPath: scriptURL.path)
  }

  // MARK: Waiting

  /// Polls the scheduler until no task of this sweep is queued or running; `false` if
  /// `timeout` passed first. Throws if the scheduler cannot be asked from here.
  public func waitForArrays(timeout: Duration, poll: Duration = .milliseconds(500)) throws -> Bool {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    while true {
      let log = try SubmissionLog.load(from: folders.submissionLog)
      guard let queued = try scheduler.queuedTasks(of: log.jobIDs) else {
        throw SweepError.schedulerFailed(command: "squeue", status: "not found", message: "squeue is not on PATH: cannot wait for the array")
      }
      if queued.isEmpty { return true }
      if clock.now >= deadline { return false }
      Thread.sleep(forTimeInterval: Double(poll.components.seconds) + Double(poll.components.attoseconds) * 1e-18)
    }
  }

  // MARK: Support

  func withLock<T>(_ body: () throws -> T) throws -> T {
    let lock = try RunLock(in: folders.work, wait: true)
    return try withExtendedLifetime(lock) { try body() }
  }

  private static func describe(_ error: DecodingError) -> String {
    func path(_ context: DecodingError.Context) -> String {
      let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
      return keys.isEmpty ? "" : "at \(keys.hasPrefix(".") ? String(keys.dropFirst()) : keys): "
    }
    switch error {
    case .keyNotFound(let key, let context): return "\(path(context))missing key '\(key.stringValue)'"
    case .typeMismatch(let type, let context): return "\(path(context))expected \(type)"
    case .valueNotFound(let type, let context): return "\(path(context))expected \(type), found null"
    case .dataCorrupted(let context): return "\(path(context))\(context.debugDescription)"
    @unknown default: return "\(error)"
    }
  }
}
