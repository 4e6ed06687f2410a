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

  /// Four compressors at Mini Table 1's token counts (V = 4, 1) on two sizes of `suite` (the reasoning comparison's
  /// smallest and largest, the OCR comparison's two smallest); QueCC scores
  /// `quecc[(N index, V)]`, the others 0.5, 0.55 and 0.6.
  static func comparison(
    _ suite: SuiteID = .miniCompressors, quecc: [Int: Double], dropping dropped: String? = nil
  ) -> [MeasuredResult] {
    var results: [MeasuredResult] = []
    let columns = suite == .miniOCRCompressors ? [sizes[0], sizes[1]] : [sizes[0], sizes[3]]
    for (index, N) in columns.enumerated() {
      for V in Experiment.miniTable1Settings.budgets {
        let scores: [(String, Double)] = [
          ("mini-pool", 0.5), ("mini-prumerge", 0.55), ("mini-tokenpacker", 0.6), ("mini-quecc", quecc[index * 100 + V] ?? 0.4),
        ]
        for (method, accuracy) in scores where !(method == dropped && V == 1 && index == 0) {
          results.append(MeasuredResult(
            suite: suite, family: "mini-VLM", N: N, V: V, method: method, metric: "avg_accuracy", value: accuracy,
            source: "test"))
        }
      }
    }
    return results
  }

  @Test func table1CountsTheComparisonsAtOneAndFourTokensOnBothFamilies() throws {
    var inputs = HandMade.inputs()
    // Reasoning: QueCC wins 3 of the 4 (size, V) comparisons at V = 4 and 1. OCR: it wins 2 of 4.
    // 5 of 8 is more than half.
    inputs.miniCompressors = Self.comparison(quecc: [4: 0.7, 1: 0.7, 104: 0.7])
    inputs.miniOCRCompressors = Self.comparison(.miniOCRCompressors, quecc: [4: 0.7, 1: 0.7])
    let holds = try HandMade.twin("mini.table1.quecc-extreme", inputs)
    #expect(holds.status == .pass, "\(holds.value)")
    #expect(holds.value.hasPrefix("QueCC best in 5 of 8"), "\(holds.value)")
    #expect(holds.explanation.contains("reasoning N = 793k at V = 1 (mini-tokenpacker)"), "\(holds.explanation)")
    #expect(holds.explanation.contains("OCR N = 83.7k at V = 4 (mini-tokenpacker)"), "\(holds.explanation)")
    #expect(holds.quantities["queccBestOCRAt4"] == 1 && holds.quantities["queccBestReasoningAt4"] == 2)
    // Four of eight is not more than half.
    inputs.miniCompressors = Self.comparison(quecc: [4: 0.7, 1: 0.7])
    #expect(try HandMade.twin("mini.table1.quecc-extreme", inputs).status == .fail)
  }

  @Test func table1WithACompressorOrAFamilyMissingIsUnverifiableAndSaysWhere() throws {
    var inputs = HandMade.inputs()
    inputs.miniCompressors = Self.comparison(quecc: [4: 0.7, 1: 0.7, 104: 0.7])
    inputs.miniOCRCompressors = Self.comparison(.miniOCRCompressors, quecc: [4: 0.7], dropping: "mini-pool")
    let twin = try HandMade.twin("mini.table1.quecc-extreme", inputs)
    #expect(twin.status == .unverifiable)
    #expect(twin.explanation.contains("OCR comparison is incomplete"), "\(twin.explanation)")
    #expect(twin.explanation.contains("N = 25.4k at V = 1: mini-pool"))
    inputs.miniOCRCompressors = []
    #expect(try HandMade.twin("mini.table1.quecc-extreme", inputs).explanation.contains("--grid ocr-compressors"))
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
    #expect(twin.value.contains("trained miniature cells"))
    #expect(twin.value.contains("grids reasoning-scaling and ocr-scaling, timed in one run"), "both families, as the criterion says")
    inputs.miniInferenceCost = CostData.sweep(noise: 0.9)
    #expect(try HandMade.twin("mini.cost.linear-in-tokens", inputs).status == .fail)
    #expect(MiniClaimCriterion.linearCostRSquared == LinearCostFit.linearityThreshold, "the criterion's bar is the check's")
  }
}

/// `mini.data.monotone` on a hand-made grid: a fall beyond twice the corner cells' seed spread fails.
@Suite struct MiniMonotoneTwinTests {
  static func grid(_ accuracy: (Int, Int) -> Double) -> Grid {
    Grid(suite: .miniReasoning, observations: MiniCompressorTwinTests.sizes.enumerated().flatMap { i, N in
      MiniCompressorTwinTests.visualTokens.enumerated().map { j, V in Observation(N: N, V: V, accuracy: accuracy(i, j)) }
    })
  }

  @Test func aFallBeyondTwiceTheSeedSpreadFailsAndOneWithinItDoesNot() throws {
    var inputs = HandMade.inputs()
    inputs.miniReasoning = Self.grid { i, j in 0.5 + 0.02 * Double(i + j) }
    #expect(try HandMade.twin("mini.data.monotone", inputs).explanation.contains("--grid reasoning-seeds"))
    inputs.miniSeedSpreads = [SeedSpread(N: MiniCompressorTwinTests.sizes[0], V: 1, method: "mini-tokenpacker", mean: 0.5, seeds: 3, standardDeviation: 0.03)]
    let rising = try HandMade.twin("mini.data.monotone", inputs)
    #expect(rising.status == .pass && rising.value.hasPrefix("0 of 31 neighbour steps"), "\(rising.value)")
    // One cell 5 points below its neighbours: within 2σ = 6 points.
    inputs.miniReasoning = Self.grid { i, j in i == 3 && j == 0 ? 0.5 : 0.55 }
    #expect(try HandMade.twin("mini.data.monotone", inputs).status == .pass)
    // 7 points below: a fall beyond 2σ, from the smaller LM at V = 1.
    inputs.miniReasoning = Self.grid { i, j in i == 3 && j == 0 ? 0.48 : 0.55 }
    let falls = try HandMade.twin("mini.data.monotone", inputs)
    #expect(falls.status == .fail && falls.value.hasPrefix("1 of 31"))
    #expect(falls.explanation.contains("(N = 202048, V = 1) → 48 % at (N = 793216, V = 1)"), "\(falls.explanation)")
  }

  /// Each family's grid is held to its own family's σ: the same 7-point fall fails on reasoning
  /// (σ 3 points) and passes on OCR (σ 5 points), and an OCR grid without OCR seeds cannot be
  /// decided.
  @Test func eachGridIsHeldToItsOwnFamilysSeedSpread() throws {
    var inputs = HandMade.inputs()
    inputs.miniReasoning = Self.grid { _, _ in 0.55 }
    inputs.miniSeedSpreads = [SeedSpread(N: MiniCompressorTwinTests.sizes[0], V: 1, method: "mini-tokenpacker", mean: 0.5, seeds: 3, standardDeviation: 0.03)]
    var ocr = Self.grid { i, j in i == 3 && j == 4 ? 0.48 : 0.55 }
    ocr.suite = .miniOCR
    inputs.miniOCR = ocr
    let unmeasured = try HandMade.twin("mini.data.monotone", inputs)
    #expect(unmeasured.status == .unverifiable && unmeasured.explanation.contains("--grid ocr-seeds"), "\(unmeasured.explanation)")
    inputs.miniOCRSeedSpreads = [SeedSpread(N: MiniCompressorTwinTests.sizes[3], V: 36, method: "mini-pool", mean: 0.6, seeds: 3, standardDeviation: 0.05)]
    // Seeds of a cell that is not a corner do not enter σ (the criterion: "the corner cells").
    inputs.miniOCRSeedSpreads.append(SeedSpread(N: MiniCompressorTwinTests.sizes[2], V: 36, method: "mini-pool", mean: 0.6, seeds: 3, standardDeviation: 0.5))
    let ownSigma = try HandMade.twin("mini.data.monotone", inputs)
    #expect(ownSigma.status == .pass, "\(ownSigma.value) \(ownSigma.explanation)")
    #expect(ownSigma.quantities["sigmaOCR"] == 0.05 && ownSigma.quantities["sigmaReasoning"] == 0.03)
    inputs.miniOCRSeedSpreads[0].standardDeviation = 0.03
    let fails = try HandMade.twin("mini.data.monotone", inputs)
    #expect(fails.status == .fail && fails.explanation.contains("mini-ocr: 55 % at (N = 202048, V = 36) → 48 %"), "\(fails.explanation)")
  }
}

extension HandMade {
  /// The verdict of one `mini.` twin on `inputs`.
  static func twin(_ id: String, _ inputs: LedgerInputs) throws -> ClaimResult {
    let report = try Ledger.verify(try Evidence(inputs: inputs, settings: settings))
    return try #require(report.twins.first { $0.id == id })
  }
}
