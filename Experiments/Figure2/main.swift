// Figure 2 — the scaling law extrapolates to a larger LLM.
//
// Fit on 0.5–7 B and predict 14 B, the paper's claim (its 14 B measurements were not published:
// they are drawn and checked only once ingested), and the analog the data allows: fit on
// 0.5–4 B, predict the measured 7 B. Both with a seeded bootstrap band around the prediction.
import Notebook
import PaperAnalysis
import PaperFigures
import ResultsStore
import ScalingLawFit
import ExperimentRegistry
import ResultValues

ExperimentRun.main(.figure2) { run in
  let settings: ExtrapolationFigureSettings = try run.settings()
  let suite = settings.fit.suite
  let observations = try run.observations(suite)
  let method = settings.fit.method
  let bootstrap = settings.bootstrap.bootstrap
  let level = settings.bandLevel
  let Q = settings.Q
  // A miniature grid's band resamples its cells, seeds and held-out questions, as the ledger does.
  let answers = try run.heldOutAnswers(suite)
  let extrapolate = { (fit: LawFitSettings, N: Double) throws -> Extrapolation in
    try Extrapolation(
      observations: observations, fitSizes: fit.sizesBillion, predictedN: N, fitter: fit.fitter, bootstrap: bootstrap,
      answers: answers, level: level)
  }
  let extrapolation = try extrapolate(settings.fit, settings.predictNBillion)
  let holdout = try extrapolate(settings.holdoutFit, settings.holdoutPredictNBillion)

  // Seed noise where the registration's grid has several seeds (the miniature corner cells).
  let errorBars = try run.seedSpreads(suite).map {
    ErrorBar(N: $0.N, V: Double($0.V), meanAccuracy: $0.mean, standardDeviation: $0.standardDeviation)
  }
  let panels = zip(["(a)", "(b)"], [extrapolation, holdout]).map { letter, e in
    let fitted = "\(PaperStyle.sizeLabel(N: e.fitSizes.first!))–\(PaperStyle.sizeLabel(N: e.fitSizes.last!))"
    let predicted = PaperStyle.sizeLabel(N: e.predictedN)
    let finding = e.worstPoint.map {
      "\(predicted) measured at \(e.heldOut.count) V; labels: relative error |Ŷ−Y|/Y, max \(PaperStyle.percent($0.relativeError!)) at V = \(PaperStyle.compact($0.V)) (paper: < 2 % for 14B)."
    }
    // What the law has to beat, computed from the same measurements (never typed in).
    let naive = e.naiveBaseline.map { naive in
      "Naive prediction \"\(predicted) errs as \(PaperStyle.sizeLabel(N: naive.fromN))\": max \(PaperStyle.percent(naive.maxRelativeError)) at V = \(PaperStyle.compact(naive.maxRelativeErrorAtV))."
    }
    var panel = ExtrapolationPanel(
      title: "\(letter) fit on \(fitted), predict \(predicted)", Q: Q, law: e.fit.law, lawLabel: "Scaling law (\(method))",
      fitObservations: e.fitObservations, predictedN: e.predictedN,
      band: e.band?.points ?? [],
      bandTitle: "\(PaperStyle.compact(level * 100))% bootstrap band",
      heldOut: e.points.filter { $0.measuredError != nil },
      callout: finding == nil ? "\(predicted) measurements not published:\ningest them with ./repro ingest" : nil,
      notes: PaperStyle.wrapped([finding ?? "\(predicted) measurements not published; ingest them with ./repro ingest FILE."] + (naive.map { [$0] } ?? []) + ["Band: \(bootstrap.resamples) refits on resamples of \(e.bandResampled ?? "the fit points") (seed \(bootstrap.seed)); fit uncertainty only."], columns: 110))
    panel.errorBars = errorBars.filter { e.fitSizes.contains($0.N) || $0.N == e.predictedN }
    return panel
  }
  // One x and one y range for both panels, so the eye compares like with like.
  try run.write(PlotFigure(name: "figure2", panels: ExtrapolationPanel.sharingAxes(panels).map(PlotPanel.extrapolation), header: [
    "Figure 2 of Li et al., 'Inference Optimal VLMs Need Fewer Visual Tokens and More Parameters'.",
  ] + run.registrationNote + [
    "Input: \(run.describe(suite, observations)) of paper-artifacts/results.sqlite, data \(try run.dataDigest()).",
    "Fit: \(method), bounds \(extrapolation.fit.bounds?.description ?? "none"), T = V; errors are on Y = 1 - accuracy.",
  ]).script())
  try run.write(CSVTable(
    columns: ["predicted_N_billion", "V", "predicted_error", "measured_error", "absolute_error", "relative_error", "band_lower", "band_upper"],
    rows: [extrapolation, holdout].flatMap { e in e.points.map { p in
      [.number(e.predictedN), .number(p.V), .number(p.predictedError)]
        + [p.measuredError, p.absoluteError, p.relativeError, p.bandLower, p.bandUpper].map { $0.map(CSVTable.Cell.number) ?? "" }
    } }), named: "figure2.csv")
  // Both fits with every compared method and the bootstrap their claims are decided on, for the
  // claims ledger to read.
  try run.write(fits: try [settings.fit, settings.holdoutFit].map { fit in
    try LawFits(fitting: observations, as: fit, robustness: settings.robustness, answers: answers)
  })
  return ExtrapolationFigureSummary(
    extrapolation: extrapolation.summary(suite: suite.rawValue, question: settings.fit.question),
    holdout: holdout.summary(suite: suite.rawValue, question: settings.holdoutFit.question))
}
