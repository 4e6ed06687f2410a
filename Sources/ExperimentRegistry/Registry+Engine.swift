import ResultsStore
import ScalingLaw

extension Experiment {
  /// Experiments that run the bundled Swift VLM/QueCC inference engine.
  static let engineExperiments: [Experiment] = [inferenceCost]

  /// Does a real forward pass cost what 2·N·(Q+V) says? Times the bundled engine (cached in
  /// paper-artifacts/inference-cost.sqlite with the machine it ran on; `--force` re-measures).
  public static let inferenceCost = Experiment(
    id: "inference-cost", executable: "inference-cost",
    title: "Inference cost of the bundled VLM/QueCC engine against 2·N·(Q+V)",
    inputs: [],
    settings: inferenceCostSettings,
    claims: ["cost.linear-in-tokens"])

  /// The paper's V grid and Figure 1's Q; three interleaved repetitions (a median discards one
  /// hit by a burst of load), four generated tokens (one from prefill, three decoded).
  public static let inferenceCostSettings = InferenceCostSettings(
    visualTokens: PaperSetup.gridVisualTokens.map { Int($0) }, textTokens: PaperSetup.figure1TextTokens.map { Int($0) },
    repetitions: 3, newTokens: 4, models: "bundled family (1m to 61m)", bootstrap: verdictRobustness.bootstrap)
}
