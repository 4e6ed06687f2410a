import ComputeFrontier
import InferenceEngine
import ResultValues
import ScalingLawFit

extension InferenceCostSummary {
  /// The summary of a sweep and its analysis, with the prefill line refitted on `bootstrap`'s
  /// resamples of the configurations (what the claims ledger reads for the cost claim's robustness).
  public init(_ analysis: CostAnalysis, sweep: CachedSweep, bootstrap: Bootstrap) {
    self.init(
      claim: analysis.claim, holds: analysis.claimHolds, rSquared: analysis.prefillFit.rSquared,
      rSquaredThreshold: LinearCostFit.linearityThreshold, secondsPerFLOP: analysis.prefillFit.secondsPerFLOP,
      overheadSeconds: analysis.prefillFit.overheadSeconds,
      effectiveGFLOPPerSecond: analysis.prefillFit.effectiveGFLOPPerSecond, endToEndRSquared: analysis.endToEndFit.rSquared,
      bootstrap: CostFitBootstrap(
        flops: analysis.measurements.map(\.paperFLOPs), seconds: analysis.measurements.map(\.prefillSeconds), bootstrap: bootstrap),
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
