// Figure 5 — the scaling law with another token compressor (PruMerge instead of TokenPacker).
//
// The paper's Figure 5 repeats Figure 1's analysis with PruMerge; its grid was not published. The
// miniature reasoning grid is trained once per compressor here, so fit Y = a·N^-α·V^-β + D to each
// and draw each against inference FLOPs 2·N·(Q+V) with its compute-optimal frontier: does the
// optimum stay at the largest LM with the fewest tokens when the compressor changes?
import Notebook
import PaperAnalysis
import PaperFigures
import ResultsStore
import ScalingLawFit
import ExperimentRegistry
import ResultValues

ExperimentRun.main(.figure5) { run in
  let settings: CompressorLawsFigureSettings = try run.settings()
  let Q = settings.Q
  var laws: [CompressorLawsSummary.CompressorLaw] = []
  var panels: [PlotPanel] = []
  var inputs: [String] = []
  var allFits: [LawFits] = []
  for (index, lawSettings) in settings.fits.enumerated() {
    let observations = try run.observations(for: lawSettings)
    let compressors = Set(try run.measurements(lawSettings.suite).map(\.method)).sorted()
    let compressor = compressors.joined(separator: "+")
    // With every compared method and the bootstrap (over the grid's cells, seeds and held-out
    // questions) its claims are decided on, for the claims ledger to read.
    let fits = try LawFits(
      fitting: run.observations(lawSettings.suite), as: lawSettings, robustness: settings.robustness,
      answers: run.heldOutAnswers(lawSettings.suite))
    allFits.append(fits)
    let fit = fits.primary
    let law = fit.law
    var panel = ScalingLawPanel.fitted(
      title: "\(PaperStyle.panelLabel(index)) \(compressor): α = \(PaperStyle.compact(law.alpha)), β = \(PaperStyle.compact(law.beta)), Q = \(Int(Q))",
      Q: Q, law: law, lawLabel: "Scaling law (\(lawSettings.method))", observations: observations,
      frontierN: settings.frontierNBillion, visualTokenRange: settings.visualTokenRange)
    // Seed noise where the grid has several seeds (the TokenPacker-style corner cells).
    panel.errorBars = try run.seedSpreads(lawSettings.suite).map {
      ErrorBar(N: $0.N, V: Double($0.V), meanAccuracy: $0.mean, standardDeviation: $0.standardDeviation)
    }
    panels.append(.scalingLaw(panel))
    inputs.append("\(run.describe(lawSettings.suite, observations)) (\(compressor)); fit \(lawSettings.method), SSE \(fit.sse)")
    laws.append(CompressorLawsSummary.CompressorLaw(
      compressor: compressor, fits: fits,
      optimalTokens: OptimalTokens(
        law: law, Q: Q, referenceNBillion: observations.map(\.N).max()!, visualTokenRange: settings.visualTokenRange,
        grid: Set(observations.map(\.V)).sorted())))
  }
  let figure = PlotFigure(name: "figure5", panels: panels, header: [
    "Figure 5 of Li et al., 'Inference Optimal VLMs Need Fewer Visual Tokens and More Parameters' (ICLR 2025 version).",
    Experiment.figure5PublishedData,
  ] + run.registrationNote + inputs.map { "Input: \($0)." } + ["Data \(try run.dataDigest())."])
  try run.write(figure.script())
  try run.write(fits: allFits)
  return CompressorLawsSummary(laws: laws, publishedData: Experiment.figure5PublishedData)
}
