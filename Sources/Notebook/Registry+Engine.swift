import ResultsStore

extension Experiment {
  /// Experiments that run the bundled Swift VLM/QueCC inference engine.
  static let engineExperiments: [Experiment] = [inferenceCost]

  /// Does a real forward pass cost what 2·N·(Q+V) says? Times the bundled engine (cached in
  /// paper-artifacts/inference-cost.sqlite with the machine it ran on; `--force` re-measures).
  public static let inferenceCost = Experiment(
    id: "inference-cost", executable: "inference-cost",
    title: "Inference cost of the bundled VLM/QueCC engine against 2·N·(Q+V)",
    inputs: [],
    parameters: ["V": "1,4,16,36,64,144,576", "Q": "0,50", "models": "bundled family (1m to 61m)"],
    claims: ["cost.linear-in-tokens"])
}
