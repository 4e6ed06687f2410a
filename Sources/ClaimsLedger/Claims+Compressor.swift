import ExperimentRegistry

// Figure 5 (ICLR version): does the finding survive a change of token compressor?
extension Claim {
  /// `fig5.compressor-invariance`: the paper's Figure 5 repeats the scaling-law analysis with
  /// PruMerge instead of TokenPacker. Its (N, V) grid was never published, so nothing in the
  /// published data can decide it; the miniature replication (issue 12, `mini.` claims) tests
  /// the same claim on models anyone can retrain.
  static let compressorInvariance = Claim(
    id: "fig5.compressor-invariance",
    statement: "With PruMerge instead of TokenPacker as the token compressor, the inference-optimal choice is still "
      + "the largest LLM with the fewest visual tokens.",
    location: "Figure 5 (ICLR 2025 version)",
    paperValue: "largest N, fewest V (no numbers published)",
    check: "Fit the law to a PruMerge (N, V) grid of the visual-reasoning suite and find the compute-optimal V at Q = 0, "
      + "as for Figure 1.",
    criterion: "α > β and V* = 1 at every budget at Q = 0 (as fig1.optimal-v-q0), on the PruMerge grid.",
    evaluate: { _ in
      .unverifiable(
        Experiment.figure5PublishedData + " Its twin mini.fig5.compressor-invariance tests the same claim on those models.")
    })
}
