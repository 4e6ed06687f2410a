// Figure 3b — OCR and text-understanding tasks reverse the trend: visual tokens matter more.
//
// The Figure 1 fit on the OCR grid in a box widened until α and β are inside it (D still ends on
// its floor 0, which no box can widen), beside the same fit in the authors' bounds, where β
// stops at its upper bound 0.05. Each panel says which parameters sit on a bound. The grid's known defects are
// printed on the figure, as published, not fixed.
import Notebook
import PaperAnalysis
import PaperFigures
import ResultsStore
import ScalingLaw
import ScalingLawFit
import ExperimentRegistry
import ResultValues

ExperimentRun.main(.figure3b) { run in
  let settings: ScalingLawFigureSettings = try run.settings()
  let suite = settings.fit.suite
  let observations = try run.observations(for: settings.fit)
  let issues = try run.dataIssues(suite)
  let method = settings.fit.method
  // The fit, every compared method, the bootstrap and the variants its claims are decided on
  // (the claims ledger reads them); panel (b) draws the variant in the authors' box.
  guard let robustness = settings.robustness else {
    throw NotebookError.missingSetting(experiment: run.experiment.target, setting: "robustness (its claims' fits)")
  }
  let fits = try LawFits(
    fitting: run.observations(suite), as: settings.fit, robustness: robustness, variants: settings.variants,
    dataIssues: issues, answers: run.heldOutAnswers(suite))
  try run.write(fits: [fits])
  let fit = fits.primary
  // Registered in the authors' box itself, the fit is its own comparison.
  guard let comparison = fits.result(of: .authorsBox) ?? (settings.fit.bounds == .paper ? fit : nil) else {
    throw NotebookError.missingSetting(experiment: run.experiment.target, setting: "the variant \(FitVariant.authorsBox) (panel b)")
  }
  let Q = settings.Q[0]

  let onBound = { (fit: FitResult) in fit.parametersAtBounds.isEmpty ? "none" : fit.parametersAtBounds.joined(separator: ", ") }
  let notes = PaperStyle.wrapped(
    ["Known problems of the OCR grid (kept as published):"] + issues.map { "• " + $0.description }, columns: 110)
  // The title says what is true of this fit: which parameters, if any, the box decided.
  let boxed = fit.parametersAtBounds.isEmpty ? "optimum inside" : "\(onBound(fit)) on a bound"
  let floorNote = fit.parametersAtBounds == ["D"]
    ? " D's bound is its floor 0 (an error floor is not negative); α and β are inside the box." : ""
  let panels = [
    ("(a) OCR, widened box (\(boxed)): β \(fit.law.beta > fit.law.alpha ? ">" : "≤") α", fit,
     PaperStyle.wrapped(["Bounds \(fit.bounds!); on a bound: \(onBound(fit)).\(floorNote)"], columns: 110) + notes),
    ("(b) OCR, the authors' bounds", comparison, PaperStyle.wrapped([
      "Bounds \(comparison.bounds!) (a ≤ 0.7, β ≤ 0.05); on a bound: \(onBound(comparison)).",
      "The bounds, not the data, decide these parameters; panel (a) is the fit this project reports.",
    ], columns: 110)),
  ].map { title, fit, notes in
    ScalingLawPanel.fitted(
      title: title, Q: Q, law: fit.law, lawLabel: "Scaling law (\(method))", observations: observations,
      frontierN: settings.frontierNBillion, notes: notes)
  }
  try run.write(PlotFigure(name: "figure3b", panels: panels.map(PlotPanel.scalingLaw), header: [
    "Figure 3b of Li et al., 'Inference Optimal VLMs Need Fewer Visual Tokens and More Parameters'.",
    "Input: \(run.describe(suite, observations)) and dataIssues:\(suite.rawValue) of paper-artifacts/results.sqlite, data \(try run.dataDigest()).",
    "Fit (a): \(method), bounds \(fit.bounds!), \(fit.convention), SSE \(fit.sse).",
    "Fit (b): \(method), bounds \(comparison.bounds!), \(comparison.convention), SSE \(comparison.sse).",
  ]).script())
  try run.write(FitTable(observations: observations, law: fit.law, Q: [Q]).csv, named: "figure3b.csv")
  return OCRFigureSummary(
    fits: fits, authorsBoundsFit: fits.summary(of: comparison),
    optimalTokens: PaperSetup.figure1TextTokens.map { OptimalTokens(law: fit.law, Q: $0) },
    dataIssues: issues.map(\.description))
}
