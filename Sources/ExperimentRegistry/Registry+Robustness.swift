import ScalingLaw

extension Experiment {
  /// The project's own analyses beyond the paper's figures.
  static let analyses: [Experiment] = [robustness]

  /// Does the conclusion depend on the functional form? Every form of `LawForms.LawForm` on
  /// both grids: fit quality, AIC/BIC, leave-one-size-out and leave-one-V-out cross-validation,
  /// Figure 2's hold-out, and V* across budgets at Figure 1's Q, with the project's robustness
  /// checks (`LawForms.RobustnessCheck`).
  public static let robustness = Experiment(
    id: "robustness", executable: "robustness",
    title: "Robustness — the conclusion under other functional forms, with cross-validation",
    inputs: [.results(suite: robustnessSettings.reasoning.suite), .results(suite: robustnessSettings.ocr.suite)],
    settings: robustnessSettings)

  public static let robustnessSettings = FormRobustnessSettings(
    reasoning: visualReasoningFit, ocr: figure3bSettings.fit,
    forms: ["multiplicative", "multiplicative-q-plus-v", "additive", "interaction"],
    holdoutSizesBillion: figure2Settings.holdoutSizesBillion, holdoutPredictNBillion: figure2Settings.holdoutPredictNBillion,
    Q: PaperSetup.figure1TextTokens, budgetCount: 33)
}
