import AtomicFiles
import Foundation
import ExperimentRegistry

/// One run of the driver: a ready list, up to `jobs` worker threads, and the single writer of
/// the lock file.
///
/// A target becomes ready when every upstream target has finished. Only then is it checked, so
/// it sees its upstreams' new outputs: if an upstream reran but wrote the same bytes, the target
/// stays up to date (early cutoff). Workers are plain threads because a target blocks on a child
/// process for seconds; all shared state is guarded by `state`.
final class RunSession: @unchecked Sendable {
  private let driver: Driver
  private let plan: [Experiment]
  private let data: [String: String]
  private let forced: Set<String>
  private let dryRun: Bool
  private let control: RunControl
  private let progress: any ProgressReporter

  private let state = NSCondition()
  /// The lock file as committed so far; the one copy, written only in `commit`.
  private var lock: LockFile
  private var pending: [Experiment]
  private var running: [String] = []
  private var outcomes: [String: TargetOutcome] = [:]
  private var gnuplot: String?

  init(
    driver: Driver, plan: [Experiment], lock: LockFile, data: [String: String], forced: Set<String>, dryRun: Bool,
    control: RunControl, progress: any ProgressReporter
  ) {
    self.driver = driver
    self.plan = plan
    self.lock = lock
    self.data = data
    self.forced = forced
    self.dryRun = dryRun
    self.control = control
    self.progress = progress
    pending = plan
  }

  /// Runs the plan with up to `jobs` targets at once; returns every target's outcome in plan order.
  func execute(jobs: Int) -> [TargetResult] {
    control.onInterrupt { [weak self] in
      guard let self else { return }
      driver.runner.cancelAll()
      state.lock()
      state.broadcast()
      state.unlock()
    }
    let workers = DispatchGroup()
    for _ in 0..<max(1, min(jobs, plan.count)) {
      workers.enter()
      Thread { [self] in
        work()
        workers.leave()
      }.start()
    }
    workers.wait()
    return plan.map { TargetResult(experiment: $0, outcome: outcomes[$0.target] ?? .interrupted) }
  }

  private func work() {
    state.lock()
    defer { state.unlock() }
    while !pending.isEmpty {
      if control.interruptedBy != nil {
        for experiment in pending { outcomes[experiment.target] = .interrupted }
        pending.removeAll()
        break
      }
      guard let index = pending.firstIndex(where: isReady) else {
        state.wait()
        continue
      }
      let experiment = pending.remove(at: index)
      let upstream = driver.graph.upstream(of: experiment).map { ($0, outcomes[$0] ?? .interrupted) }
      running.append(experiment.target)
      state.unlock()
      let outcome = process(experiment, upstream: upstream)
      state.lock()
      running.removeAll { $0 == experiment.target }
      outcomes[experiment.target] = outcome
      progress.report(.finished(TargetResult(experiment: experiment, outcome: outcome), running: running, remaining: remaining))
      state.broadcast()
    }
  }

  /// Unguarded reads of `pending`, `running` and `outcomes`: call with `state` locked.
  private func isReady(_ experiment: Experiment) -> Bool {
    driver.graph.upstream(of: experiment).allSatisfy { outcomes[$0] != nil }
  }

  private var remaining: Int { pending.count + running.count }

  // MARK: One target

  private func process(_ experiment: Experiment, upstream: [(String, TargetOutcome)]) -> TargetOutcome {
    let failed = upstream.filter { !$0.1.isSuccess }.map(\.0)
    if !failed.isEmpty { return .skipped(failedUpstream: failed) }
    let check: Check
    do {
      check = try self.check(experiment)
    } catch {
      return .failed([], error as? TargetFailure ?? TargetFailure(message: "\(error)"))
    }
    var reasons = check.reasons
    let staleUpstream = upstream.filter { if case .wouldRun = $0.1 { true } else { false } }.map(\.0)
    if !staleUpstream.isEmpty {
      // Until a stale upstream reruns, comparing its outputs says nothing: name it once, as stale.
      reasons = reasons.compactMap { reason in
        guard case .upstreamChanged(let targets) = reason else { return reason }
        let changed = targets.filter { !staleUpstream.contains($0) }
        return changed.isEmpty ? nil : .upstreamChanged(targets: changed)
      }
      reasons.append(.upstreamStale(targets: staleUpstream))
    }
    if forced.contains(experiment.target) { reasons.insert(.forced, at: 0) }
    if reasons.isEmpty { return .upToDate }
    if dryRun { return .wouldRun(reasons) }
    if control.interruptedBy != nil { return .interrupted }
    return build(experiment, reasons: reasons, check: check)
  }

  /// A target's current fingerprints and why they make it stale.
  private struct Check {
    var inputs: InputFingerprints
    var code: CodeManifest
    var reasons: [StaleReason]
  }

  private func check(_ experiment: Experiment) throws -> Check {
    let code = try driver.codeSource.code(of: experiment.executable)
    let upstreamNames = driver.graph.upstream(of: experiment)
    state.lock()
    let entry = lock.targets[experiment.target]
    let upstream = Dictionary(upstreamNames.map { ($0, lock.targets[$0]?.outputDigest ?? "") }) { first, _ in first }
    state.unlock()
    let inputs = InputFingerprints(
      data: Dictionary(experiment.inputs.map { ($0.id, data[$0.id] ?? "") }) { first, _ in first },
      parameters: InputFingerprints.parameters(experiment.parameters),
      code: code.manifest.digest,
      gnuplot: code.linksRenderer ? gnuplotVersion() : nil,
      upstream: upstream)
    guard let entry else { return Check(inputs: inputs, code: code.manifest, reasons: [.neverBuilt]) }
    let outputs = try OutputFolder.hashes(of: driver.outputDirectory(of: experiment))
    let reasons = entry.staleReasons(inputs: inputs, code: code.manifest, parameters: experiment.parameters, outputs: outputs)
    return Check(inputs: inputs, code: code.manifest, reasons: reasons)
  }

  /// Asked once per run, and only if some target draws images.
  private func gnuplotVersion() -> String {
    state.lock()
    defer { state.unlock() }
    if gnuplot == nil { gnuplot = driver.gnuplotVersion() }
    return gnuplot!
  }

  private func build(_ experiment: Experiment, reasons: [StaleReason], check: Check) -> TargetOutcome {
    state.lock()
    progress.report(.started(experiment, reasons: reasons, running: running, remaining: remaining))
    state.unlock()
    let clock = ContinuousClock()
    let start = clock.now
    var staging: URL?
    do {
      let folder = try StagingArea.folder(for: experiment.target, in: driver.stagingDirectory)
      staging = folder
      let read = try driver.runner.run(experiment, root: driver.layout.root, staging: folder, control: control)
      let entry = LockEntry(
        id: experiment.id, inputs: try Self.inputs(check.inputs, read: read, by: experiment), parameters: experiment.parameters, code: check.code,
        outputs: try OutputFolder.hashes(of: folder) ?? [:], summary: try Self.summary(in: folder))
      try commit(experiment, staging: folder, entry: entry)
      let elapsed = (clock.now - start).components
      return .built(reasons, seconds: Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18)
    } catch {
      if let staging { try? FileManager.default.removeItem(at: staging) }
      if control.interruptedBy != nil { return .interrupted }
      return .failed(reasons, error as? TargetFailure ?? TargetFailure(message: "\(error)"))
    }
  }

  /// The fingerprints to record for outputs made from the data `read`: each selection the
  /// experiment read is recorded as read, not as the driver saw it before starting it (they
  /// differ only if the database changed meanwhile without the run lock; the target is then
  /// stale next time, never silently up to date). A selection it read but does not declare
  /// fails the target: the driver could not tell when its outputs go stale.
  static func inputs(_ checked: InputFingerprints, read: [String: String], by experiment: Experiment) throws -> InputFingerprints {
    let undeclared = read.keys.filter { checked.data[$0] == nil }.sorted()
    guard undeclared.isEmpty else {
      throw TargetFailure(
        message: "\(experiment.target) read data it does not declare (\(undeclared.joined(separator: ", "))): add it to its inputs in the registry")
    }
    var inputs = checked
    inputs.data.merge(read) { _, read in read }
    return inputs
  }

  /// Swaps the staged outputs into place, then records them: the only writer of the lock file.
  ///
  /// Runs under `state`, so commits never overlap and signals (forwarded, not fatal) cannot cut
  /// it in half. Only a SIGKILL between the two steps can leave new outputs with the old entry,
  /// which the next run sees as "output edited" and rebuilds.
  private func commit(_ experiment: Experiment, staging: URL, entry: LockEntry) throws {
    state.lock()
    defer { state.unlock() }
    try AtomicFile.replaceDirectory(driver.outputDirectory(of: experiment), with: staging)
    var updated = lock
    updated.targets[experiment.target] = entry
    try updated.write(to: driver.lockURL)
    lock = updated
  }

  /// The experiment's `summary.json`, if it wrote one.
  private static func summary(in folder: URL) throws -> JSONValue? {
    let url = folder.appendingPathComponent("summary.json")
    guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
    do {
      return try JSONDecoder().decode(JSONValue.self, from: data)
    } catch {
      throw TargetFailure(message: "summary.json is not valid JSON: \(error)")
    }
  }
}
