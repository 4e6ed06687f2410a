import Foundation
import ResultsStore
import ComputeFrontier
import ScalingLaw
import Testing

@testable import ClaimsLedger
import ExperimentRegistry

/// The compressor twins on hand-made miniature grids, so each verdict is known in advance.
@Suite struct MiniCompressorTwinTests {
  static let sizes = Experiment.miniSizesBillion
  static let visualTokens: [Double] = [1, 4, 9, 16, 36]

  /// The PruMerge-style grid `law` predicts at the replication's sizes and token counts.
  static func pruMergeGrid(_ law: ScalingLaw) -> Grid {
    Grid(suite: .miniReasoningPruMerge, observations: sizes.flatMap { N in
      visualTokens.map { V in Observation(N: N, V: V, Y: law.error(N: N, T: V)) }
    })
  }

  @Test func fig5HoldsWhenLMSizeDominatesAndFailsWhenTokensDo() throws {
    var inputs = HandMade.inputs()
    inputs.miniPruMerge = Self.pruMergeGrid(ScalingLaw(a: 0.05, alpha: 0.2, beta: 0.02, D: 0.1))
    let holds = try HandMade.twin("mini.fig5.compressor-invariance", inputs)
    #expect(holds.status == .pass, "\(holds.value) \(holds.explanation)")
    #expect(abs(holds.quantities["alpha"]! - 0.2) < 1e-3)
    inputs.miniPruMerge = Self.pruMergeGrid(ScalingLaw(a: 0.5, alpha: 0.02, beta: 0.3, D: 0.1))
    let fails = try HandMade.twin("mini.fig5.compressor-invariance", inputs)
    #expect(fails.status == .fail)
  }

  @Test func fig5WithoutItsGridSaysWhichGridToTrain() throws {
    let twin = try HandMade.twin("mini.fig5.compressor-invariance", HandMade.inputs())
    #expect(twin.status == .unverifiable)
    #expect(twin.explanation.contains("./repro mini train --grid reasoning-prumerge --all"))
  }

  /// Four compressors at V = 16, 4, 1 on two sizes; QueCC scores `quecc[(N index, V)]`, the
  /// others 0.5, 0.55 and 0.6.
  static func comparison(quecc: [Int: Double], dropping dropped: String? = nil) -> [MeasuredResult] {
    var results: [MeasuredResult] = []
    for (index, N) in [sizes[0], sizes[3]].enumerated() {
      for V in [16, 4, 1] {
        let scores: [(String, Double)] = [
          ("mini-pool", 0.5), ("mini-prumerge", 0.55), ("mini-tokenpacker", 0.6), ("mini-quecc", quecc[index * 100 + V] ?? 0.4),
        ]
        for (method, accuracy) in scores where !(method == dropped && V == 1 && index == 0) {
          results.append(MeasuredResult(
            suite: .miniCompressors, family: "mini-VLM", N: N, V: V, method: method, metric: "avg_accuracy", value: accuracy,
            source: "test"))
        }
      }
    }
    return results
  }

  @Test func table1CountsTheComparisonsAtOneAndFourTokens() throws {
    var inputs = HandMade.inputs()
    // QueCC wins 3 of the 4 (size, V) comparisons at V = 4 and 1, and loses every one at V = 16.
    inputs.miniCompressors = Self.comparison(quecc: [4: 0.7, 1: 0.7, 104: 0.7])
    let holds = try HandMade.twin("mini.table1.quecc-extreme", inputs)
    #expect(holds.status == .pass, "\(holds.value)")
    #expect(holds.value.hasPrefix("QueCC best in 3 of 4"))
    #expect(holds.explanation.contains("N = 793k at V = 1 (mini-tokenpacker)"))
    // Two of four is not more than half.
    inputs.miniCompressors = Self.comparison(quecc: [4: 0.7, 1: 0.7])
    #expect(try HandMade.twin("mini.table1.quecc-extreme", inputs).status == .fail)
  }

  @Test func table1WithACompressorMissingIsUnverifiableAndSaysWhere() throws {
    var inputs = HandMade.inputs()
    inputs.miniCompressors = Self.comparison(quecc: [4: 0.7, 1: 0.7, 104: 0.7], dropping: "mini-pool")
    let twin = try HandMade.twin("mini.table1.quecc-extreme", inputs)
    #expect(twin.status == .unverifiable)
    #expect(twin.explanation.contains("N = 25.4k at V = 1: mini-pool"))
    inputs.miniCompressors = []
    #expect(try HandMade.twin("mini.table1.quecc-extreme", inputs).explanation.contains("--grid reasoning-compressors"))
  }
}

/// The cost twin runs `cost.linear-in-tokens`'s own check on the trained models' timings.
@Suite struct MiniCostTwinTests {
  @Test func theCostTwinIsThePaperClaimsCheckOnTheMiniatureTimings() throws {
    var inputs = HandMade.inputs()
    #expect(try HandMade.twin("mini.cost.linear-in-tokens", inputs).explanation.contains("./repro figure mini-cost"))
    inputs.miniInferenceCost = CostData.linear
    let twin = try HandMade.twin("mini.cost.linear-in-tokens", inputs)
    let paper = try HandMade.result("cost.linear-in-tokens", inputs)
    #expect(twin.status == .pass)
    #expect(twin.quantities["rSquared"] == paper.quantities["rSquared"])
    #expect(twin.value.contains("trained miniature models"))
    inputs.miniInferenceCost = CostData.sweep(noise: 0.9)
    #expect(try HandMade.twin("mini.cost.linear-in-tokens", inputs).status == .fail)
    #expect(MiniClaimCriterion.linearCostRSquared == LinearCostFit.linearityThreshold, "the criterion's bar is the check's")
  }
}

extension HandMade {
  /// The verdict of one `mini.` twin on `inputs`.
  static func twin(_ id: String, _ inputs: LedgerInputs) throws -> ClaimResult {
    let report = try Ledger.verify(try Evidence(inputs: inputs, settings: settings))
    return try #require(report.twins.first { $0.id == id })
  }
}
