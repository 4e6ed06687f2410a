import PaperAnalysis
import ScalingLaw

// Figure 4: at (roughly) equal inference compute, which split of it wins?
extension Claim {
  /// `fig4.iso-compute`: bigger N with fewer V wins on visual reasoning and loses on OCR.
  static let isoCompute: Claim = {
    let grouping = IsoComputeGrouping()
    /// The two text-token settings of Figure 1; the claim must hold at each.
    let settings = PaperFacts.figure1Q
    /// Pairs of different N inside an iso-compute group, and how many the bigger N wins.
    @Sendable func pairs(_ observations: [Observation], Q: Double) -> (won: Int, total: Int) {
      grouping.groups(observations, Q: Q).reduce((0, 0)) { ($0.0 + $1.pairsWonByBiggerN, $0.1 + $1.pairs) }
    }
    return Claim(
      id: "fig4.iso-compute",
      statement: "At similar inference compute, a bigger LLM with fewer visual tokens beats a smaller LLM with more "
        + "tokens on visual reasoning, and loses on OCR.",
      location: "Figure 4",
      check: "Group each grid's measured configurations into iso-compute groups (2·N·(Q+V) within ±"
        + "\(Format.tolerance(grouping.tolerance)) of the group's geometric mean, PaperAnalysis.IsoComputeGrouping) at "
        + "Q = \(settings.map { Format.number($0) }.joined(separator: " and ")); inside a group a bigger N always has "
        + "fewer V. Count the pairs of different N the bigger N wins (higher measured accuracy).",
      criterion: "At each Q: the bigger N wins more than half of the pairs on visual reasoning and fewer than half on OCR.",
      evaluate: { evidence in
        var holds = true
        var parts: [String] = []
        var quantities: [String: Double] = [:]
        for Q in settings {
          let reasoning = pairs(evidence.inputs.visualReasoning.observations, Q: Q)
          let ocr = pairs(evidence.inputs.ocr.observations, Q: Q)
          let reasoningShare = Double(reasoning.won) / Double(max(reasoning.total, 1))
          let ocrShare = Double(ocr.won) / Double(max(ocr.total, 1))
          holds = holds && reasoning.total > 0 && ocr.total > 0 && reasoningShare > 0.5 && ocrShare < 0.5
          parts.append("Q = \(Format.number(Q)): reasoning \(reasoning.won)/\(reasoning.total), OCR \(ocr.won)/\(ocr.total)")
          quantities["reasoningShareAtQ\(Int(Q))"] = reasoningShare
          quantities["ocrShareAtQ\(Int(Q))"] = ocrShare
        }
        return Finding(
          holds: holds, value: "bigger N wins " + parts.joined(separator: "; "), quantities: quantities,
          explanation: "The paper does not publish its pairs, so the groups are built from the measured grids; no fit "
            + "is involved. The grouping tolerance is smaller than the step between the paper's LLM sizes, so every "
            + "pair trades parameters for visual tokens.")
      })
  }()
}
