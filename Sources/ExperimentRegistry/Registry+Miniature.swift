import ResultValues
import ResultsStore
import ScalingLaw
import ScalingLawFit

extension Experiment {
  /// The miniature replication's figures (issue 12): the paper figures' own executables,
  /// registered again on the grid of models trained here (`mini-reasoning`), each with its own
  /// target, output folder and lock entry; and the paper's Figure 5, whose data only exists here.
  static let miniature: [Experiment] = [
    miniFigure1, miniFigure2, miniFigure3a, miniFigure3b, miniFigure4, figure5, miniTable1, miniTable1OCR, miniCost,
  ]

  /// The non-embedding LM parameters of the miniature grid's four sizes (d32l2, d48l3, d64l4,
  /// d128l4), in billions as the results store keeps N. Written here because the registry sits
  /// below the trainer's module (`MiniReplication.MiniGrid.sizes`, which computes them); a test
  /// checks the two agree.
  public static let miniSizesBillion: [Double] = [25_440e-9, 83_712e-9, 202_048e-9, 793_216e-9]

  /// The question length of the miniature tasks, in tokens (`MiniTasks.questionTokens`, checked
  /// by the same test): the twin of Figure 1's Q = 50.
  public static let miniQuestionTokens = 4.0

  /// The miniature suites the ledger fits the law to (Mini Figures 1 and 3b, Figure 5): the
  /// report reads their held-out answers, for bootstraps over cells, seeds and questions.
  public static var miniFittedSuites: [SuiteID] { figure5Settings.fits.map(\.suite) + [miniOCRFit.suite] }

  /// The miniature model's visual-token range: 1 up to its uncompressed 12 × 12 patch grid.
  public static let miniVisualTokenRange: ClosedRange<Double> = 1...144

  /// The law fitted to the miniature reasoning grid: the paper figures' method, in Figure 3b's
  /// wide box (the authors' box was chosen for Qwen-1.5 in billions; here N is 10⁻⁵–10⁻³ B),
  /// on every trained size.
  public static let miniReasoningFit = LawFitSettings(
    suite: .miniReasoning, sizesBillion: miniSizesBillion, method: visualReasoningFit.method,
    bounds: figure3bSettings.fit.bounds,
    question: QuestionSetting(tokens: miniQuestionTokens, visualTokenRange: miniVisualTokenRange))

  /// Figure 1 on the miniature reasoning grid: the law at Q = 0 and at the question's length,
  /// with the frontier over the grid's sizes and the model's own token range.
  public static let miniFigure1 = Experiment(
    id: "mini-1", executable: "figure1", target: "mini-figure1",
    title: "Mini Figure 1 — the scaling law on models trained here (reasoning family, Q = 0 and the question's length)",
    inputs: [
      .results(suite: miniFigure1Settings.fit.suite), .seedSpread(suite: miniFigure1Settings.fit.suite),
      .heldOutAnswers(suite: miniFigure1Settings.fit.suite),
    ],
    settings: miniFigure1Settings,
    claims: ["mini.fig1.ratio", "mini.fig1.optimal-v-q0", "mini.fig1.optimal-v-question", "mini.abstract.extreme-compression"])

  public static let miniFigure1Settings = ScalingLawFigureSettings(
    fit: miniReasoningFit, Q: [0, miniQuestionTokens], frontierNBillion: 2e-5...1e-3,
    visualTokenRange: miniVisualTokenRange, robustness: verdictRobustness)

  /// Figure 3a on the miniature reasoning grid: the compute-optimal V along the paper figure's Q
  /// sweep (the twin's), at the largest trained LM's budget.
  public static let miniFigure3a = Experiment(
    id: "mini-3a", executable: "figure3a", target: "mini-figure3a",
    title: "Mini Figure 3a — as text tokens Q grow, does the compute-optimal V grow? (models trained here)",
    inputs: [.results(suite: miniFigure3aSettings.fit.suite)],
    settings: miniFigure3aSettings,
    claims: ["mini.fig3a.text-shift"])

  public static let miniFigure3aSettings = ScalingLawFigureSettings(
    fit: miniReasoningFit, Q: figure3aSettings.Q, frontierNBillion: miniFigure1Settings.frontierNBillion,
    visualTokenRange: miniVisualTokenRange)

  /// The law fitted to the miniature OCR grid, as the reasoning grid's is (method, box, sizes).
  public static let miniOCRFit = LawFitSettings(
    suite: .miniOCR, sizesBillion: miniSizesBillion, method: miniReasoningFit.method, bounds: miniReasoningFit.bounds,
    question: miniReasoningFit.question)

  /// Figure 3b on the miniature OCR grid: Figure 1's code (the law and its frontier at Q = 0 and
  /// at the question's length), since the paper's Figure 3b is Figure 1 on the OCR grid; the
  /// paper's own Figure 3b adds only what its published data needs (the authors' box, the
  /// grid's recorded defects).
  public static let miniFigure3b = Experiment(
    id: "mini-3b", executable: "figure1", target: "mini-figure3b",
    title: "Mini Figure 3b — on the OCR family, do visual tokens matter more than LM size? (models trained here)",
    inputs: [
      .results(suite: miniFigure3bSettings.fit.suite), .seedSpread(suite: miniFigure3bSettings.fit.suite),
      .heldOutAnswers(suite: miniFigure3bSettings.fit.suite),
    ],
    settings: miniFigure3bSettings,
    claims: ["mini.fig3b.ocr-reversal"])

  public static let miniFigure3bSettings = ScalingLawFigureSettings(
    fit: miniOCRFit, Q: miniFigure1Settings.Q, frontierNBillion: miniFigure1Settings.frontierNBillion,
    visualTokenRange: miniVisualTokenRange, robustness: verdictRobustness)

  /// Figure 4 on the two miniature grids: iso-compute groups of the trained cells, with the
  /// paper figure's tolerance, at Q = 0 (the twin's) and at the question's length.
  public static let miniFigure4 = Experiment(
    id: "mini-4", executable: "figure4", target: "mini-figure4",
    title: "Mini Figure 4 — at equal compute, does the bigger LM with fewer tokens win? (models trained here)",
    inputs: miniFigure4Settings.suites.map { .results(suite: $0) },
    settings: miniFigure4Settings,
    claims: ["mini.fig4.iso-compute"])

  public static let miniFigure4Settings = IsoComputeFigureSettings(
    suites: [.miniReasoning, .miniOCR], Q: miniFigure1Settings.Q, tolerance: figure4Settings.tolerance)

  /// Figure 2 on the miniature grid: fitted without the largest LM, predict it (the twin of the
  /// paper's 7 B hold-out), and fitted on the two smallest, predict the third.
  public static let miniFigure2 = Experiment(
    id: "mini-2", executable: "figure2", target: "mini-figure2",
    title: "Mini Figure 2 — the law fitted without the largest trained LM predicts it",
    inputs: [
      .results(suite: miniFigure2Settings.fit.suite), .seedSpread(suite: miniFigure2Settings.fit.suite),
      .heldOutAnswers(suite: miniFigure2Settings.fit.suite),
    ],
    settings: miniFigure2Settings,
    claims: ["mini.fig2.holdout"])

  public static let miniFigure2Settings = ExtrapolationFigureSettings(
    fit: LawFitSettings(
      suite: .miniReasoning, sizesBillion: Array(miniSizesBillion.dropLast()), method: miniReasoningFit.method,
      bounds: miniReasoningFit.bounds, question: miniReasoningFit.question),
    predictNBillion: miniSizesBillion[3], holdoutSizesBillion: Array(miniSizesBillion.prefix(2)),
    holdoutPredictNBillion: miniSizesBillion[2], Q: 0, bootstrap: figure2Settings.bootstrap, bandLevel: figure2Settings.bandLevel,
    robustness: verdictRobustness)
}

extension Experiment {
  /// Figure 5 of the paper repeats Figure 1's analysis with PruMerge instead of TokenPacker; its
  /// data was not published (paper-artifacts/PAPER.md §4), so this target says so and draws the
  /// analysis where this project has data: the miniature reasoning grid trained once per
  /// compressor, one law and one frontier each, at Q = 0 as the claim is stated.
  public static let figure5 = Experiment(
    id: "5", executable: "figure5",
    title: "Figure 5 — the scaling law with a PruMerge-style compressor (the paper's data is unpublished: the miniature analog)",
    inputs: figure5Settings.fits.flatMap {
      [.results(suite: $0.suite), .seedSpread(suite: $0.suite), .heldOutAnswers(suite: $0.suite)]
    },
    settings: figure5Settings,
    claims: ["fig5.compressor-invariance", "mini.fig5.compressor-invariance"])

  /// What Figure 5 and its claim say about the paper's own panel.
  public static let figure5PublishedData =
    "The paper's PruMerge (N, V) grid (its Figure 5, ICLR 2025 version) was not published in any form, so the paper's "
    + "panel cannot be redrawn; this figure is its analog on the miniature models trained here."

  /// The TokenPacker-style grid (the reference, Mini Figure 1's fit) and the PruMerge-style grid,
  /// fitted alike.
  public static let figure5Settings = CompressorLawsFigureSettings(
    fits: [miniReasoningFit, LawFitSettings(
      suite: .miniReasoningPruMerge, sizesBillion: miniSizesBillion, method: miniReasoningFit.method,
      bounds: miniReasoningFit.bounds, question: miniReasoningFit.question)],
    Q: 0, frontierNBillion: miniFigure1Settings.frontierNBillion, visualTokenRange: miniVisualTokenRange,
    robustness: verdictRobustness)
}

extension Experiment {
  /// Table 1 on models trained here: the paper table's own code (blocks, best counts, bars), its
  /// columns the two LM sizes of the compressor comparison, its rows the four compressors.
  public static let miniTable1 = Experiment(
    id: "mini-table1", executable: "table1", target: "mini-table1",
    title: "Mini Table 1 — four token compressors at 4 and 1 tokens on models trained here (reasoning family)",
    inputs: [miniTable1Settings.input],
    settings: miniTable1Settings,
    claims: ["mini.table1.quecc-extreme"])

  /// The comparison's token counts as blocks (`MiniReplication.MiniGrid.comparisonTokenCounts`,
  /// which a test checks), QueCC counted.
  public static let miniTable1Settings = Table1Settings(
    comparisonSuite: .miniCompressors, budgets: [4, 1], method: "mini-quecc", yRangePercent: 30...90)

  /// Mini Table 1 on the OCR family: the same table code and blocks, its columns the two smallest
  /// LM sizes (the OCR comparison's, `MiniReplication.MiniGrid.ocrCompressors` says why).
  public static let miniTable1OCR = Experiment(
    id: "mini-table1-ocr", executable: "table1", target: "mini-table1-ocr",
    title: "Mini Table 1 (OCR) — four token compressors at 4 and 1 tokens on models trained here (OCR family)",
    inputs: [miniTable1OCRSettings.input],
    settings: miniTable1OCRSettings,
    claims: ["mini.table1.quecc-extreme"])

  /// As ``miniTable1Settings`` on the OCR comparison; its y range reaches down to the family's
  /// majority baseline (13 %), where the pooled cells at V ≤ 16 sit.
  public static let miniTable1OCRSettings = Table1Settings(
    comparisonSuite: .miniOCRCompressors, budgets: miniTable1Settings.budgets, method: miniTable1Settings.method,
    yRangePercent: 0...100)
}

extension Experiment {
  /// The trained models timed by the engine: does 2·N·(Q+V) describe their prefill (the twin of
  /// `cost.linear-in-tokens`)? Cached in paper-artifacts/mini/inference-cost.sqlite like the
  /// bundled engine's sweep; it reads the reasoning suite, whose rows name every checkpoint, so a
  /// retrained cell makes it stale.
  public static let miniCost = Experiment(
    id: "mini-cost", executable: "mini-cost",
    title: "Inference cost of the trained miniature models against 2·N·(Q+V)",
    inputs: miniCostSettings.grids.map { .results(suite: $0.suite) },
    settings: miniCostSettings,
    claims: ["mini.cost.linear-in-tokens"])

  /// Both families' scaling grids, timed in one run (the twin's criterion; a test checks each
  /// grid against its suite), 128 requests, five interleaved repetitions (a median discards up
  /// to two hit by a burst of load).
  public static let miniCostSettings = MiniCostSettings(
    grids: [
      .init(grid: "reasoning-scaling", suite: miniReasoningFit.suite), .init(grid: "ocr-scaling", suite: miniOCRFit.suite),
    ],
    requests: 128, repetitions: 5, bootstrap: verdictRobustness.bootstrap)
}
