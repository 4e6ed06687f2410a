import ComputeFrontier
import InferenceEngine
import ResultValues

extension InferenceCostSummary {
  /// The summary of a sweep and its analysis.
  public init(_ analysis: CostAnalysis, sweep: CachedSweep) {
    self.init(
      claim: analysis.claim, holds: analysis.claimHolds, rSquared: analysis.prefillFit.rSquared,
      rSquaredThreshold: LinearCostFit.linearityThreshold, secondsPerFLOP: analysis.prefillFit.secondsPerFLOP,
      overheadSeconds: analysis.prefillFit.overheadSeconds,
      effectiveGFLOPPerSecond: analysis.prefillFit.effectiveGFLOPPerSecond, endToEndRSquared: analysis.endToEndFit.rSquared,
      findings: analysis.findings, planKey: sweep.planKey, engineFingerprint: sweep.engineFingerprint,
      machine: sweep.machine, sweepWallSeconds: sweep.wallSeconds, loadAverage: sweep.loadAverage,
      points: sweep.measurements.map { m in
        Point(
          model: m.model, parameterCount: m.N, V: m.V, Q: m.Q, paperFLOPs: m.paperFLOPs,
          flops: Dictionary(uniqueKeysWithValues: m.costs.map { ($0.key.rawValue, $0.value.flops) }),
          seconds: Dictionary(uniqueKeysWithValues: m.costs.map { ($0.key.rawValue, $0.value.seconds) }))
      })
  }
}
