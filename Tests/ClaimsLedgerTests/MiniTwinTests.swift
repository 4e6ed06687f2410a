import Foundation
import ExperimentRegistry
import PaperAnalysis
import ResultValues
import ResultsStore
import ScalingLaw
import ScalingLawFit
import Testing

@testable import ClaimsLedger

/// The miniature replication's twins, decided on the committed grid of models trained here.
@Suite struct MiniTwinTests {
  /// Twins the trained grids decide: all of them, since the OCR grid is trained.
  static let decidable = [
    "mini.fig1.ratio", "mini.fig1.optimal-v-q0", "mini.fig1.optimal-v-question", "mini.fig2.holdout",
    "mini.fig3a.text-shift", "mini.fig3b.ocr-reversal", "mini.fig4.iso-compute", "mini.table1.quecc-extreme",
    "mini.abstract.extreme-compression", "mini.fig5.compressor-invariance", "mini.data.monotone", "mini.cost.linear-in-tokens",
  ]

  @Test func theTrainedGridDecidesItsTwinsAndAFailingTwinIsNotAFailedClaim() throws {
    let report = try Ledger.verify(try Evidence(inputs: Bundled.inputs(), settings: HandMade.settings))
    #expect(report.twins.map(\.id) == Ledger.twins.map(\.id))
    let decided = report.twins.filter { $0.status != .unverifiable }.map(\.id)
    #expect(decided == Self.decidable)
    for twin in report.twins where twin.status == .unverifiable {
      #expect(!twin.explanation.isEmpty, "\(twin.id) says what is missing")
    }
    // The findings these grids give (docs/miniature-vlm.md §6, §7): the largest LM is not
    // predicted, QueCC is not the best compressor at 1–4 tokens, and with the PruMerge-style
    // compressor β > α.
    // The largest LM at V = 1 (the mean of three seeds) falls below the next smaller LM by more
    // than twice the seed noise: the same cell the hold-out fails on.
    for id in ["mini.fig2.holdout", "mini.table1.quecc-extreme", "mini.fig5.compressor-invariance", "mini.data.monotone"] {
      #expect(report.twins.first { $0.id == id }?.status == .fail, "\(id)")
    }
    // The pooled OCR grid reverses the trend, and the bigger LM loses its iso-compute groups.
    for id in ["mini.fig3b.ocr-reversal", "mini.fig4.iso-compute"] {
      #expect(report.twins.first { $0.id == id }?.status == .pass, "\(id)")
    }
    #expect(!report.hasFailures, "twins do not fail verify")
    #expect(report.twinCounts.values.reduce(0, +) == Ledger.twins.count)
  }

  @Test func withoutTheGridEveryTwinIsUnverifiableAndSaysHowToTrainIt() throws {
    var inputs = try Bundled.inputs()
    inputs.miniReasoning = nil
    inputs.miniPruMerge = nil
    inputs.miniOCR = nil
    inputs.miniCompressors = []
    inputs.miniOCRCompressors = []
    inputs.miniInferenceCost = nil
    inputs.miniSeedSpreads = []
    inputs.miniOCRSeedSpreads = []
    let report = try Ledger.verify(try Evidence(inputs: inputs, settings: HandMade.settings))
    #expect(report.twins.allSatisfy { $0.status == .unverifiable })
    let ratio = try #require(report.twins.first { $0.id == "mini.fig1.ratio" })
    #expect(ratio.explanation.contains("./repro mini train --grid reasoning-scaling --all"))
    let monotone = try #require(report.twins.first { $0.id == "mini.data.monotone" })
    #expect(monotone.explanation.contains("--grid reasoning-scaling"), "no grid, no steps: not a vacuous pass")
  }

  @Test func aGridMissingARegisteredSizeIsUnverifiableNotAnError() throws {
    var inputs = try Bundled.inputs()
    let grid = try #require(inputs.miniReasoning)
    let largest = grid.observations.map(\.N).max()!
    inputs.miniReasoning = Grid(suite: grid.suite, observations: grid.observations.filter { $0.N != largest })
    let report = try Ledger.verify(try Evidence(inputs: inputs, settings: HandMade.settings))
    let ratio = try #require(report.twins.first { $0.id == "mini.fig1.ratio" })
    #expect(ratio.status == .unverifiable)
    #expect(ratio.explanation.contains("the fit is registered on N = \(largest) B, but the database has no mini-reasoning rows"), "\(ratio.explanation)")
    #expect(report.claims.count == 14, "the paper's claims are checked as before")
  }

  @Test func theMarkdownTableListsEveryTwin() throws {
    let report = try Ledger.verify(try Evidence(inputs: Bundled.inputs(), settings: HandMade.settings))
    #expect(report.twinsMarkdownTable.split(separator: "\n").count == 2 + Ledger.twins.count)
    // The interval column lists each computed quantity's bootstrap interval, numbers in numeric order.
    let rows = report.twinsMarkdownTable.split(separator: "\n")
    let ratio = try #require(rows.first { $0.hasPrefix("| `mini.fig1.ratio`") })
    #expect(ratio.contains("alpha [") && ratio.contains("; beta ["))
    let sweep = try #require(rows.first { $0.hasPrefix("| `mini.fig3a.text-shift`") })
    #expect(try #require(sweep.range(of: "optimalVAtQ25")).lowerBound < (try #require(sweep.range(of: "optimalVAtQ100"))).lowerBound)
    let ocr = try #require(rows.first { $0.hasPrefix("| `mini.fig3b.ocr-reversal`") })
    #expect(ocr.contains("alpha [") && ocr.contains("Amended on 2026-12-03"))
    #expect(report.table(colour: false).contains(report.twinsSummaryLine))
  }

  /// A miniature OCR grid from a known law: every size of the replication × its five token counts.
  static func ocrGrid(_ law: ScalingLaw) -> Grid {
    Grid(suite: .miniOCR, observations: Experiment.miniSizesBillion.flatMap { N in
      [1.0, 4, 9, 16, 36].map { V in Observation(N: N, V: V, Y: law.error(N: N, T: V)) }
    })
  }

  /// The OCR twin reads the OCR grid's own fit: β > α passes, α > β fails, no grid says how to train it.
  @Test func theOCRTwinComparesTheExponentsOfTheOCRGridsFit() throws {
    func verdict(_ grid: Grid?) throws -> ClaimResult {
      var inputs = try Bundled.inputs()
      inputs.miniOCR = grid
      inputs.miniAnswers[.miniOCR] = nil  // the trained models' answers are not this hand-made grid's
      let report = try Ledger.verify(try Evidence(inputs: inputs, settings: HandMade.settings))
      return try #require(report.twins.first { $0.id == "mini.fig3b.ocr-reversal" })
    }
    #expect(try verdict(Self.ocrGrid(ScalingLaw(a: 0.6, alpha: 0.05, beta: 0.3, D: 0.1))).status == .pass)
    #expect(try verdict(Self.ocrGrid(ScalingLaw(a: 0.6, alpha: 0.3, beta: 0.05, D: 0.1))).status == .fail)
    let missing = try verdict(nil)
    #expect(missing.status == .unverifiable)
    #expect(missing.explanation.contains("./repro mini train --grid ocr-scaling --all"))
  }

  /// The iso-compute twin needs both grids; on OCR data where tokens matter far more than size the
  /// bigger N loses the OCR groups.
  @Test func theIsoComputeTwinCountsGroupsOnBothMiniatureGrids() throws {
    var inputs = try Bundled.inputs()
    inputs.miniReasoning = Grid(suite: .miniReasoning, observations: Self.ocrGrid(ScalingLaw(a: 0.6, alpha: 0.4, beta: 0.01, D: 0.05))
      .observations)
    inputs.miniOCR = Self.ocrGrid(ScalingLaw(a: 0.6, alpha: 0.01, beta: 0.4, D: 0.05))
    inputs.miniAnswers = [:]  // the trained models' answers are not these hand-made grids'
    let report = try Ledger.verify(try Evidence(inputs: inputs, settings: HandMade.settings))
    let twin = try #require(report.twins.first { $0.id == "mini.fig4.iso-compute" })
    #expect(twin.status == .pass, "\(twin.value)")
    #expect(twin.quantities["reasoningShareAtQ0"] == 1 && twin.quantities["ocrShareAtQ0"] == 0)
    inputs.miniOCR = nil
    let without = try Ledger.verify(try Evidence(inputs: inputs, settings: HandMade.settings))
    #expect(without.twins.first { $0.id == "mini.fig4.iso-compute" }?.status == .unverifiable)
  }
}

/// A miniature grid's fits bootstrap over the held-out answers behind it, when the store has them.
@Suite struct HeldOutAnswersFitTests {
  /// The mini-reasoning sizes × five token counts, each cell answering `correct(i, j)` of 100
  /// questions (the first ones).
  static func grid(_ correct: (Int, Int) -> Int) -> (Grid, [HeldOutAnswers]) {
    let visualTokens = [1, 4, 9, 16, 36]
    var observations: [Observation] = []
    var answers: [HeldOutAnswers] = []
    for (i, N) in Experiment.miniSizesBillion.enumerated() {
      for (j, V) in visualTokens.enumerated() {
        let seed = CorrectAnswers((0..<100).map { $0 < correct(i, j) })
        observations.append(Observation(N: N, V: Double(V), accuracy: seed.accuracy))
        answers.append(HeldOutAnswers(N: N, V: V, method: "mini-tokenpacker", seeds: [seed]))
      }
    }
    return (Grid(suite: .miniReasoning, observations: observations), answers)
  }

  @Test func theBootstrapResamplesQuestionsAndSeedsWhereTheStoreHasThem() throws {
    let (grid, answers) = Self.grid { i, j in 40 + 8 * i + 2 * j }
    let fit = HandMade.settings.miniFigure1.fit
    let overCells = try LawFits(fitting: grid.observations, as: fit, robustness: HandMade.settings.robustness)
    #expect(overCells.resampled == "the cells")
    let overQuestions = try LawFits(fitting: grid.observations, as: fit, robustness: HandMade.settings.robustness, answers: answers)
    #expect(overQuestions.resampled == "the 20 cells, their seeds (1–1 per cell) and the 100 held-out questions")
    #expect(overQuestions.primary == overCells.primary, "the point fit is the same")
    #expect(overQuestions.bootstrap.laws != overCells.bootstrap.laws, "the resamples differ, not only their label")
  }

  @Test func answersThatDoNotGiveTheGridsAccuracyAreAnError() throws {
    let (grid, answers) = Self.grid { i, j in 40 + 8 * i + 2 * j }
    var wrong = answers
    wrong[3].seeds = [CorrectAnswers((0..<100).map { $0 < 10 })]
    let error = try #require(throws: FitError.self) {
      try LawFits(fitting: grid.observations, as: HandMade.settings.miniFigure1.fit, robustness: HandMade.settings.robustness, answers: wrong)
    }
    #expect("\(error)".contains("give error 0.9"), "\(error)")
    let missing = try #require(throws: FitError.self) {
      try LawFits(fitting: grid.observations, as: HandMade.settings.miniFigure1.fit, robustness: HandMade.settings.robustness, answers: Array(answers.dropLast()))
    }
    #expect("\(missing)".contains("no held-out answers"))
  }
}
