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
    parameters: [
      "method": "least-squares",
      "bounds": "paper",
      "Q": "0,50",
      "frontier-N": "0.3,20",
    ],
    claims: ["fig1.exponents", "fig1.ratio", "fig1.optimal-v-q0", "fig1.optimal-v-q50"])
}
