import Foundation
import ResultsStore
import ScalingLaw
import ScalingLawFit

extension Experiment {
  /// Every experiment, in the order the paper presents them: the paper's figures and tables,
  /// this project's robustness analysis, the inference-cost measurements of the bundled engine,
  /// the miniature replication's figures, then the reviewer report.
  public static let all: [Experiment] = [figure1] + paperFigures + analyses + engineExperiments + miniature + reports

  /// Figure 1: the scaling law fitted on the visual-reasoning grid, drawn against inference
  /// FLOPs at Q = 0 (text cached) and Q = 50, with the compute-optimal frontier.
  public static let figure1 = Experiment(
    id: "1", executable: "figure1",
    title: "Figure 1 — scaling laws for VLMs at Q = 0 and Q = 50 (visual reasoning)",
    inputs: [.results(suite: figure1Settings.fit.suite)],
    settings: figure1Settings,
    claims: ["fig1.exponents", "fig1.ratio", "fig1.optimal-v-q0", "fig1.optimal-v-q50"])

  /// Figure 1's settings: the paper's fit at Q = 0 and 50, the frontier over the authors' 0.3–20 B;
  /// with the fits its claims are decided on, and the published exponents' best fit beside them
  /// (how much worse they fit than the optimum, for `fig1.exponents`).
  public static let figure1Settings = ScalingLawFigureSettings(
    fit: visualReasoningFit, Q: PaperSetup.figure1TextTokens, frontierNBillion: authorsFrontierNBillion,
    robustness: verdictRobustness, variants: [.fixedExponents(alpha: PaperFacts.alpha, beta: PaperFacts.beta)])

  /// The LLM sizes (billions) the paper fits its law on; rows ingested at other sizes, such as
  /// 14 B, stay out of every fit that stands for the paper's (the claims ledger's too).
  public static let paperFitSizes: [Double] = [0.5, 1.8, 4, 7]

  /// The fit the paper's visual-reasoning figures share, registered once so that they cannot
  /// drift apart: least squares (the continuous optimum of the authors' objective; the authors'
  /// grid search is `paper-grid`) in the authors' box, on ``paperFitSizes``.
  public static let visualReasoningFit = LawFitSettings(
    suite: .visualReasoning, sizesBillion: paperFitSizes, method: .leastSquares, bounds: .paper, question: .paper)

  /// The LLM sizes (billions) the authors' plotting code draws the compute-optimal frontier over.
  public static let authorsFrontierNBillion: ClosedRange<Double> = 0.3...20
}

extension Experiment {
  /// The registered experiment called `name` (any of its ``names``), if any.
  public static func named(_ name: String) -> Experiment? {
    all.first { $0.names.contains(name.lowercased()) }
  }

  /// How a grid no figure registers is fitted (a suite an ingest declared, see `repro ingest
  /// --new-suite`): the paper figures' method in the box Figure 3b registers, wide enough that the
  /// data decides (the authors' box was chosen for one grid), on every LLM size the grid has.
  public static func unregisteredFit(of suite: SuiteID, sizesBillion: [Double]) -> LawFitSettings {
    LawFitSettings(
      suite: suite, sizesBillion: sizesBillion, method: visualReasoningFit.method, bounds: figure3bSettings.fit.bounds,
      question: visualReasoningFit.question)
  }

  /// The fit a suite's figure registers: the first experiment, in ``all`` order, that fits the
  /// suite's grid (visual reasoning: Figure 1; OCR: Figure 3b; the PruMerge-style miniature
  /// grid: Figure 5). `repro fit` uses it, so the
  /// command line gives the figure's numbers.
  public static func registeredFit(of suite: SuiteID) -> (experiment: Experiment, fit: LawFitSettings)? {
    for experiment in all {
      if let settings = experiment.settings as? ScalingLawFigureSettings, settings.fit.suite == suite {
        return (experiment, settings.fit)
      }
      if let settings = experiment.settings as? CompressorLawsFigureSettings, let fit = settings.fits.first(where: { $0.suite == suite }) {
        return (experiment, fit)
      }
    }
    return nil
  }
}
