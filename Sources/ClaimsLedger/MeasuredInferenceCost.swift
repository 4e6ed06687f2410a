import Foundation
import ResultValues
import ExperimentRegistry

/// The bundled engine's prefill timings, as the inference-cost experiment recorded them: the
/// evidence for `cost.linear-in-tokens`.
///
/// The ledger reads the experiment's output, `Figures/inference-cost/summary.json`, rather than
/// its measurement cache, so that checking claims never links or runs the engine. It keeps only
/// the measured numbers and refits the line itself: the summary's own verdict is not trusted.
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
    /// The medians of every component summed (vision encoder, compressor, question pass,
    /// prefill, decoding): the end-to-end time the claim's criterion does not judge but the
    /// table shows beside it; `nil` for hand-made points.
    public var endToEndSeconds: Double?

    public init(
      model: String, parameterCount: Int, V: Int, Q: Int, paperFLOPs: Double, prefillSeconds: Double,
      endToEndSeconds: Double? = nil
    ) {
      self.model = model
      self.parameterCount = parameterCount
      self.V = V
      self.Q = Q
      self.paperFLOPs = paperFLOPs
      self.prefillSeconds = prefillSeconds
      self.endToEndSeconds = endToEndSeconds
    }
  }

  public var points: [Point]
  /// The machine the timings were taken on, in words (CPU, cores, BLAS).
  public var machine: String
  /// The 1-minute load average when the sweep ran, if recorded: timings under load are noisier.
  public var loadAverage: Double?
  /// Where the timings came from, relative to the project root.
  public var source: String

  public init(points: [Point], machine: String, loadAverage: Double? = nil, source: String = "hand-made") {
    self.points = points
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
    return try MeasuredInferenceCost(summary: data, source: summaryPath(of: experiment))
  }

  /// Decodes the experiment's summary (``ResultValues/InferenceCostSummary``, the type the
  /// experiment writes), rejecting missing or non-finite timings with the configuration named.
  public init(summary data: Data, source: String) throws(LedgerError) {
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
        model: p.model, parameterCount: p.parameterCount, V: p.V, Q: p.Q, paperFLOPs: p.paperFLOPs, prefillSeconds: prefill,
        // Summed in the components' name order: a dictionary's order changes from process to
        // process, and with it the last digits of the sum and of every fit through it.
        endToEndSeconds: p.seconds.sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value }))
    }
    let m = summary.machine
    self.init(
      points: points, machine: "\(m.cpuModel), \(m.cores) cores, \(m.blas)", loadAverage: summary.loadAverage,
      source: source)
  }
}
