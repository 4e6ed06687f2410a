import Foundation
import Gnuplot
import InferenceEngine
import ScalingLawFit

/// The `inference-cost` experiment as plain functions over a project root: measure (or reuse the
/// cached sweep), analyse, describe the figures.
///
/// The cache is `paper-artifacts/inference-cost.sqlite`, holding the sweep of the current plan
/// only; synthetic checkpoints live in the project's `CheckpointStore` (git-ignored, regenerated
/// on first use). A cached sweep is reused when its plan matches and it was measured by the
/// current engine sources; `force` re-measures regardless.
public struct InferenceCostExperiment: Sendable {
  public var root: URL
  public var plan: SweepPlan

  public init(root: URL, plan: SweepPlan) {
    self.root = root
    self.plan = plan
  }

  public var databaseURL: URL { root.appendingPathComponent("paper-artifacts/inference-cost.sqlite") }

  /// Why a sweep is (re)measured, or that the cache is current.
  public enum Provenance: Sendable, Equatable {
    case cached
    case measured(reason: String)
  }

  /// The sweep for `plan`: from the cache when current, otherwise measured now and saved.
  public func sweep(force: Bool = false, progress: (String) -> Void = { _ in }) throws -> (CachedSweep, Provenance) {
    let cache = try MeasurementCache(url: databaseURL)
    let fingerprint = try EngineFingerprint.compute(root: root)
    let cached = try cache.sweep(planKey: plan.key)
    let reason: String
    switch cached {
    case .some(let sweep) where sweep.engineFingerprint == fingerprint && !force: return (sweep, .cached)
    case .some(let sweep) where sweep.engineFingerprint != fingerprint:
      reason = "the engine sources changed since the cached sweep (fingerprint \(sweep.engineFingerprint.prefix(12)) → \(fingerprint.prefix(12)))"
    case .some: reason = "--force"
    case .none: reason = "no cached sweep for this plan"
    }
    progress("measuring: \(reason)")
    let start = ContinuousClock.now
    var loads = [Machine.loadAverage()].compactMap { $0 }
    let measurements = try Sweep.run(plan, store: CheckpointStore(projectRoot: root)) { line in
      loads += [Machine.loadAverage()].compactMap { $0 }
      progress(line)
    }
    let sweep = CachedSweep(
      planKey: plan.key, engineFingerprint: fingerprint, machine: .current, wallSeconds: (ContinuousClock.now - start).inSeconds,
      loadAverage: loads.isEmpty ? nil : loads.reduce(0, +) / Double(loads.count), measurements: measurements)
    return (try cache.save(sweep, discardingOtherPlans: true), .measured(reason: reason))
  }

  /// The cached sweep for `plan`, read-only and never measured (for readers such as a claims
  /// ledger); `nil` when this plan was never measured.
  public func cachedSweep() throws -> CachedSweep? {
    try MeasurementCache(readingFrom: databaseURL).sweep(planKey: plan.key)
  }

  /// The fit, verdict and findings for a sweep.
  public func analysis(of sweep: CachedSweep) throws -> CostAnalysis {
    try CostAnalysis(sweep.measurements, decodeSteps: plan.newTokens - 1)
  }

  /// The experiment's closing note: where and under what load the sweep ran, the verdict and
  /// the findings.
  public func report(of sweep: CachedSweep) throws -> String {
    let load = sweep.loadAverage.map { String(format: ", mean 1-minute load average %.1f (this sweep included)", $0) } ?? ""
    let conditions = "Measured on \(sweep.machine.summary)" + load
      + String(format: "; sweep wall time %.0f s for %d configurations.", sweep.wallSeconds, sweep.measurements.count)
    return conditions + "\n\n" + (try analysis(of: sweep).summary) + "\n"
  }

  /// The two figure scripts for a sweep.
  public func figures(of sweep: CachedSweep) throws -> [GnuplotScript] {
    try InferenceCostFigures.scripts(analysis(of: sweep), sweep: sweep)
  }

  /// The numbers `summary.json` records for a sweep, the line's bootstrap drawn by `bootstrap`.
  public func summary(of sweep: CachedSweep, bootstrap: Bootstrap) throws -> InferenceCostSummary {
    InferenceCostSummary(try analysis(of: sweep), sweep: sweep, bootstrap: bootstrap)
  }
}
