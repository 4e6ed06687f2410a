// Figure 3a — text tokens shift the compute-optimal number of visual tokens.
//
// The Figure 1 fit (visual reasoning), then for each Q of the sweep: the compute-optimal
// frontier against FLOPs 2·N·(Q+V), and the optimal V found numerically, on the grid, and by
// the closed form V* = β·Q/(α−β).
import Notebook
import PaperFigures
import ResultsStore
import ScalingLawFit
import ExperimentRegistry
import ResultValues

ExperimentRun.main(.figure3a) { run in
  let settings: ScalingLawFigureSettings = try run.settings()
  let suite = settings.fit.suite
  let observations = try run.observations(for: settings.fit)
  let method = settings.fit.method
  let fit = try settings.fit.fitter.fit(FitProblem(observations))
  let Qs = settings.Q
  let frontierN = settings.frontierNBillion
  let range = settings.visualTokenRange
  let grid = Set(observations.map(\.V)).sorted()
  let referenceN = observations.map(\.N).max()!
  // At the largest fitted LM's budget at V = 36 (the paper's 7 B), over the registered tokens
  // and the measured V, as Figure 1.
  let optimal = Qs.map {
    OptimalTokens(law: fit.law, Q: $0, referenceNBillion: referenceN, visualTokenRange: range, grid: grid)
  }

  let fitNote = "Fit: \(method) on \(suite) (\(observations.count) points), α = \(PaperStyle.legendValue(fit.law.alpha)), "
    + "β = \(PaperStyle.legendValue(fit.law.beta)), T = V; frontier over N = \(PaperStyle.compact(frontierN.lowerBound))–\(PaperStyle.compact(frontierN.upperBound))B."
  let figure = PlotFigure(name: "figure3a", panels: [
    .lines(.frontiers(
      title: "(a) Compute-optimal frontier for each Q", law: fit.law, Q: Qs, frontierN: frontierN, visualTokenRange: range,
      notes: PaperStyle.wrapped([fitNote]))),
    .lines(.optimalTokens(
      title: "(b) The optimal V grows with Q", law: fit.law, Q: 0...Qs.max()!,
      numeric: optimal.map { PlotPoint(x: $0.Q, y: $0.numeric) }, grid: optimal.map { PlotPoint(x: $0.Q, y: $0.grid) },
      visualTokenRange: range,
      notes: PaperStyle.wrapped([
        "Numeric: golden-section search over V at a fixed budget (a \(PaperStyle.sizeLabel(N: referenceN)) model at V = 36); "
          + "grid: best of V = " + [grid[0], grid[1]].map { PaperStyle.compact($0) }.joined(separator: ", ")
          + ", …, \(PaperStyle.compact(grid.last!)).",
      ]))),
  ], header: [
    "Figure 3a of Li et al., 'Inference Optimal VLMs Need Fewer Visual Tokens and More Parameters'.",
  ] + run.registrationNote + [
    "Input: \(run.describe(suite, observations)) of paper-artifacts/results.sqlite, data \(try run.dataDigest()).",
    "Fit: \(method), bounds \(fit.bounds?.description ?? "none"), \(fit.convention): a = \(fit.law.a), alpha = \(fit.law.alpha), beta = \(fit.law.beta), D = \(fit.law.D).",
  ])
  try run.write(figure.script())
  try run.write(CSVTable(
    columns: ["Q", "budget_gflop", "N_billion", "optimal_V_numeric", "optimal_V_grid", "optimal_V_closed_form"],
    rows: optimal.map { [.number($0.Q), .number($0.budget), .number($0.N), .number($0.numeric), .number($0.grid), .number($0.closedForm)] }),
    named: "figure3a.csv")
  return FitFigureSummary(fit: settings.fit.summary(of: fit), optimalTokens: optimal)
}
