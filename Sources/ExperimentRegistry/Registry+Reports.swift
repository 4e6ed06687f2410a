import ResultsStore
import ScalingLawFit

extension Experiment {
  /// The reviewer report, built from every other experiment's outputs.
  static let reports: [Experiment] = [report]

  /// The reviewer report: every claim of the paper (paper-artifacts/PAPER.md §5) checked against
  /// the data, with the figures, the fits per method, data provenance and known data issues. Its
  /// settings are the claims ledger's own, shared with `repro verify`; each fit's method, box
  /// and sizes are its figure's registration, and the claims' criteria are constants in the
  /// ClaimsLedger library. It reads the figures' outputs (and the engine's timings from the
  /// inference-cost summary), so it runs after them.
  public static let report = Experiment(
    id: "report", executable: "report",
    title: "Reviewer report — every claim of the paper checked against the data",
    inputs: ([
      .results(suite: .visualReasoning), .results(suite: .ocr), .table1, .dataIssues(suite: nil), .sources,
    ] + miniature.flatMap(\.inputs) + miniFittedSuites.map { .heldOutAnswers(suite: $0) }).reduce(into: []) { inputs, input in
      if !inputs.contains(input) { inputs.append(input) }
    },
    settings: verdictRobustness,
    claims: paperClaims + miniature.flatMap(\.claims).filter { !paperClaims.contains($0) },
    dependsOn: ([figure1] + paperFigures + analyses + engineExperiments + miniature).map(\.id))

  /// The paper's claims (paper-artifacts/PAPER.md §5, then the engine's cost claim), in the
  /// table's order; the miniature figures' twins follow them in the report.
  static let paperClaims = [
    "fig1.exponents", "fig1.ratio", "fig1.optimal-v-q0", "fig1.optimal-v-q50", "fig2.extrapolation-14b",
    "fig2.holdout-7b", "fig3a.text-shift", "fig3b.ocr-reversal", "fig4.iso-compute", "table1.quecc-extreme",
    "abstract.extreme-compression", "fig5.compressor-invariance", "data.monotone", "cost.linear-in-tokens",
  ]

  /// The methods every fit-dependent verdict is also read under, and the bootstrap its share of
  /// refits is counted over: registered once, computed by each figure whose fit decides claims
  /// (Figures 1, 2, 3b and 5, Mini Figures 1, 2 and 3b), and the report's own settings.
  public static let verdictRobustness = RobustnessSettings(
    comparedMethods: [.paperGrid, .leastSquares, .robust], bootstrap: BootstrapSettings(resamples: 200, seed: 1))
}
