import ResultsStore
import ScalingLaw
import ScalingLawFit

extension Experiment {
  /// The miniature replication's figures (issue 12): the paper figures' own executables,
  /// registered again on the grid of models trained here (`mini-reasoning`), each with its own
  /// target, output folder and lock entry.
  static let miniature: [Experiment] = [miniFigure1, miniFigure2]

  /// The non-embedding LM parameters of the miniature grid's four sizes (d32l2, d48l3, d64l4,
  /// d128l4), in billions as the results store keeps N. Written here because the registry sits
  /// below the trainer's module (`MiniReplication.MiniGrid.sizes`, which computes them); a test
  /// checks the two agree.
  public static let miniSizesBillion: [Double] = [25_440e-9, 83_712e-9, 202_048e-9, 793_216e-9]

  /// The question length of the miniature tasks, in tokens (`MiniTasks.questionTokens`, checked
  /// by the same test): the twin of Figure 1's Q = 50.
  public static let miniQuestionTokens = 4.0

  /// The miniature model's visual-token range: 1 up to its uncompressed 12 × 12 patch grid.
  public static let miniVisualTokenRange: ClosedRange<Double> = 1...144

  /// The law fitted to the miniature reasoning grid: the paper figures' method, in Figure 3b's
  /// wide box (the authors' box was chosen for Qwen-1.5 in billions; here N is 10⁻⁵–10⁻³ B),
  /// on every trained size.
  public static let miniReasoningFit = LawFitSettings(
    suite: .miniReasoning, sizesBillion: miniSizesBillion, method: visualReasoningFit.method,
    bounds: figure3bSettings.fit.bounds)

  /// Figure 1 on the miniature reasoning grid: the law at Q = 0 and at the question's length,
  /// with the frontier over the grid's sizes and the model's own token range.
  public static let miniFigure1 = Experiment(
    id: "mini-1", executable: "figure1", target: "mini-figure1",
    title: "Mini Figure 1 — the scaling law on models trained here (reasoning family, Q = 0 and the question's length)",
    inputs: [.results(suite: miniFigure1Settings.fit.suite)],
    settings: miniFigure1Settings,
    claims: [
      "mini.fig1.ratio", "mini.fig1.optimal-v-q0", "mini.fig1.optimal-v-question", "mini.fig3a.text-shift",
      "mini.abstract.extreme-compression",
    ])

  public static let miniFigure1Settings = ScalingLawFigureSettings(
    fit: miniReasoningFit, Q: [0, miniQuestionTokens], frontierNBillion: 2e-5...1e-3,
    visualTokenRange: miniVisualTokenRange)

  /// Figure 2 on the miniature grid: fitted without the largest LM, predict it (the twin of the
  /// paper's 7 B hold-out), and fitted on the two smallest, predict the third.
  public static let miniFigure2 = Experiment(
    id: "mini-2", executable: "figure2", target: "mini-figure2",
    title: "Mini Figure 2 — the law fitted without the largest trained LM predicts it",
    inputs: [.results(suite: miniFigure2Settings.fit.suite)],
    settings: miniFigure2Settings,
    claims: ["mini.fig2.holdout"])

  public static let miniFigure2Settings = ExtrapolationFigureSettings(
    fit: LawFitSettings(
      suite: .miniReasoning, sizesBillion: Array(miniSizesBillion.dropLast()), method: miniReasoningFit.method,
      bounds: miniReasoningFit.bounds),
    predictNBillion: miniSizesBillion[3], holdoutSizesBillion: Array(miniSizesBillion.prefix(2)),
    holdoutPredictNBillion: miniSizesBillion[2], Q: 0, bootstrap: figure2Settings.bootstrap, bandLevel: figure2Settings.bandLevel)
}
