import ScalingLaw
import Testing

@testable import ClaimsLedger

/// The claims that rest on the visual-reasoning fit, on grids generated from known laws.
@Suite struct FitClaimTests {
  /// A law like the paper's with one exponent changed.
  static func law(alpha: Double = 0.077, beta: Double = 0.015) -> ScalingLaw {
    ScalingLaw(a: 0.55, alpha: alpha, beta: beta, D: 0.03)
  }

  @Test func exponentsPassNearThePublishedValuesAndFailFarFromThem() throws {
    let near = try HandMade.result("fig1.exponents", HandMade.inputs(reasoning: Self.law(alpha: 0.077 * 1.14)))
    #expect(near.status == .pass)
    #expect(abs(near.quantities["alpha"]! - 0.077 * 1.14) < 1e-6)
    #expect(abs(near.quantities["beta"]! - 0.015) < 1e-6)
    let far = try HandMade.result("fig1.exponents", HandMade.inputs(reasoning: Self.law(alpha: 0.077 * 1.16)))
    #expect(far.status == .fail)
    let robustness = try #require(far.robustness)
    #expect(robustness.fits.map(\.fit) == ["least-squares"])
    #expect(robustness.fits.allSatisfy { !$0.holds })
    #expect(robustness.bootstrap.shareHolding == 0)
    #expect(robustness.bootstrap.resamples == 8 && robustness.bootstrap.seed == 1)
  }

  @Test func ratioNeedsAlphaOverBetaNearFive() throws {
    let paper = try HandMade.result("fig1.ratio", HandMade.inputs())
    #expect(paper.status == .pass)
    #expect(abs(paper.quantities["ratio"]! - 0.077 / 0.015) < 1e-4)
    #expect(try HandMade.result("fig1.ratio", HandMade.inputs(reasoning: Self.law(beta: 0.03))).status == .fail)
  }

  @Test func oneTokenIsOptimalAtQ0OnlyWhenAlphaExceedsBeta() throws {
    let paper = try HandMade.result("fig1.optimal-v-q0", HandMade.inputs())
    #expect(paper.status == .pass)
    #expect(paper.quantities["maxOptimalV"] == 1)
    let reversed = try HandMade.result("fig1.optimal-v-q0", HandMade.inputs(reasoning: Self.law(alpha: 0.01, beta: 0.04)))
    #expect(reversed.status == .fail)
    #expect(reversed.quantities["minOptimalV"] == 576)
  }

  @Test func optimalVAtQ50MustBeAboveOneAndAtMost36() throws {
    let paper = try HandMade.result("fig1.optimal-v-q50", HandMade.inputs())
    #expect(paper.status == .pass)
    // β·Q/(α − β) = 0.015·50/0.062
    #expect(abs(paper.quantities["optimalV"]! - 0.75 / 0.062) < 1e-3)
    #expect(abs(paper.quantities["closedFormOptimalV"]! - 0.75 / 0.062) < 1e-3)
    #expect(try #require(paper.robustness?.bootstrap.intervals["optimalV"]).count == 2)
    // V* = 50·0.001/0.076 < 1: the minimum, not "slightly higher".
    #expect(try HandMade.result("fig1.optimal-v-q50", HandMade.inputs(reasoning: Self.law(beta: 0.001))).status == .fail)
    // V* = 50·0.025/0.005 = 250: far more than a few tokens.
    #expect(try HandMade.result("fig1.optimal-v-q50", HandMade.inputs(reasoning: Self.law(alpha: 0.03, beta: 0.025))).status == .fail)
  }

  @Test func optimalVGrowsWithQOnlyWhenAlphaExceedsBeta() throws {
    let paper = try HandMade.result("fig3a.text-shift", HandMade.inputs())
    #expect(paper.status == .pass)
    #expect(paper.quantities["optimalVAtQ0"] == 1)
    #expect(abs(paper.quantities["optimalVAtQ200"]! - 3 / 0.062) < 1e-2)
    let reversed = try HandMade.result("fig3a.text-shift", HandMade.inputs(reasoning: Self.law(alpha: 0.01, beta: 0.04)))
    #expect(reversed.status == .fail)
    #expect(reversed.quantities["optimalVAtQ0"] == 576 && reversed.quantities["optimalVAtQ200"] == 576)
  }

  @Test func extremeCompressionNeedsAtLeast20x() throws {
    let paper = try HandMade.result("abstract.extreme-compression", HandMade.inputs())
    #expect(paper.status == .pass)
    #expect(paper.quantities["compressionAtQ0"] == 576)
    #expect(abs(paper.quantities["compressionAtQ50"]! - 576 / (0.75 / 0.062)) < 1e-2)
    // V* at Q = 50 is 50·0.03/0.02 = 75: 7.7×, inside the usual range.
    let mild = try HandMade.result("abstract.extreme-compression", HandMade.inputs(reasoning: Self.law(alpha: 0.05, beta: 0.03)))
    #expect(mild.status == .fail)
  }

  @Test func ocrReversalNeedsBetaAboveAlpha() throws {
    let ocr = try HandMade.result("fig3b.ocr-reversal", HandMade.inputs())
    #expect(ocr.status == .pass)
    #expect(abs(ocr.quantities["beta"]! - 0.04) < 1e-6 && abs(ocr.quantities["alpha"]! - 0.03) < 1e-6)
    #expect(ocr.quantities["optimalVAtQ0"] == 576)
    let notReversed = try HandMade.result("fig3b.ocr-reversal", HandMade.inputs(ocr: HandMade.paperLike))
    #expect(notReversed.status == .fail)
    // The variant in the authors' box is reported beside the methods.
    #expect(notReversed.robustness?.fits.map(\.fit) == ["least-squares", "least-squares, the authors' box"])
  }

  @Test func ocrVariantLeavesOutTheConfigurationsDataIssuesName() throws {
    let issue = DataIssueFixture.issue(suite: .ocr, N: 7, V: 576)
    let evidence = try Evidence(inputs: HandMade.inputs(issues: [issue]), settings: HandMade.settings)
    let variant = try #require(evidence.ocr.variants.last)
    #expect(variant.label.contains("without the 1 configurations"))
    #expect(variant.result.observationCount == 27)
  }
}
