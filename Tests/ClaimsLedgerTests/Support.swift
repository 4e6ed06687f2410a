import ComputeFrontier
import Foundation
import PaperAnalysis
import ResultValues
import ResultsStore
import ScalingLaw
import ScalingLawFit
import Testing

@testable import ClaimsLedger
import ExperimentRegistry

/// Hand-made inputs: grids generated from known laws, so each claim's outcome is known in advance.
enum HandMade {
  static let sizes: [Double] = [0.5, 1.8, 4, 7]
  static let visualTokens: [Double] = [1, 4, 16, 36, 64, 144, 576]

  /// The published exponents with an a and D inside the authors' box: every visual-reasoning claim holds.
  static let paperLike = ScalingLaw(a: 0.55, alpha: 0.077, beta: 0.015, D: 0.03)
  /// An OCR-like law, β > α, inside the OCR box.
  static let ocrLike = ScalingLaw(a: 0.95, alpha: 0.03, beta: 0.04, D: 0.0)

  /// The grid `law` predicts at `sizes` × the grid's V, exactly.
  static func grid(_ law: ScalingLaw, suite: SuiteID, sizes: [Double] = sizes) -> Grid {
    Grid(suite: suite, observations: sizes.flatMap { N in visualTokens.map { V in Observation(N: N, V: V, Y: law.error(N: N, T: V)) } })
  }

  /// The registered figures' settings, least squares only and few resamples: fast, and enough
  /// to exercise every code path.
  static let settings: LedgerSettings = {
    var settings = LedgerSettings.registered
    settings.robustness = RobustnessSettings(comparedMethods: [.leastSquares], bootstrap: BootstrapSettings(resamples: 8, seed: 1))
    return settings
  }()

  static func inputs(
    reasoning: ScalingLaw = paperLike, ocr: ScalingLaw = ocrLike, table1: [Table1Entry] = Table1Data.paperLike,
    issues: [DataIssue] = [], cost: MeasuredInferenceCost? = CostData.linear
  ) -> LedgerInputs {
    LedgerInputs(
      visualReasoning: grid(reasoning, suite: .visualReasoning), ocr: grid(ocr, suite: .ocr), table1: table1,
      dataIssues: issues, inferenceCost: cost)
  }

  static func result(_ id: String, _ inputs: LedgerInputs, settings: LedgerSettings = settings) throws -> ClaimResult {
    let evidence = try Evidence(inputs: inputs, settings: settings)
    return try #require(try Ledger.verify(evidence, ids: [id]).claims.first)
  }
}

extension FigureResults {
  /// What the figures registered as in `settings` write for `inputs`: each fit computed by the
  /// call the figures make (`LawFits(fitting:as:robustness:variants:dataIssues:answers:)`). A
  /// miniature grid that cannot be fitted is left out, as a figure that failed writes nothing.
  static func computed(_ inputs: LedgerInputs, settings: LedgerSettings) throws -> FigureResults {
    var results = FigureResults()
    func add(
      _ figure: Experiment, _ grid: Grid?, _ fits: [LawFitSettings], robustness: RobustnessSettings?, variants: [FitVariant] = []
    ) throws {
      guard let grid, let robustness else { return }
      let compute = {
        try fits.map { fit in
          try LawFits(
            fitting: grid.observations, as: fit, robustness: robustness, variants: variants, dataIssues: inputs.dataIssues,
            answers: inputs.answers(grid))
        }
      }
      let value: [LawFits]
      if ![SuiteID.visualReasoning, .ocr].contains(grid.suite) {
        guard let computed = try? compute() else { return }
        value = computed
      } else {
        value = try compute()
      }
      results.fits[figure.target] = FromFigure(path: FigureResults.path(of: figure), value: value)
    }
    try add(.figure1, inputs.visualReasoning, [settings.figure1.fit], robustness: settings.figure1.robustness, variants: settings.figure1.variants)
    try add(.figure2, inputs.visualReasoning, [settings.figure2.fit, settings.figure2.holdoutFit], robustness: settings.figure2.robustness)
    try add(.figure3b, inputs.ocr, [settings.figure3b.fit], robustness: settings.figure3b.robustness, variants: settings.figure3b.variants)
    try add(.miniFigure1, inputs.miniReasoning, [settings.miniFigure1.fit], robustness: settings.miniFigure1.robustness)
    try add(
      .miniFigure2, inputs.miniReasoning, [settings.miniFigure2.fit, settings.miniFigure2.holdoutFit],
      robustness: settings.miniFigure2.robustness)
    try add(.miniFigure3b, inputs.miniOCR, [settings.miniFigure3b.fit], robustness: settings.miniFigure3b.robustness)
    // Figure 5 fits one grid per compressor: the TokenPacker-style one, then the PruMerge-style one.
    try add(.figure5, inputs.miniReasoning, [settings.figure5.fits[0]], robustness: settings.figure5.robustness)
    let tokenPacker = results.fits["figure5"]
    results.fits["figure5"] = nil
    try add(.figure5, inputs.miniPruMerge, [Evidence.pruMergeFit(settings.figure5)], robustness: settings.figure5.robustness)
    if let tokenPacker, let pruMerge = results.fits["figure5"] {
      results.fits["figure5"]?.value = tokenPacker.value + pruMerge.value
    }
    let grids = [inputs.visualReasoning, inputs.ocr] + [inputs.miniReasoning, inputs.miniOCR].compactMap { $0 }
    let groups = { (figure: Experiment, settings: IsoComputeFigureSettings) -> FromFigure<IsoComputeFigureSummary>? in
      guard settings.suites.allSatisfy({ suite in grids.contains { $0.suite == suite } }) else { return nil }
      return FromFigure(
        path: FigureResults.path(of: figure, file: "summary.json"),
        value: IsoComputeFigureSummary(settings) { suite in grids.first { $0.suite == suite }!.observations })
    }
    results.isoCompute = groups(.figure4, settings.figure4)
    results.miniIsoCompute = groups(.miniFigure4, settings.miniFigure4)
    return results
  }
}

extension Evidence {
  /// The evidence of `inputs` as the figures registered as in `settings` would give it.
  init(inputs: LedgerInputs, settings: LedgerSettings) throws {
    try self.init(inputs: inputs, figures: .computed(inputs, settings: settings), settings: settings)
  }
}

/// Table 1 cells: QueCC best (`paperLike`) or worst everywhere.
enum Table1Data {
  static let benchmarks: [SuiteID] = ["GQA", "MMB", "POPE", "SQA"].map { SuiteID(rawValue: $0) }

  static func entries(quecc: Double, others: Double) -> [Table1Entry] {
    var entries: [Table1Entry] = []
    for tokens in [36, 16, 4, 1] {
      for (method, value) in [("TokenPacker", others), ("QueCC", quecc)] {
        for benchmark in benchmarks {
          entries.append(Table1Entry(method: method, tokens: tokens, benchmark: benchmark, metric: "accuracy_percent", value: value))
        }
      }
    }
    return entries
  }

  static let paperLike = entries(quecc: 60, others: 59)
}

/// Prefill timings of a made-up sweep: 3 model sizes × 7 V × 2 Q.
enum CostData {
  /// Time = `secondsPerFLOP`·2N(Q+V) + 2 ms, times a deterministic wobble of ±`noise` (relative).
  static func sweep(noise: Double, secondsPerFLOP: Double = 5e-11) -> MeasuredInferenceCost {
    var points: [MeasuredInferenceCost.Point] = []
    for (index, (model, N)) in [("1m", 1_000_000), ("15m", 15_000_000), ("60m", 60_000_000)].enumerated() {
      for Q in [0, 50] {
        for (step, V) in [1, 4, 16, 36, 64, 144, 576].enumerated() {
          let flops = Double(2 * N * (Q + V))
          let wobble = 1 + noise * (((index + step + Q) % 2 == 0) ? 1 : -1)
          points.append(.init(model: model, parameterCount: N, V: V, Q: Q, paperFLOPs: flops, prefillSeconds: (secondsPerFLOP * flops + 0.002) * wobble))
        }
      }
    }
    return timings(points)
  }

  /// `points` with the line and its bootstrap the cost experiments compute from them (the same
  /// calls), as the ledger reads them from their summaries; `HandMade.settings`' bootstrap.
  static func timings(_ points: [MeasuredInferenceCost.Point]) -> MeasuredInferenceCost {
    let (x, y) = (points.map(\.paperFLOPs), points.map(\.prefillSeconds))
    return MeasuredInferenceCost(
      points: points, prefill: try! LinearCostFit(flops: x, seconds: y), endToEndRSquared: nil,
      bootstrap: CostFitBootstrap(flops: x, seconds: y, bootstrap: HandMade.settings.robustness.bootstrap.bootstrap),
      machine: "test machine", loadAverage: 0.5)
  }

  /// Within 2 % of a line: the claim holds.
  static let linear = sweep(noise: 0.02)
}

/// The project this test file lives in, with its real database.
enum Bundled {
  static let layout = ProjectLayout(
    root: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent())

  /// The database and the committed cost summaries.
  static func inputs() throws -> LedgerInputs {
    try LedgerInputs(database: ResultsDatabase.openReadOnly(layout), figuresDirectory: layout.figuresDirectory)
  }
}

/// A throwaway project root with a copy of the paper's seed CSVs, for ingesting rows.
final class ScratchProject {
  let layout: ProjectLayout

  init() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("claims-ledger-tests-\(UUID().uuidString)")
    layout = ProjectLayout(root: root)
    try FileManager.default.createDirectory(at: layout.seedDirectory, withIntermediateDirectories: true)
    for name in try FileManager.default.contentsOfDirectory(atPath: Bundled.layout.seedDirectory.path) where name.hasSuffix(".csv") {
      let text = try String(contentsOf: Bundled.layout.seedDirectory.appendingPathComponent(name), encoding: .utf8)
      try Data(text.utf8).write(to: layout.seedDirectory.appendingPathComponent(name))
    }
  }

  deinit {
    try? FileManager.default.removeItem(at: layout.root)
  }

  /// Copies what the ledger reads of the committed figures (the fits of the figures whose fits
  /// decide claims, Figure 4's and Mini Figure 4's groups), as `./repro all` leaves them; the
  /// scratch database has the same paper rows.
  func copyFigureResults() throws {
    let files = FigureResults.fittingFigures.map { ($0, LawFits.fileName) } + [(.figure4, "summary.json"), (.miniFigure4, "summary.json")]
    for (figure, file) in files {
      let folder = layout.figuresDirectory.appendingPathComponent(figure.outputFolder)
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try FileManager.default.copyItem(
        at: Bundled.layout.figuresDirectory.appendingPathComponent("\(figure.outputFolder)/\(file)"), to: folder.appendingPathComponent(file))
    }
  }

  /// Writes `paper-artifacts/ingested/<name>` in the ingest format and rebuilds the database.
  func ingest(_ rows: [(N: Double, V: Int, accuracy: Double)], named name: String = "qwen14b.csv") throws -> ResultsDatabase {
    let directory = layout.seedDirectory.appendingPathComponent("ingested")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let lines = ["# Hand-made 14 B rows for the claims-ledger tests.", "suite,llm_params_billion,visual_tokens,metric,value,source_note"]
      + rows.map { "visual-reasoning,\($0.N),\($0.V),avg_accuracy,\($0.accuracy),test" }
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: directory.appendingPathComponent(name))
    try ResultsDatabase.rebuild(seedDirectory: layout.seedDirectory, database: layout.databaseURL)
    return try ResultsDatabase.openReadOnly(layout)
  }
}
