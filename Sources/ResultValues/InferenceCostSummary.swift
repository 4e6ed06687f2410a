/// The inference-cost experiment's numbers at full precision, its `summary.json`: the verdict
/// on `cost.linear-in-tokens`, the fits, where the sweep ran, and every point. One type for
/// the writer (the experiment) and the reader (the claims ledger), so the two cannot drift.
public struct InferenceCostSummary: Codable, Sendable, Equatable {
  /// One configuration's medians.
  public struct Point: Codable, Sendable, Equatable {
    public var model: String
    /// The LLM's parameter count, a raw count (the bundled models are small; `N` in the JSON).
    public var parameterCount: Int
    public var V: Int
    public var Q: Int
    /// The paper's cost model `2·N·(Q+V)`, in FLOP (not GFLOP: N is a raw count here).
    public var paperFLOPs: Double
    /// FLOP counted per component (keyed by the component's name).
    public var flops: [String: Int]
    /// Median seconds per component.
    public var seconds: [String: Double]

    enum CodingKeys: String, CodingKey {
      case model, parameterCount = "N", V, Q, paperFLOPs, flops, seconds
    }

    public init(
      model: String, parameterCount: Int, V: Int, Q: Int, paperFLOPs: Double, flops: [String: Int], seconds: [String: Double]
    ) {
      self.model = model
      self.parameterCount = parameterCount
      self.V = V
      self.Q = Q
      self.paperFLOPs = paperFLOPs
      self.flops = flops
      self.seconds = seconds
    }
  }

  public var claim: String
  public var holds: Bool
  public var rSquared: Double
  public var rSquaredThreshold: Double
  public var secondsPerFLOP: Double
  public var overheadSeconds: Double
  public var effectiveGFLOPPerSecond: Double
  public var endToEndRSquared: Double
  /// The prefill line refitted on the registered bootstrap's resamples of the configurations.
  public var bootstrap: CostFitBootstrap
  public var findings: [String]
  public var planKey: String
  public var engineFingerprint: String
  public var machine: Machine
  public var sweepWallSeconds: Double
  /// The mean 1-minute load average while the sweep ran, when recorded.
  public var loadAverage: Double?
  public var points: [Point]

  public init(
    claim: String, holds: Bool, rSquared: Double, rSquaredThreshold: Double, secondsPerFLOP: Double,
    overheadSeconds: Double, effectiveGFLOPPerSecond: Double, endToEndRSquared: Double, bootstrap: CostFitBootstrap,
    findings: [String],
    planKey: String, engineFingerprint: String, machine: Machine, sweepWallSeconds: Double, loadAverage: Double?,
    points: [Point]
  ) {
    self.claim = claim
    self.holds = holds
    self.rSquared = rSquared
    self.rSquaredThreshold = rSquaredThreshold
    self.secondsPerFLOP = secondsPerFLOP
    self.overheadSeconds = overheadSeconds
    self.effectiveGFLOPPerSecond = effectiveGFLOPPerSecond
    self.endToEndRSquared = endToEndRSquared
    self.bootstrap = bootstrap
    self.findings = findings
    self.planKey = planKey
    self.engineFingerprint = engineFingerprint
    self.machine = machine
    self.sweepWallSeconds = sweepWallSeconds
    self.loadAverage = loadAverage
    self.points = points
  }
}

/// The machine a sweep ran on: timings mean nothing without it.
public struct Machine: Sendable, Equatable, Codable {
  public var cpuModel: String
  public var cores: Int
  public var operatingSystem: String
  /// The BLAS build and its thread count.
  public var blas: String

  public init(cpuModel: String, cores: Int, operatingSystem: String, blas: String) {
    self.cpuModel = cpuModel
    self.cores = cores
    self.operatingSystem = operatingSystem
    self.blas = blas
  }

  public var summary: String { "\(cpuModel), \(cores) cores, \(operatingSystem); \(blas)" }
}
