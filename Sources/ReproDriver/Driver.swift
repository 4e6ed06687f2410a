import AtomicFiles
import Foundation
import Gnuplot
import ResultsStore
import ExperimentRegistry

/// `repro`'s make-style driver: decides by content which experiments are stale, runs them in
/// parallel in dependency order, swaps their outputs into `Figures/` and records them in
/// `Figures/repro.lock`.
///
/// A target is up to date when its lock entry's input fingerprints (data rows, parameters, code,
/// gnuplot, upstream outputs) equal the current ones and its output folder still has exactly the
/// recorded bytes. Only this process writes the lock, one commit at a time: a target's staged
/// outputs replace its folder, then its entry is written (atomically).
public final class Driver: Sendable {
  public let layout: ProjectLayout
  public let graph: TargetGraph
  let codeSource: any CodeSource
  let runner: any TargetRunner
  let gnuplotVersion: @Sendable () -> String
  let seedRefresh: SeedRefresh?

  /// Brings seed files that are computed from other committed files up to date (the miniature
  /// replication's results, from its checkpoints), under the run lock and before the database is
  /// checked, so what it writes reaches the targets through the ordinary seed → database path.
  /// It is given the data selections the run's plan reads, so a run that reads none of its
  /// suites does not wait for it (nor fail with it); it reports what it did through the progress
  /// reporter. Dry runs skip it (they write nothing), so the driver cannot see a checkpoint that
  /// is new since the last run; `repro status` asks the replication for those separately.
  public typealias SeedRefresh = @Sendable (
    _ layout: ProjectLayout, _ selections: [DataSelection], _ progress: any ProgressReporter
  ) throws -> Void

  /// - Parameters:
  ///   - experiments: the targets (normally ``Notebook/Experiment/all``).
  ///   - code: where each executable's code manifest comes from.
  ///   - runner: what runs an experiment into a staging folder.
  ///   - gnuplotVersion: the renderer's version text, asked at most once per run and only if a
  ///     target links the renderer.
  public init(
    layout: ProjectLayout, experiments: [Experiment], code: any CodeSource, runner: any TargetRunner,
    gnuplotVersion: @escaping @Sendable () -> String, seedRefresh: SeedRefresh? = nil
  ) throws {
    self.seedRefresh = seedRefresh
    self.layout = layout
    graph = try TargetGraph(experiments)
    codeSource = code
    self.runner = runner
    self.gnuplotVersion = gnuplotVersion
  }

  /// The driver `repro` uses: the registered experiments, run as the executables in
  /// `binDirectory`, fingerprinted from that build's records, with the gnuplot on `PATH`.
  public static func standard(
    layout: ProjectLayout, binDirectory: URL, experiments: [Experiment] = Experiment.all, seedRefresh: SeedRefresh? = nil
  ) throws -> Driver {
    try Driver(
      layout: layout, experiments: experiments, code: BuildProducts(binDirectory: binDirectory),
      runner: ExecutableRunner(binDirectory: binDirectory),
      gnuplotVersion: { (try? GnuplotRenderer.locate().version()) ?? "none" }, seedRefresh: seedRefresh)
  }

  /// `Figures/repro.lock`.
  public var lockURL: URL { layout.figuresDirectory.appendingPathComponent("repro.lock") }

  /// Where targets' outputs are staged before being swapped in (git-ignored).
  var stagingDirectory: URL { layout.figuresDirectory.appendingPathComponent(".staging") }

  /// The output folder of `experiment`.
  public func outputDirectory(of experiment: Experiment) -> URL {
    layout.figuresDirectory.appendingPathComponent(experiment.outputFolder)
  }

  // MARK: Commands

  /// What `run` would do, without taking the run lock or writing anything: `.upToDate` or
  /// `.wouldRun(reasons)` per target (`.failed` if it cannot even be checked).
  public func status(_ names: [String] = []) throws -> RunReport {
    try run(RunOptions(targets: names, dryRun: true))
  }

  /// Brings `options.targets` (all when empty) and their upstream targets up to date.
  ///
  /// Takes the run lock (see ``RunLock``), rebuilds `results.sqlite` if its seeds changed, then
  /// schedules up to `options.jobs` targets at once. A failing target does not stop the others;
  /// targets downstream of it are skipped. Throws only for problems that stop everything (an
  /// unknown name, a busy lock with `waitForLock` false, an unreadable lock file or database).
  public func run(
    _ options: RunOptions, control: RunControl = RunControl(), progress: any ProgressReporter = SilentProgress()
  ) throws -> RunReport {
    let requested = options.targets.isEmpty ? graph.experiments : try options.targets.map(graph.experiment(named:))
    let plan = graph.closure(of: requested)
    let runLock = options.dryRun ? nil : try RunLock(in: layout.figuresDirectory, wait: options.waitForLock) {
      progress.report(.waitingForLock(holder: $0))
    }
    return try withExtendedLifetime(runLock) {
      if !options.dryRun, let seedRefresh { try seedRefresh(layout, plan.flatMap(\.inputs), progress) }
      let data = try DataFingerprints(plan.flatMap(\.inputs), layout: layout, rebuildInPlace: !options.dryRun)
      if let reason = data.rebuildReason, !options.dryRun { progress.report(.rebuiltDatabase(reason: reason)) }
      var lock = try LockFile.load(from: lockURL)
      var pruned: [String] = []
      if !options.dryRun {
        if options.targets.isEmpty { pruned = try prune(&lock) }
        StagingArea.removeAbandoned(in: stagingDirectory)
      }
      let session = RunSession(
        driver: self, plan: plan, lock: lock, data: data.hashes,
        forced: options.force ? Set(requested.map(\.target)) : [], dryRun: options.dryRun,
        control: control, progress: progress)
      let results = session.execute(jobs: options.jobs)
      return RunReport(
        results: results, interruptedBy: control.interruptedBy, databaseRebuild: data.rebuildReason, prunedEntries: pruned)
    }
  }

  /// Removes the outputs and lock entries of the named targets (all when empty; then also the
  /// entries of experiments no longer registered). Returns the targets whose outputs or
  /// entries were removed.
  ///
  /// The lock is written first, then each folder is renamed away and deleted, so an interruption
  /// leaves targets either cleaned or "never built", never half-deleted and recorded.
  public func clean(_ names: [String] = [], waitForLock: Bool = true, progress: any ProgressReporter = SilentProgress()) throws -> [String] {
    let targets = names.isEmpty ? graph.experiments : try names.map(graph.experiment(named:))
    let runLock = try RunLock(in: layout.figuresDirectory, wait: waitForLock) { progress.report(.waitingForLock(holder: $0)) }
    return try withExtendedLifetime(runLock) {
      var lock = try LockFile.load(from: lockURL)
      let before = lock
      var removed = names.isEmpty ? try prune(&lock) : []
      for target in targets {
        let folder = outputDirectory(of: target)
        if lock.targets.removeValue(forKey: target.target) != nil || FileManager.default.fileExists(atPath: folder.path) {
          removed.append(target.target)
        }
      }
      if lock != before { try lock.write(to: lockURL) }
      for target in targets {
        let folder = outputDirectory(of: target)
        guard FileManager.default.fileExists(atPath: folder.path) else { continue }
        let aside = AtomicFile.temporarySibling(of: folder)
        try AtomicFile.move(folder, to: aside)
        try FileManager.default.removeItem(at: aside)
      }
      if names.isEmpty { try? FileManager.default.removeItem(at: stagingDirectory) }
      return orderedUnique(removed)
    }
  }

  /// Drops (and writes) lock entries whose experiment is no longer registered.
  private func prune(_ lock: inout LockFile) throws -> [String] {
    let registered = Set(graph.experiments.map(\.target))
    let stale = lock.targets.keys.filter { !registered.contains($0) }.sorted()
    guard !stale.isEmpty else { return [] }
    for name in stale { lock.targets[name] = nil }
    try lock.write(to: lockURL)
    return stale
  }
}

/// What ``Driver/run(_:control:progress:)`` should do.
public struct RunOptions: Sendable {
  /// Names of targets to bring up to date (with their upstream targets); empty means all.
  public var targets: [String]
  /// How many targets may run at once.
  public var jobs: Int
  /// Rerun the requested targets even if they are up to date (their upstreams only if stale).
  public var force: Bool
  /// Only decide what would run.
  public var dryRun: Bool
  /// Wait for another run to finish instead of failing with ``DriverError/busy(holder:)``.
  public var waitForLock: Bool

  public init(
    targets: [String] = [], jobs: Int = ProcessInfo.processInfo.activeProcessorCount, force: Bool = false,
    dryRun: Bool = false, waitForLock: Bool = true
  ) {
    self.targets = targets
    self.jobs = jobs
    self.force = force
    self.dryRun = dryRun
    self.waitForLock = waitForLock
  }
}
