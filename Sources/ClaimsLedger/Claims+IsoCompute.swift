import PaperAnalysis
import ResultsStore
import ScalingLaw

// Figure 4: at (roughly) equal inference compute, which split of it wins?
extension Claim {
  /// `fig4.iso-compute`: bigger N with fewer V wins on visual reasoning and loses on OCR.
  static let isoCompute: Claim = {
    /// Figure 4's grouping and Q (its registration); the claim must hold at each Q.
    let makeGrouping: @Sendable (LedgerSettings) -> IsoComputeGrouping = { settings in IsoComputeGrouping(tolerance: settings.figure4.tolerance) }
    return Claim(
      id: "fig4.iso-compute",
      statement: "At similar inference compute, a bigger LLM with fewer visual tokens beats a smaller LLM with more "
        + "tokens on visual reasoning, and loses on OCR.",
      location: "Figure 4",
      paperValue: "bigger N wins (reasoning), loses (OCR)",
      check: { settings in
        "Group each grid's measured configurations into iso-compute groups (2·N·(Q+V) within ±"
          + "\(Format.tolerance(makeGrouping(settings).tolerance)) of the group's geometric mean, PaperAnalysis.IsoComputeGrouping) at "
          + "Q = \(settings.figure4.Q.map { Format.number($0) }.joined(separator: " and ")), exactly as Figure 4 draws them; inside a "
          + "group a bigger N always has fewer V. Count the groups whose most accurate member has the group's largest N."
      },
      criterion: { _ in "At each Q: the bigger N wins more than half of the groups on visual reasoning and fewer than half on OCR." },
      evaluate: { evidence in
        var holds = true
        var parts: [String] = []
        var pairs: [String] = []
        var quantities: [String: Double] = [:]
        for Q in evidence.settings.figure4.Q {
          guard let verdict = IsoComputeVerdict(evidence.isoCompute, reasoning: .visualReasoning, ocr: .ocr, Q: Q) else {
            return .unverifiable("Figure 4 has no groups at Q = \(Format.number(Q)): its registration's Q must include it.")
          }
          holds = holds && verdict.holds
          parts.append("Q = \(Format.number(Q)): \(verdict.groupCounts)")
          pairs.append("Q = \(Format.number(Q)): \(verdict.pairCounts)")
          quantities["reasoningShareAtQ\(Int(Q))"] = verdict.reasoningShare
          quantities["ocrShareAtQ\(Int(Q))"] = verdict.ocrShare
          quantities["reasoningPairShareAtQ\(Int(Q))"] = verdict.reasoning.pairShareWonByBiggerN ?? .nan
          quantities["ocrPairShareAtQ\(Int(Q))"] = verdict.ocr.pairShareWonByBiggerN ?? .nan
        }
        return Finding(
          holds: holds, value: "bigger N wins groups " + parts.joined(separator: "; "), quantities: quantities,
          explanation: "The paper does not publish its comparisons, so the groups are built from the measured grids; no "
            + "fit is involved, and the counts are Figure 4's panel titles. Counted by pairs of different N inside the "
            + "groups instead, the bigger N wins " + pairs.joined(separator: "; ") + ". The grouping tolerance is "
            + "smaller than the step between the paper's LLM sizes, so every comparison trades parameters for visual tokens.")
      })
  }()
}

/// Figure 4's question at one Q, for a reasoning grid and an OCR grid (the paper's, or the
/// miniature twins'): does the bigger N win more than half of the reasoning grid's iso-compute
/// groups and fewer than half of the OCR grid's? `fig4.iso-compute` and its twin both decide here.
struct IsoComputeVerdict {
  let reasoning: IsoComputeComparison
  let ocr: IsoComputeComparison

  /// The groups of `figure` (Figure 4's or Mini Figure 4's) for the two suites at `Q`; nil if it has none there.
  init?(_ figure: IsoComputeFigureSummary, reasoning: SuiteID, ocr: SuiteID, Q: Double) {
    let comparison = { (suite: SuiteID) in figure.comparisons.first { $0.suite == suite.rawValue && $0.Q == Q } }
    guard let reasoning = comparison(reasoning), let ocr = comparison(ocr) else { return nil }
    self.reasoning = reasoning
    self.ocr = ocr
  }

  /// Share of the groups the bigger N wins; NaN without groups.
  var reasoningShare: Double { reasoning.groupShareWonByBiggerN ?? .nan }
  var ocrShare: Double { ocr.groupShareWonByBiggerN ?? .nan }
  /// False without groups (a NaN share compares false).
  var holds: Bool { reasoningShare > 0.5 && ocrShare < 0.5 }
  /// `reasoning 3/5, OCR 1/4`: the groups the bigger N wins, of all.
  var groupCounts: String {
    "reasoning \(reasoning.groupsWonByBiggerN)/\(reasoning.groups.count), OCR \(ocr.groupsWonByBiggerN)/\(ocr.groups.count)"
  }
  /// The same counted by pairs of different N inside the groups.
  var pairCounts: String {
    "reasoning \(reasoning.pairsWonByBiggerN)/\(reasoning.pairs), OCR \(ocr.pairsWonByBiggerN)/\(ocr.pairs)"
  }
}
