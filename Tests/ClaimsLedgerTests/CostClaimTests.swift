import Foundation
import ResultValues
import Testing

@testable import ClaimsLedger

/// `cost.linear-in-tokens` on made-up sweeps, and reading the experiment's summary.
@Suite struct CostClaimTests {
  static func result(_ cost: MeasuredInferenceCost?) throws -> ClaimResult {
    try HandMade.result("cost.linear-in-tokens", HandMade.inputs(cost: cost))
  }

  @Test func passesWhenPrefillTimeIsNearlyLinearInTheFLOPs() throws {
    let result = try Self.result(CostData.linear)
    #expect(result.status == .pass)
    #expect(try #require(result.quantities["rSquared"]) > 0.99)
    #expect(abs(try #require(result.quantities["gflopPerSecond"]) - 20) < 1)
    #expect(result.quantities["configurations"] == 42)
    let bootstrap = try #require(result.robustness?.bootstrap)
    #expect(bootstrap.shareHolding == 1 && bootstrap.failures == 0 && bootstrap.resamples == HandMade.settings.resamples)
    #expect(result.explanation.contains("test machine"))
  }

  @Test func failsWhenTimeFollowsModelSizeAlone() throws {
    // Memory-bound prefill: every configuration of a model takes the same time, whatever V and Q.
    var cost = CostData.linear
    cost.points = cost.points.map { point in
      var point = point
      point.prefillSeconds = 1e-3 * Double(point.parameterCount) / 1e6
      return point
    }
    let result = try Self.result(cost)
    #expect(result.status == .fail)
    #expect(try #require(result.quantities["rSquared"]) < 0.5)
    #expect(result.robustness?.fits.first?.holds == false)
  }

  @Test func noisyTimingsMakeTheBootstrapShareDrop() throws {
    let result = try Self.result(CostData.sweep(noise: 0.6))
    let share = try #require(result.robustness?.bootstrap.shareHolding)
    #expect(share < 1)
    let interval = try #require(result.robustness?.bootstrap.intervals["rSquared"])
    #expect(interval[0] < interval[1])
  }

  @Test func isUnverifiableWithoutMeasurements() throws {
    let result = try Self.result(nil)
    #expect(result.status == .unverifiable)
    #expect(result.explanation.contains(MeasuredInferenceCost.summaryPath))
  }

  @Test func readsTheCommittedSummary() throws {
    let cost = try #require(try MeasuredInferenceCost.load(figuresDirectory: Bundled.layout.figuresDirectory))
    #expect(cost.points.count == 5 * 7 * 2)
    #expect(Set(cost.points.map(\.model)) == ["1m", "5m", "15m", "32m", "61m"])
    #expect(cost.points.allSatisfy { $0.paperFLOPs == Double(2 * $0.parameterCount * ($0.Q + $0.V)) })
    #expect(cost.machine.contains("cores"))
    #expect(cost.source == MeasuredInferenceCost.summaryPath)
  }

  @Test func aMissingSummaryIsNoMeasurementAndABrokenOneAnError() throws {
    let empty = FileManager.default.temporaryDirectory.appendingPathComponent("no-figures-\(UUID().uuidString)")
    #expect(try MeasuredInferenceCost.load(figuresDirectory: empty) == nil)

    #expect(throws: LedgerError.self) { try MeasuredInferenceCost(summary: Data("not json".utf8), source: "x.json") }
    // A summary as the experiment writes it (the same type), one point without a prefill time.
    let summary = InferenceCostSummary(
      claim: "cost.linear-in-tokens", holds: true, rSquared: 1, rSquaredThreshold: 0.95, secondsPerFLOP: 1e-10,
      overheadSeconds: 0, effectiveGFLOPPerSecond: 10, endToEndRSquared: 1, findings: [], planKey: "plan",
      engineFingerprint: "engine", machine: Machine(cpuModel: "cpu", cores: 2, operatingSystem: "os", blas: "blas"),
      sweepWallSeconds: 1, loadAverage: nil,
      points: [.init(model: "1m", parameterCount: 10, V: 1, Q: 0, paperFLOPs: 20, flops: [:], seconds: ["decode": 0.1])])
    let noPrefill = String(decoding: try JSONEncoder().encode(summary), as: UTF8.self)
    #expect(throws: LedgerError.unreadableCostSummary(path: "x.json", reason: "1m at V = 1, Q = 0 has no prefill time")) {
      try MeasuredInferenceCost(summary: Data(noPrefill.utf8), source: "x.json")
    }
    let negative = noPrefill.replacingOccurrences(of: "\"decode\": 0.1", with: "\"prefill\": -1")
    #expect(throws: LedgerError.self) { try MeasuredInferenceCost(summary: Data(negative.utf8), source: "x.json") }
  }

  /// A bug this session found: the end-to-end time summed a dictionary's values in its order,
  /// which changes between processes, so claims.json changed in the last digits on a rerun.
  /// Summed in name order, 1e-16 + 1 + 1e-16 is 1 in every process (in another order it is not).
  @Test func theEndToEndTimeIsTheSameSumInEveryProcess() throws {
    var summary = InferenceCostSummary(
      claim: "cost.linear-in-tokens", holds: true, rSquared: 1, rSquaredThreshold: 0.95, secondsPerFLOP: 1e-10,
      overheadSeconds: 0, effectiveGFLOPPerSecond: 10, endToEndRSquared: 1, findings: [], planKey: "plan",
      engineFingerprint: "engine", machine: Machine(cpuModel: "cpu", cores: 2, operatingSystem: "os", blas: "blas"),
      sweepWallSeconds: 1, loadAverage: nil, points: [])
    summary.points = [.init(model: "1m", parameterCount: 10, V: 1, Q: 0, paperFLOPs: 20, flops: [:],
                            seconds: ["a": 1e-16, "prefill": 1, "z": 1e-16])]
    let cost = try MeasuredInferenceCost(summary: try JSONEncoder().encode(summary), source: "x.json")
    let tiny = 1e-16, one = 1.0
    let inNameOrder = (tiny + one) + tiny, smallFirst = (tiny + tiny) + one
    #expect(inNameOrder != smallFirst, "the values make the order visible")
    #expect(cost.points[0].endToEndSeconds == inNameOrder)
  }
}
