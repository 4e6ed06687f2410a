import ComputeFrontier
import Foundation
import InferenceEngine

/// What a sweep says about the paper's cost model: the fit, the claim verdict, and the places
/// where `time ∝ 2N(Q+V)` breaks down, each stated with the measured numbers behind it.
public struct CostAnalysis: Sendable {
  /// The claims-ledger id this experiment decides.
  public static let claimID = "cost.linear-in-tokens"

  public var measurements: [SweepMeasurement]
  /// Median prefill time against `2N(Q+V)`: the paper's model of inference cost.
  public var prefillFit: LinearCostFit
  /// Median end-to-end time (every component) against the same `2N(Q+V)`.
  public var endToEndFit: LinearCostFit
  /// Decoding steps per run (tokens generated minus the one prefill yields).
  public var decodeSteps: Int
  /// The ledger claim this sweep decides: ``claimID`` for the bundled engine, its `mini.` twin
  /// for the miniature models.
  public var claim: String

  public init(_ measurements: [SweepMeasurement], decodeSteps: Int, claim: String = CostAnalysis.claimID) throws(CostFitError) {
    self.measurements = measurements
    self.decodeSteps = decodeSteps
    self.claim = claim
    let x = measurements.map(\.paperFLOPs)
    prefillFit = try LinearCostFit(flops: x, seconds: measurements.map(\.prefillSeconds))
    endToEndFit = try LinearCostFit(flops: x, seconds: measurements.map(\.totalSeconds))
  }

  public var claimHolds: Bool { prefillFit.isLinear }

  /// A configuration "misses the line" when its ``relativeError(_:)`` exceeds this in size: the
  /// findings count them, the time-vs-FLOPs figure draws the band.
  public static let missThreshold = 0.5

  /// The configurations that miss the prefill line (see ``missThreshold``).
  public var misses: [SweepMeasurement] { measurements.filter { abs(relativeError($0)) > Self.missThreshold } }

  /// `(measured − predicted) / measured` for the prefill fit.
  public func relativeError(_ m: SweepMeasurement) -> Double {
    (m.prefillSeconds - prefillFit.predictedSeconds(flops: m.paperFLOPs)) / m.prefillSeconds
  }

  /// Models in sweep order (ascending N).
  public var models: [(name: String, N: Int)] {
    var seen: [(name: String, N: Int)] = []
    for m in measurements where !seen.contains(where: { $0.name == m.model }) { seen.append((m.model, m.N)) }
    return seen.sorted { $0.N < $1.N }
  }

  /// Where the linear model fails, one finding per sentence, numbers from the sweep.
  public var findings: [String] {
    guard let smallest = models.first, let largest = models.last,
      let maxV = measurements.map(\.V).max(), let minV = measurements.map(\.V).min(),
      let maxQ = measurements.map(\.Q).max()
    else { return [] }
    func point(_ model: String, V: Int, Q: Int) -> SweepMeasurement? {
      measurements.first { $0.model == model && $0.V == V && $0.Q == Q }
    }
    func percent(_ x: Double) -> String { String(format: "%.0f %%", 100 * x) }
    func gflops(_ x: Double) -> String { String(format: "%.3g", x / 1e9) }
    var findings: [String] = []

    let off = misses
    if let worst = off.max(by: { $0.paperFLOPs < $1.paperFLOPs }) {
      findings.append(
        "Small configurations: \(off.count) of \(measurements.count) points miss the line by more than \(percent(Self.missThreshold)); "
          + "all have 2N(Q+V) ≤ \(gflops(worst.paperFLOPs)) GFLOP, where the fitted overhead "
          + String(format: "(%.2f ms)", prefillFit.overheadSeconds * 1e3) + " and per-call costs outweigh the FLOPs.")
    } else {
      findings.append("Every point is within 50 % of the line.")
    }

    let Vs = Set(measurements.map(\.V)).sorted()
    let minQ = measurements.map(\.Q).min() ?? 0
    if Vs.count > 2, let few = point(largest.name, V: Vs[0], Q: minQ), let more = point(largest.name, V: Vs[2], Q: minQ),
      few.prefillSeconds > 0
    {
      findings.append(
        "Few tokens are bound by memory, not arithmetic: for \(largest.name) at Q = \(minQ), going from V = \(Vs[0]) to "
          + "V = \(Vs[2]) multiplies 2N(Q+V) by \(String(format: "%.0f", more.paperFLOPs / few.paperFLOPs)) but prefill time by "
          + "\(String(format: "%.1f", more.prefillSeconds / few.prefillSeconds)) — a prefill of a few tokens is dominated by "
          + "reading every weight once, a cost proportional to N alone.")
    }

    let throughputs = models.compactMap { model -> (String, Double)? in
      guard let m = point(model.name, V: maxV, Q: maxQ), let prefill = m.costs[.prefill], prefill.seconds > 0 else { return nil }
      return (model.name, Double(prefill.flops) / prefill.seconds)
    }
    if let low = throughputs.min(by: { $0.1 < $1.1 }), let high = throughputs.max(by: { $0.1 < $1.1 }) {
      findings.append(
        "Throughput is not constant: prefill at V = \(maxV), Q = \(maxQ) runs at \(gflops(low.1)) GFLOP/s (\(low.0)) "
          + "to \(gflops(high.1)) GFLOP/s (\(high.0)), so no single slope c fits every model: GEMM efficiency depends on "
          + "the matrix shapes, the softmax, norms and activations are in no FLOP count, and other load on the machine "
          + "adds noise.")
    }

    let excess = [smallest, largest].compactMap { model -> String? in
      guard let m = point(model.name, V: maxV, Q: maxQ), let prefill = m.costs[.prefill] else { return nil }
      return "\(percent(Double(prefill.flops) / m.paperFLOPs - 1)) for \(model.name)"
    }
    if !excess.isEmpty {
      findings.append(
        "Attention's quadratic term: at V = \(maxV), Q = \(maxQ) the FLOPs actually executed in prefill differ from "
          + "2N(Q+V) by \(excess.joined(separator: " and ")) (the 4·L·T²·d attention products grow with T², minus "
          + "embeddings and norms that cost no FLOPs).")
    }

    for model in [smallest, largest] {
      guard let few = point(model.name, V: minV, Q: maxQ), let many = point(model.name, V: maxV, Q: maxQ) else { continue }
      let vision = { (m: SweepMeasurement) in (m.costs[.visionEncoder]?.seconds ?? 0) / m.totalSeconds }
      findings.append(
        "Left out by 2N(Q+V), \(model.name): the vision encoder takes \(percent(vision(few))) of end-to-end time at "
          + "V = \(minV) and \(percent(vision(many))) at V = \(maxV); prefill itself is "
          + "\(percent(few.prefillSeconds / few.totalSeconds)) and \(percent(many.prefillSeconds / many.totalSeconds)).")
    }

    if let m = point(largest.name, V: minV, Q: maxQ), maxQ > 0, let question = m.costs[.questionPass], m.prefillSeconds > 0 {
      findings.append(
        "QueCC's question pass (an extra LLM pass over the Q = \(maxQ) question tokens) costs "
          + "\(percent(question.seconds / m.prefillSeconds)) of the prefill time for \(largest.name) at V = \(minV).")
    }

    if decodeSteps > 0, let m = point(largest.name, V: maxV, Q: maxQ), let decode = m.costs[.decode], m.prefillSeconds > 0 {
      let perDecodedToken = decode.seconds / Double(decodeSteps)
      let perPrefillToken = m.prefillSeconds / Double(m.V + m.Q)
      findings.append(
        "Decoding: for \(largest.name) one generated token takes \(String(format: "%.1f", perDecodedToken / perPrefillToken))× "
          + "the time of one prefill token for the same 2N FLOPs (a decode step streams every weight for one row).")
    }

    findings.append(
      "End-to-end (every component) against the same 2N(Q+V): R² = \(String(format: "%.4f", endToEndFit.rSquared)), "
        + String(format: "intercept %.1f ms", endToEndFit.overheadSeconds * 1e3) + " — mostly the vision encoder.")
    return findings
  }

  /// The claim verdict in one line.
  public var verdict: String {
    let r2 = String(format: "%.4f", prefillFit.rSquared)
    return "\(claim): \(claimHolds ? "PASS" : "FAIL") — R² = \(r2) "
      + "\(claimHolds ? "≥" : "<") \(LinearCostFit.linearityThreshold) over \(prefillFit.pointCount) configurations "
      + "(prefill time ≈ c·2N(Q+V) + overhead, 1/c = "
      + String(format: "%.3g GFLOP/s, overhead %.2f ms)", prefillFit.effectiveGFLOPPerSecond, prefillFit.overheadSeconds * 1e3)
  }

  /// The experiment's closing note: verdict, then findings.
  public var summary: String {
    ([verdict, "", "Where the linear model breaks down:"] + findings.map { "- " + $0 }).joined(separator: "\n")
  }
}
