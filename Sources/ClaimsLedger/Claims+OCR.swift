import ScalingLaw
import ResultValues

// Figure 3b: on OCR / text understanding the trade-off reverses.
extension Claim {
  /// `fig3b.ocr-reversal`: β > α on the OCR grid, so visual tokens should be kept.
  static let ocrReversal: Claim = {
    let criterion = LawCriterion(
      holds: { $0.beta > $0.alpha },
      quantities: { ["alpha": $0.alpha, "beta": $0.beta, "optimalVAtQ0": OptimalTokens(law: $0, Q: 0).numeric] },
      describe: { "α = \(Format.number($0.alpha)), β = \(Format.number($0.beta))" })
    return Claim(
      id: "fig3b.ocr-reversal",
      statement: "On OCR / text-understanding tasks the trend reverses: β > α, so visual tokens should be prioritised.",
      location: "Figure 3b",
      paperValue: "β > α (values not published)",
      check: "Fit the law (T = V) to the OCR grid at N = 0.5–7 B with the primary method in the OCR box; compare "
        + "β with α; compute-optimal V at Q = 0.",
      criterion: "β > α.",
      evaluate: { evidence in
        criterion.finding(evidence.ocr, variants: evidence.ocr.variants) { law, robustness in
          let bounds = evidence.ocr.primary.bounds.map { " (\($0))" } ?? ""
          return "OCR's α, β were not published. Fitted in the OCR box\(bounds); compute-optimal V at Q = 0 is "
            + "\(Format.number(OptimalTokens(law: law, Q: 0).numeric)) (the most tokens allowed when β > α). "
            + "β > α in \(Format.percent(robustness.bootstrap.shareHolding)) of the bootstrap refits; 95 % intervals "
            + "α \(Format.interval(robustness.bootstrap.intervals["alpha"])), β \(Format.interval(robustness.bootstrap.intervals["beta"])). "
            + "The grid has recorded defects (see the data warnings); the variant fit without them is listed under robustness."
        }
      })
  }()
}
