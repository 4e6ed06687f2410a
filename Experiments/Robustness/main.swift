// Robustness — is the paper's conclusion an artefact of its functional form?
//
// Every form of the law (the paper's multiplicative law with T = V and with T = Q + V, the
// additive Chinchilla-style law, and an N·V interaction) fitted to both grids, each in its own
// wide box: fit quality, AIC and BIC, leave-one-size-out and leave-one-V-out cross-validation,
// and the compute-optimal V across the measured budgets at Q = 0 and 50. The project's own
// robustness checks, whose criteria were committed before this ran, decide on the result.
import ExperimentRegistry
import Foundation
import LawForms
import Notebook
import PaperFigures
import ResultsStore

ExperimentRun.main(.robustness) { run in
  let settings: FormRobustnessSettings = try run.settings()
  let plan = FormComparisonPlan(
    forms: try settings.forms.map { name in
      guard let form = LawForm(rawValue: name) else {
        throw RobustnessError.unknownForm(name, known: LawForm.allCases.map(\.rawValue))
      }
      return form
    },
    holdoutSizesBillion: settings.holdoutSizesBillion, holdoutPredictNBillion: settings.holdoutPredictNBillion, Q: settings.Q,
    budgetCount: settings.budgetCount)
  let grids = [("Visual reasoning", settings.reasoning), ("OCR", settings.ocr)]
  let observations = try grids.map { try run.observations(for: $0.1) }
  let comparisons = try zip(grids, observations).map { grid, rows in try plan.compare(suite: grid.1.suite.rawValue, rows) }
  let summary = RobustnessSummary(reasoning: comparisons[0], ocr: comparisons[1])

  func color(_ form: LawForm) -> RGBColor { PaperStyle.alternativeColor(index: plan.forms.firstIndex(of: form)!) }
  var panels: [PlotPanel] = []
  for ((name, _), comparison) in zip(grids, comparisons) {
    let competitive = comparison.competitiveForms
    for Q in plan.Q {
      panels.append(.lines(LinePanel(
        title: "\(PaperStyle.panelLabel(panels.count)) \(name), Q = \(PaperStyle.compact(Q)): optimal V by form",
        xLabel: "Inference FLOPs 2·N·(Q+V) (GFLOP)", yLabel: "Compute-optimal V*", logX: true, logY: true,
        xFormat: "10^{%L}", yMinimum: 0.7, yMaximum: 800,
        // Drawn widest first, so forms that agree (V* = 1 under all of them) stay visible.
        series: comparison.assessments.enumerated().map { index, assessment in
          let tokens = assessment.optimalTokens(Q: Q)!
          return LineSeries(
            title: assessment.form.shortName + (competitive.contains(assessment.form) ? "" : " (rejected)"),
            points: zip(tokens.budgetsGFLOP, tokens.optimalV).map { PlotPoint(x: $0, y: $1) }, color: color(assessment.form),
            style: .line(
              width: PaperStyle.curveWidth + 2.5 * Double(comparison.assessments.count - 1 - index),
              dashes: competitive.contains(assessment.form) ? nil : PaperStyle.frontierDashes))
        },
        notes: PaperStyle.wrapped(["Budgets span the grid's measured configurations at this Q; dashed: forms rejected by cross-validation."], columns: 90))))
    }
    let best = comparison.bestLeaveOneSizeOutRMSE
    let measures: [(String, (FormAssessment) -> Double?)] = [
      ("in-sample RMSE", { $0.fit.rmse }),
      ("leave-one-V-out RMSE", { $0.crossValidation(.leaveOneTokenCountOut)?.pooledRMSE }),
      ("leave-one-size-out RMSE", { $0.crossValidation(.leaveOneSizeOut)?.pooledRMSE }),
    ]
    let top = comparison.assessments.flatMap { a in measures.compactMap { $0.1(a) } }.max() ?? 1
    panels.append(.bars(GroupedBarPanel(
      title: "\(PaperStyle.panelLabel(panels.count)) \(name): error of each form, fitted and held out",
      xLabel: "Functional form", yLabel: "RMSE of Y (error)", yRange: 0...(top * 1.3), yFormat: "%.3f",
      groups: comparison.assessments.map { assessment in
        BarGroup(
          label: assessment.form.shortName,
          bars: measures.enumerated().map { index, measure in
            let value = measure.1(assessment)
            return Bar(value: value ?? 0, color: PaperStyle.coolColor(index: index, of: measures.count),
                       label: value.map { String(format: "%.3g", $0) } ?? "failed")
          },
          reference: best.map { $0 * RobustnessCheck.competitiveFactor })
      },
      legend: measures.enumerated().map { BarLegendEntry(title: $1.0, color: PaperStyle.coolColor(index: $0, of: measures.count)) },
      referenceTitle: "competitive limit",
      notes: PaperStyle.wrapped(
        ["Competitive: leave-one-size-out RMSE ≤ \(PaperStyle.compact(RobustnessCheck.competitiveFactor))× the best form's."]
          + comparison.assessments.map { "\($0.form.shortName): \($0.formula)" }, columns: 90))))
  }
  let header = [
    "Robustness of 'Inference Optimal VLMs Need Fewer Visual Tokens and More Parameters' to the law's functional form.",
    "Input: " + zip(grids, observations).map { run.describe($0.1.suite, $1) }.joined(separator: "; ")
      + " of paper-artifacts/results.sqlite, data \(try run.dataDigest()).",
    "Each form fitted by bounded least squares in its own box (LawForm.naturalBounds); T = Q + V assumes Q = \(PaperStyle.compact(LawForm.textTokensInData)) in the data.",
  ]
  try run.write(PlotFigure(name: "robustness", panels: panels, header: header).script())

  var rows: [[CSVTable.Cell]] = []
  for comparison in comparisons {
    for a in comparison.assessments {
      let tokens = plan.Q.flatMap { Q in [a.optimalTokens(Q: Q)!.atSmallestBudget, a.optimalTokens(Q: Q)!.atLargestBudget] }
      rows.append(
        [.text(comparison.suite), .text(a.form.rawValue), .text(a.formula),
         .text(zip(a.form.parameterNames, a.fit.parameters).map { "\($0)=\($1)" }.joined(separator: " ")),
         .number(Double(a.form.parameterCount)), .number(a.fit.sse), .number(a.fit.rmse), .number(a.fit.rSquared)]
          + [a.fit.aic, a.fit.bic].map { $0.map(CSVTable.Cell.number) ?? "" }
          + [a.crossValidation(.leaveOneSizeOut)?.pooledRMSE, a.crossValidation(.leaveOneTokenCountOut)?.pooledRMSE,
             a.holdout?.worstRelativeError].map { $0.map(CSVTable.Cell.number) ?? "" }
          + [.text(comparison.competitiveForms.contains(a.form) ? "yes" : "no")] + tokens.map(CSVTable.Cell.number))
    }
  }
  try run.write(CSVTable(
    columns: ["suite", "form", "formula", "parameters", "k", "sse", "rmse", "r_squared", "aic", "bic", "loso_rmse", "lovo_rmse",
              "holdout_worst_relative_error", "competitive"]
      + plan.Q.flatMap { Q in ["optimal_V_q\(PaperStyle.compact(Q))_smallest_budget", "optimal_V_q\(PaperStyle.compact(Q))_largest_budget"] },
    rows: rows), named: "robustness.csv")
  return summary
}

/// A registration naming a form the LawForms module does not have.
enum RobustnessError: Error, CustomStringConvertible {
  case unknownForm(String, known: [String])

  var description: String {
    switch self {
    case .unknownForm(let name, let known): "the robustness registration names a form '\(name)'; known: \(known.joined(separator: ", "))"
    }
  }
}
