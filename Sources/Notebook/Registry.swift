import Foundation
import ResultsStore

extension Experiment {
  /// Every experiment, in the order the paper presents them: the paper's figures and tables,
  /// the inference-cost measurements of the bundled engine, then the reviewer report.
  public static let all: [Experiment] = [figure1] + paperFigures + engineExperiments + reports

  /// Figure 1: the scaling law fitted on the visual-reasoning grid, drawn against inference
  /// FLOPs at Q = 0 (text cached) and Q = 50, with the compute-optimal frontier.
  public static let figure1 = Experiment(
    id: "1", executable: "figure1",
    title: "Figure 1 — scaling laws for VLMs at Q = 0 and Q = 50 (visual reasoning)",
    inputs: [.results(suite: .visualReasoning)],
    parameters: paperFit.merging(["Q": "0,50", "frontier-N": "0.3,20"]) { _, own in own },
    claims: ["fig1.exponents", "fig1.ratio", "fig1.optimal-v-q0", "fig1.optimal-v-q50"])

  /// The LLM sizes (billions) the paper fits its law on; rows ingested at other sizes, such as
  /// 14 B, stay out of every fit that stands for the paper's (the claims ledger's too).
  public static let paperFitSizes: [Double] = [0.5, 1.8, 4, 7]

  /// The fit the paper's figures share, registered once so that they cannot drift apart: least
  /// squares (the continuous optimum; the paper's random grid is `paper-grid`) in the authors'
  /// box, on ``paperFitSizes``.
  static let paperFit: [String: String] = [
    "method": "least-squares", "bounds": "paper",
    "fit-sizes": paperFitSizes.map { String(format: "%g", $0) }.joined(separator: ","),
  ]
}
