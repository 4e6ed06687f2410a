import Foundation
import Gnuplot
import InferenceEngine

/// The `inference-cost` experiment as plain functions over a project root: measure (or reuse the
/// cached sweep), analyse, describe the figures.
///
/// The cache is `paper-artifacts/inference-cost.sqlite`, synthetic checkpoints live in
/// `paper-artifacts/.inference-weights/` (git-ignored, regenerated on first use). A cached sweep
/// is reused when its plan matches and it was measured by the current engine sources; `force`
/// re-measures regardless.
public struct InferenceCostExperiment: Sendable {
  public var root: URL
  public var plan: SweepPlan

  public init(root: URL, plan: SweepPlan = .full) {
    self.root = root
    self.plan = plan
  }

  public var databaseURL: URL { root.appendingPathComponent("paper-artifacts/inference-cost.sqlite") }
  public var weightsDirectory: URL { root.appendingPathComponent("paper-artifacts/.inference-weights", isDirectory: true) }

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
    let measurements = try Sweep.run(plan, store: CheckpointStore(directory: weightsDirectory), progress: progress)
    let elapsed = ContinuousClock.now - start
    let sweep = CachedSweep(
      planKey: plan.key, engineFingerprint: fingerprint, machine: .current,
      wallSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18,
      measurements: measurements)
    try cache.save(sweep)
    return (sweep, .measured(reason: reason))
  }

  /// The fit, verdict and findings for a sweep.
  public func analysis(of sweep: CachedSweep) throws -> CostAnalysis {
    try CostAnalysis(sweep.measurements, decodeSteps: plan.newTokens - 1)
  }

  /// The two figure scripts for a sweep.
  public func figures(of sweep: CachedSweep) throws -> [GnuplotScript] {
    try InferenceCostFigures.scripts(analysis(of: sweep), machine: sweep.machine, planKey: sweep.planKey)
  }
}
