// Figure 1 — scaling laws for VLMs at Q = 0 (cached text) and Q = 50 (visual reasoning).
//
// Fit Y = a·N^-α·V^-β + D on the 4 × 7 visual-reasoning grid, then draw error against inference
// FLOPs 2·N·(Q+V) for each Q, with the compute-optimal frontier computed from the fit.
import Notebook
import PaperAnalysis
import PaperFigures
import ResultsStore
import ScalingLaw
import ScalingLawFit
import ExperimentRegistry
import ResultValues

ExperimentRun.main(.figure1) { run in
  let settings: ScalingLawFigureSettings = try run.settings()
  let suite = settings.fit.suite
  let observations = try run.observations(for: settings.fit)
  let method = settings.fit.method
  // Where claims are decided on this fit: every compared method, the bootstrap (over a miniature
  // grid's cells, seeds and held-out questions) and the variants, for the claims ledger to read.
  let fits = try settings.robustness.map { robustness in
    try LawFits(
      fitting: run.observations(suite), as: settings.fit, robustness: robustness, variants: settings.variants,
      dataIssues: settings.variants.contains(.withoutFlaggedConfigurations) ? run.dataIssues(suite) : [],
      answers: run.heldOutAnswers(suite))
  }
  if let fits { try run.write(fits: [fits]) }
  let fit = try fits?.primary ?? settings.fit.fitter.fit(FitProblem(observations))
  let Qs = settings.Q

  // Seed noise where the registration's grid has several seeds (the miniature corner cells).
  let errorBars = try run.seedSpreads(suite).map {
    ErrorBar(N: $0.N, V: Double($0.V), meanAccuracy: $0.mean, standardDeviation: $0.standardDeviation)
  }
  let panels = zip(["(a)", "(b)"], Qs).map { letter, Q in
    var panel = ScalingLawPanel.fitted(
      title: "\(letter) Q = \(Int(Q))" + (Q == 0 ? " (cached text)" : ""), Q: Q, law: fit.law,
      lawLabel: "Scaling law (\(method))", observations: observations, frontierN: settings.frontierNBillion,
      visualTokenRange: settings.visualTokenRange)
    panel.errorBars = errorBars
    return panel
  }
  let figure = PlotFigure(name: "figure1", panels: panels.map(PlotPanel.scalingLaw), header: [
    "Figure 1 of Li et al., 'Inference Optimal VLMs Need Fewer Visual Tokens and More Parameters'.",
  ] + run.registrationNote + [
    "Input: \(run.describe(suite, observations)) of paper-artifacts/results.sqlite, data \(try run.dataDigest()).",
    "Fit: \(method), bounds \(fit.bounds?.description ?? "none"), \(fit.convention), SSE \(fit.sse).",
  ])
  try run.write(figure.script())
  try run.write(FitTable(observations: observations, law: fit.law, Q: Qs).csv, named: "figure1.csv")
  // At the largest fitted LM's budget (the paper's 7 B at V = 36), over the registered tokens and
  // the measured V (the paper's 1, 4, …, 576; a miniature model's own).
  let optimalTokens = Qs.map { Q in
    OptimalTokens(
      law: fit.law, Q: Q, referenceNBillion: observations.map(\.N).max()!, visualTokenRange: settings.visualTokenRange,
      grid: Set(observations.map(\.V)).sorted())
  }
  return fits.map { FitFigureSummary(fits: $0, optimalTokens: optimalTokens) }
    ?? FitFigureSummary(fit: settings.fit.summary(of: fit), optimalTokens: optimalTokens)
}
