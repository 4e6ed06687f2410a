import ComputeFrontier
import Foundation
import ResultValues
import ScalingLaw

/// One of this project's own checks of whether the paper's conclusions survive a change of
/// functional form — named as the project's, not as claims of the paper.
///
/// The criteria below were written and committed before the comparison that decides them was
/// computed (the repository's history shows this file arriving first). A failing check is a
/// finding about the paper's conclusion, not a bug.
public struct RobustnessCheck: Sendable, Identifiable {
  public let id: String
  /// What is checked, in words.
  public let statement: String
  /// The pass criterion, in words generated from the same constants the check uses.
  public let criterion: String
  let evaluate: @Sendable (_ reasoning: SuiteFormComparison?, _ ocr: SuiteFormComparison?) -> Outcome

  /// What a check found: `holds` is `nil` when it could not be decided, with the reason as `value`.
  typealias Outcome = (holds: Bool?, value: String)

  /// A check's outcome: `holds` is `nil` when the comparison could not decide it (a grid or a
  /// cross-validation is missing), with the reason in `value`.
  public struct Verdict: Codable, Sendable, Equatable {
    public var id: String
    public var statement: String
    public var criterion: String
    public var holds: Bool?
    /// What was found, in words.
    public var value: String
  }

  /// Decides the check on the comparisons of the visual-reasoning grid and the OCR grid.
  public func verdict(reasoning: SuiteFormComparison?, ocr: SuiteFormComparison?) -> Verdict {
    let outcome = evaluate(reasoning, ocr)
    return Verdict(id: id, statement: statement, criterion: criterion, holds: outcome.holds, value: outcome.value)
  }

  /// A form is competitive when its leave-one-size-out RMSE is at most this multiple of the best
  /// form's: prediction across LLM sizes is what the paper's conclusion extrapolates.
  public static let competitiveFactor = 2.0

  /// Every check, in the order the report lists them.
  public static let all: [RobustnessCheck] = [oneTokenAtQ0, fewTokensAtQ50, manyTokensForOCR, paperFormCompetitive]

  /// "V = 1" within the numeric optimiser's resolution.
  static let oneToken = ComputeFrontier.resolutionFactor
  static let fewTokens = PaperSetup.fewVisualTokens

  /// The paper's headline, form by form.
  public static let oneTokenAtQ0 = RobustnessCheck(
    id: "robust.one-token-at-q0",
    statement: "Visual reasoning: with the text cached (Q = 0), one visual token is compute-optimal under every competitive form.",
    criterion: "On the visual-reasoning grid, V* ≤ \(format(oneToken)) at every budget of the measured compute range, at Q = 0, "
      + "under every form whose leave-one-size-out RMSE is within \(format(competitiveFactor))× of the best form's.",
    evaluate: { reasoning, _ in
      everyCompetitiveForm(reasoning, grid: "visual-reasoning", Q: 0) { tokens in tokens.optimalV.allSatisfy { $0 <= oneToken } }
    })

  /// "Slightly more than one token" with a question, form by form.
  public static let fewTokensAtQ50 = RobustnessCheck(
    id: "robust.few-tokens-at-q50",
    statement: "Visual reasoning: with a \(format(PaperSetup.questionTextTokens))-token question, few visual tokens stay compute-optimal under every competitive form.",
    criterion: "On the visual-reasoning grid, V* ≤ \(format(fewTokens)) (the grid's 16× compression) at every budget of the measured "
      + "compute range, at Q = \(format(PaperSetup.questionTextTokens)), under every competitive form.",
    evaluate: { reasoning, _ in
      everyCompetitiveForm(reasoning, grid: "visual-reasoning", Q: PaperSetup.questionTextTokens) { tokens in
        tokens.optimalV.allSatisfy { $0 <= fewTokens }
      }
    })

  /// The OCR reversal, form by form, in compute terms.
  public static let manyTokensForOCR = RobustnessCheck(
    id: "robust.ocr-many-tokens",
    statement: "OCR: the reversal holds under every competitive form — at a large budget, the compute-optimal V is more than few tokens.",
    criterion: "On the OCR grid, V* > \(format(fewTokens)) at the largest budget of the measured compute range, at Q = 0, under every "
      + "competitive form.",
    evaluate: { _, ocr in
      everyCompetitiveForm(ocr, grid: "OCR", Q: 0) { tokens in tokens.atLargestBudget > fewTokens }
    })

  /// The paper's own form is not rejected by out-of-sample prediction.
  public static let paperFormCompetitive = RobustnessCheck(
    id: "robust.paper-form-competitive",
    statement: "The paper's form (multiplicative, T = V) predicts held-out LLM sizes about as well as any form tried, on both grids.",
    criterion: "On each grid, the multiplicative form's leave-one-size-out RMSE is within \(format(competitiveFactor))× of the best form's.",
    evaluate: { reasoning, ocr in
      var parts: [String] = []
      var holds = true
      for (name, comparison) in [("visual reasoning", reasoning), ("OCR", ocr)] {
        guard let comparison, let best = comparison.bestLeaveOneSizeOutRMSE,
          let rmse = comparison.assessment(.multiplicative)?.crossValidation(.leaveOneSizeOut)?.pooledRMSE
        else { return (holds: nil, value: "no leave-one-size-out comparison on \(name)") }
        holds = holds && comparison.competitiveForms.contains(.multiplicative)
        parts.append("\(name): \(format(rmse / best))× the best")
      }
      return (holds: holds, value: parts.joined(separator: "; "))
    })

  /// Holds when `condition` holds for V* at `Q` under every competitive form of `comparison`;
  /// the value lists each competitive form's V* range.
  static func everyCompetitiveForm(
    _ comparison: SuiteFormComparison?, grid: String, Q: Double, _ condition: (OptimalTokensAcrossBudgets) -> Bool
  ) -> Outcome {
    guard let comparison else { return (holds: nil, value: "no \(grid) comparison") }
    let forms = comparison.competitiveForms
    guard !forms.isEmpty else {
      return (holds: nil, value: "no form could be cross-validated on the \(grid) grid")
    }
    var holds = true
    var parts: [String] = []
    for form in forms {
      guard let tokens = comparison.assessment(form)?.optimalTokens(Q: Q) else {
        return (holds: nil, value: "V* at Q = \(format(Q)) not computed for \(form.shortName)")
      }
      holds = holds && condition(tokens)
      let (low, high) = (tokens.optimalV.min()!, tokens.optimalV.max()!)
      parts.append("\(form.shortName): V* " + (format(low) == format(high) ? format(low) : "\(format(low))–\(format(high))"))
    }
    return (holds: holds, value: parts.joined(separator: "; "))
  }

  /// Numbers as every reader-facing text writes them (``ResultValues/DisplayNumber``).
  static func format(_ value: Double) -> String {
    DisplayNumber.text(value)
  }
}

/// What the robustness experiment computed: every form on each grid, and the checks' verdicts.
/// Written as its `summary.json` and read back, with this type, by the reviewer report.
public struct RobustnessSummary: Codable, Sendable, Equatable {
  public var reasoning: SuiteFormComparison
  public var ocr: SuiteFormComparison
  public var checks: [RobustnessCheck.Verdict]

  public init(reasoning: SuiteFormComparison, ocr: SuiteFormComparison) {
    self.reasoning = reasoning
    self.ocr = ocr
    checks = RobustnessCheck.all.map { $0.verdict(reasoning: reasoning, ocr: ocr) }
  }
}
