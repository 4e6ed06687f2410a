import ExperimentRegistry
import Foundation
import ScalingLawFit
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
    let cost = CostData.timings(CostData.linear.points.map { point in
      var point = point
      point.prefillSeconds = 1e-3 * Double(point.parameterCount) / 1e6
      return point
    })
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
      overheadSeconds: 0, effectiveGFLOPPerSecond: 10, endToEndRSquared: 1, bootstrap: Self.noBootstrap, findings: [], planKey: "plan",
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

  /// A bootstrap of no resamples, for summaries whose points are the test.
  static let noBootstrap = CostFitBootstrap(flops: [], seconds: [], bootstrap: Bootstrap(resamples: 0, seed: 1))

  /// The ledger takes the line and its bootstrap from the experiment's summary (it refits
  /// nothing), after checking the line gives its recorded R² on the points and the bootstrap is
  /// the registered one: an edited slope or a bootstrap drawn otherwise is refused.
  @Test func theLineAndItsBootstrapAreReadAndAnEditedOneRefused() throws {
    let url = Bundled.layout.figuresDirectory.appendingPathComponent("inference-cost/summary.json")
    let summary = try JSONDecoder().decode(InferenceCostSummary.self, from: Data(contentsOf: url))
    let cost = try #require(try MeasuredInferenceCost.load(figuresDirectory: Bundled.layout.figuresDirectory))
    #expect(cost.prefill.rSquared == summary.rSquared && cost.prefill.secondsPerFLOP == summary.secondsPerFLOP)
    #expect(cost.bootstrap == summary.bootstrap && cost.endToEndRSquared == summary.endToEndRSquared)
    #expect(cost.bootstrap.resamples == Experiment.inferenceCostSettings.bootstrap.resamples)
    let result = try Self.result(cost)
    #expect(result.robustness?.bootstrap.shareHolding == summary.bootstrap.shareLinear)

    var edited = summary
    edited.secondsPerFLOP *= 1.01
    let error = try #require(throws: LedgerError.self) {
      try MeasuredInferenceCost(summary: JSONEncoder().encode(edited), source: "x.json")
    }
    #expect("\(error)".contains("the summary was edited or is corrupt"))
    var reseeded = summary
    reseeded.bootstrap.seed += 1
    #expect(throws: LedgerError.self) {
      try MeasuredInferenceCost(summary: JSONEncoder().encode(reseeded), source: "x.json", bootstrap: Experiment.inferenceCostSettings.bootstrap)
    }
    #expect(throws: Never.self) { try MeasuredInferenceCost(summary: JSONEncoder().encode(summary), source: "x.json", bootstrap: Experiment.inferenceCostSettings.bootstrap) }
  }
}
