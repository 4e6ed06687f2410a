import ExperimentRegistry
import Foundation
import LawForms

extension ReviewerReport {
  /// The robustness experiment's results, read back from its `summary.json` with the type it
  /// wrote; `nil` when it has not run yet.
  public static func robustness(figuresDirectory: URL) throws(LedgerError) -> RobustnessSummary? {
    try FigureResults.summary(of: .robustness, as: RobustnessSummary.self, figuresDirectory: figuresDirectory)?.value
  }

  /// The robustness checks' verdicts as a table: the report's, and the README's (a test
  /// compares the README with this table's Markdown).
  public static func robustnessChecksTable(_ summary: RobustnessSummary) -> ReportDocument.Block {
    .table(
      header: ["Check", "What is checked", "Verdict", "Found", "Criterion"],
      rows: summary.checks.map { check in
        ["`\(check.id)`", check.statement, check.holds.map { $0 ? "**PASS**" : "**FAIL**" } ?? "**UNDECIDED**", check.value, check.criterion]
      })
  }

  /// "Does the conclusion depend on the functional form?": the project's own checks, then every
  /// form's fit, cross-validation and V* per grid.
  static func robustnessBlocks(_ summary: RobustnessSummary?) -> [ReportDocument.Block] {
    var blocks: [ReportDocument.Block] = [.heading(level: 2, text: "Robustness: does the conclusion depend on the functional form?")]
    guard let summary else {
      return blocks + [.paragraph("Not computed yet: run `./repro all` (the `robustness` experiment).")]
    }
    blocks.append(.paragraph(
      "The paper fits one form. This section refits its data with others a reviewer would try, each by bounded least squares in "
        + "its own wide box, and asks whether the headline moves. The checks below are **this project's own**, not claims of the "
        + "paper; their criteria (`Sources/LawForms/RobustnessCheck.swift`) were committed before any code computed them. A form "
        + "is *competitive* when its leave-one-size-out RMSE (refit without one LLM size, predict it) is within "
        + "\(Format.number(RobustnessCheck.competitiveFactor))× the best form's. Budgets span the compute of the grid's "
        + "measured configurations at each Q; V ranges over [1, 576]."))
    blocks.append(robustnessChecksTable(summary))
    for (name, comparison) in [("Visual reasoning", summary.reasoning), ("OCR", summary.ocr)] {
      let competitive = comparison.competitiveForms
      let Qs = comparison.assessments.first?.optimalTokens.map(\.Q) ?? []
      blocks.append(.heading(level: 3, text: "\(name) (`\(comparison.suite)`)"))
      blocks.append(.table(
        header: ["Form", "Law", "Parameters", "k", "SSE", "R²", "AIC", "BIC", "Leave-one-size-out RMSE", "Leave-one-V-out RMSE",
                 "7 B hold-out, worst error", "Competitive"]
          + Qs.map { "V* at Q = \(Format.number($0)) (smallest → largest budget)" },
        rows: comparison.assessments.map { a in row(a, competitive: competitive.contains(a.form), Qs: Qs) }))
    }
    return blocks
  }

  /// One form's row of a grid's robustness table.
  private static func row(_ a: FormAssessment, competitive: Bool, Qs: [Double]) -> [String] {
    let parameters = zip(a.form.parameterNames, a.fit.parameters).map { "\($0) = \(Format.number($1))" }
    let onBounds = a.fit.parametersAtBounds.isEmpty ? "" : " (on a bound: \(a.fit.parametersAtBounds.joined(separator: ", ")))"
    let validation = [CrossValidation.Grouping.leaveOneSizeOut, .leaveOneTokenCountOut].map { grouping in
      a.crossValidation(grouping)?.pooledRMSE.map(Format.number) ?? "failed"
    }
    let holdout = a.holdout.map { Format.tolerance($0.worstRelativeError) + " at V = \(Format.number($0.worstAtV))" } ?? "—"
    let fit = [a.fit.sse, a.fit.rSquared].map(Format.number) + [a.fit.aic, a.fit.bic].map { $0.map(Format.number) ?? "— (exact fit)" }
    let tokens = Qs.map { Q -> String in
      guard let tokens = a.optimalTokens(Q: Q) else { return "—" }
      let (low, high) = (Format.number(tokens.atSmallestBudget), Format.number(tokens.atLargestBudget))
      return low == high ? low : "\(low) → \(high)"
    }
    return [a.form.shortName, a.formula, parameters.joined(separator: ", ") + onBounds, String(a.form.parameterCount)]
      + fit + validation + [holdout, competitive ? "yes" : "no"] + tokens
  }
}
