import ComputeFrontier
import InferenceEngine

/// The experiment's numbers at full precision, as `summary.json` for the driver and the claims
/// ledger: the verdict on `cost.linear-in-tokens`, the fits, where the sweep ran, and every point.
public struct InferenceCostSummary: Encodable, Sendable {
  /// One configuration's medians.
  public struct Point: Encodable, Sendable {
    public var model: String
    public var N: Int
    public var V: Int
    public var Q: Int
    /// `2·N·(Q+V)`.
    public var paperFLOPs: Double
    /// FLOPs counted per component (keyed by the component's name).
    public var flops: [String: Int]
    /// Median seconds per component.
    public var seconds: [String: Double]
  }

  public var claim: String
  public var holds: Bool
  public var rSquared: Double
  public var rSquaredThreshold: Double
  public var secondsPerFLOP: Double
  public var overheadSeconds: Double
  public var effectiveGFLOPPerSecond: Double
  public var endToEndRSquared: Double
  public var findings: [String]
  public var planKey: String
  public var engineFingerprint: String
  public var machine: Machine
  public var sweepWallSeconds: Double
  public var loadAverage: Double?
  public var points: [Point]

  public init(_ analysis: CostAnalysis, sweep: CachedSweep) {
    claim = CostAnalysis.claimID
    holds = analysis.claimHolds
    rSquared = analysis.prefillFit.rSquared
    rSquaredThreshold = LinearCostFit.linearityThreshold
    secondsPerFLOP = analysis.prefillFit.secondsPerFLOP
    overheadSeconds = analysis.prefillFit.overheadSeconds
    effectiveGFLOPPerSecond = analysis.prefillFit.effectiveGFLOPPerSecond
    endToEndRSquared = analysis.endToEndFit.rSquared
    findings = analysis.findings
    planKey = sweep.planKey
    engineFingerprint = sweep.engineFingerprint
    machine = sweep.machine
    sweepWallSeconds = sweep.wallSeconds
    loadAverage = sweep.loadAverage
    points = sweep.measurements.map { m in
      Point(model: m.model, N: m.N, V: m.V, Q: m.Q, paperFLOPs: m.paperFLOPs,
            flops: Dictionary(uniqueKeysWithValues: m.costs.map { ($0.key.rawValue, $0.value.flops) }),
            seconds: Dictionary(uniqueKeysWithValues: m.costs.map { ($0.key.rawValue, $0.value.seconds) }))
    }
  }
}
