import ComputeFrontier
import Foundation
import ResultValues
import ExperimentRegistry

/// The bundled engine's prefill timings, as the inference-cost experiment recorded them: the
/// evidence for `cost.linear-in-tokens`.
///
/// The ledger reads the experiment's output, `Figures/inference-cost/summary.json`, rather than
/// its measurement cache, so that checking claims never links or runs the engine. It reads the
/// line and its bootstrap the experiment fitted, as it reads the figures' fits, after checking
/// the line gives its recorded R² on the recorded points and the bootstrap is the registered one;
/// the summary's own verdict is not read: the ledger judges the line by the criterion.
public struct MeasuredInferenceCost: Sendable, Equatable {
  /// One configuration of the sweep.
  public struct Point: Sendable, Equatable {
    public var model: String
    /// LLM parameters, a raw count (not billions as in `ScalingLaw`: the bundled models are small).
    public var parameterCount: Int
    public var V: Int
    public var Q: Int
    /// The paper's cost model, `2N(Q+V)`, in FLOP.
    public var paperFLOPs: Double
    /// Median measured prefill time, seconds.
    public var prefillSeconds: Double

    public init(model: String, parameterCount: Int, V: Int, Q: Int, paperFLOPs: Double, prefillSeconds: Double) {
      self.model = model
      self.parameterCount = parameterCount
      self.V = V
      self.Q = Q
      self.paperFLOPs = paperFLOPs
      self.prefillSeconds = prefillSeconds
    }
  }

  public var points: [Point]
  /// Median prefill time against `2N(Q+V)`, as the experiment fitted it.
  public var prefill: LinearCostFit
  /// R² of median end-to-end time against the same FLOPs (shown, not judged); `nil` when not measured.
  public var endToEndRSquared: Double?
  /// The prefill line refitted on bootstrap resamples of the configurations.
  public var bootstrap: CostFitBootstrap
  /// The machine the timings were taken on, in words (CPU, cores, BLAS).
  public var machine: String
  /// The 1-minute load average when the sweep ran, if recorded: timings under load are noisier.
  public var loadAverage: Double?
  /// Where the timings came from, relative to the project root.
  public var source: String

  public init(
    points: [Point], prefill: LinearCostFit, endToEndRSquared: Double?, bootstrap: CostFitBootstrap, machine: String,
    loadAverage: Double? = nil, source: String = "hand-made"
  ) {
    self.points = points
    self.prefill = prefill
    self.endToEndRSquared = endToEndRSquared
    self.bootstrap = bootstrap
    self.machine = machine
    self.loadAverage = loadAverage
    self.source = source
  }

  /// The summary's path relative to the project root: `Figures/<experiment>/summary.json`.
  public static func summaryPath(of experiment: Experiment = .inferenceCost) -> String {
    "Figures/\(experiment.outputFolder)/summary.json"
  }

  /// The bundled engine's summary path (the paper claim's evidence).
  public static let summaryPath = summaryPath()

  /// Reads a cost experiment's summary (the bundled engine's, or the miniature models') from the
  /// project's `Figures/` folder; `nil` when the experiment has not run there (its claim is then
  /// unverifiable and says how to run it).
  public static func load(figuresDirectory: URL, experiment: Experiment = .inferenceCost) throws(LedgerError) -> MeasuredInferenceCost? {
    let url = figuresDirectory.appendingPathComponent(experiment.outputFolder).appendingPathComponent("summary.json")
    guard FileManager.default.fileExists(atPath: url.path) else { return nil }
    let data: Data
    do { data = try Data(contentsOf: url) } catch {
      throw .unreadableCostSummary(path: summaryPath(of: experiment), reason: error.localizedDescription)
    }
    let registered = (experiment.settings as? InferenceCostSettings)?.bootstrap ?? (experiment.settings as? MiniCostSettings)?.bootstrap
    return try MeasuredInferenceCost(summary: data, source: summaryPath(of: experiment), bootstrap: registered)
  }

  /// Decodes the experiment's summary (``ResultValues/InferenceCostSummary``, the type the
  /// experiment writes), rejecting missing or non-finite timings with the configuration named, a
  /// line that does not give its recorded R² on the recorded points (an edit), and a bootstrap
  /// other than `bootstrap` (the registration's) when one is given.
  public init(summary data: Data, source: String, bootstrap registered: BootstrapSettings? = nil) throws(LedgerError) {
    let summary: InferenceCostSummary
    do { summary = try JSONDecoder().decode(InferenceCostSummary.self, from: data) } catch {
      throw .unreadableCostSummary(path: source, reason: "not an inference-cost summary (\(error))")
    }
    var points: [Point] = []
    for p in summary.points {
      let configuration = "\(p.model) at V = \(p.V), Q = \(p.Q)"
      guard let prefill = p.seconds["prefill"] else {
        throw .unreadableCostSummary(path: source, reason: "\(configuration) has no prefill time")
      }
      guard prefill.isFinite, prefill > 0, p.paperFLOPs.isFinite, p.paperFLOPs > 0 else {
        throw .unreadableCostSummary(path: source, reason: "\(configuration) has a non-positive or non-finite time or FLOP count")
      }
      points.append(Point(
        model: p.model, parameterCount: p.parameterCount, V: p.V, Q: p.Q, paperFLOPs: p.paperFLOPs, prefillSeconds: prefill))
    }
    let line = LinearCostFit(
      secondsPerFLOP: summary.secondsPerFLOP, overheadSeconds: summary.overheadSeconds, rSquared: summary.rSquared,
      pointCount: points.count)
    let onPoints = line.rSquared(flops: points.map(\.paperFLOPs), seconds: points.map(\.prefillSeconds))
    guard points.count >= 3, abs(onPoints - line.rSquared) <= 1e-9 else {
      throw .unreadableCostSummary(
        path: source, reason: "its prefill line gives R² = \(onPoints) on its \(points.count) points, not the recorded "
          + "\(line.rSquared): the summary was edited or is corrupt")
    }
    let resampled = summary.bootstrap
    guard resampled.rSquared.count + resampled.failures == resampled.resamples,
      registered.map({ $0.resamples == resampled.resamples && $0.seed == resampled.seed }) ?? true
    else {
      throw .unreadableCostSummary(
        path: source, reason: "its bootstrap (\(resampled.resamples) resamples, seed \(resampled.seed)) is not the "
          + "registered one; the summary is stale")
    }
    let m = summary.machine
    self.init(
      points: points, prefill: line, endToEndRSquared: summary.endToEndRSquared, bootstrap: resampled,
      machine: "\(m.cpuModel), \(m.cores) cores, \(m.blas)", loadAverage: summary.loadAverage, source: source)
  }
}
