import Foundation
import ExperimentRegistry
import ResultsStore
import ScalingLaw

/// Everything the claims are checked against, read once from the results database.
///
/// The database includes any ingested rows (`paper-artifacts/ingested/*.csv`), which is how
/// 14 B measurements, once someone has them, turn `fig2.extrapolation-14b` from unverifiable
/// into pass or fail. Tests build inputs by hand with the memberwise initializer.
public struct LedgerInputs: Sendable {
  public var visualReasoning: Grid
  public var ocr: Grid
  public var table1: [Table1Entry]
  /// Known defects of the published data, every suite.
  public var dataIssues: [DataIssue]
  /// Provenance of every seed file (for the report).
  public var sources: [Source]
  /// ``ResultsStore/ResultsDatabase/readDigest`` of the selections read (``selections``): names
  /// exactly the data the claims were checked against; `nil` for hand-made inputs.
  public var dataDigest: String?
  /// The bundled engine's timings (not in the database: the inference-cost experiment's output);
  /// `nil` when that experiment has not run.
  public var inferenceCost: MeasuredInferenceCost?
  /// The miniature replication's reasoning grid (models trained here), when the database has it.
  public var miniReasoning: Grid?
  /// The same grid trained with the PruMerge-style compressor (Figure 5's analog), when present.
  public var miniPruMerge: Grid?
  /// The miniature OCR grid (Figure 3b's analog), when present.
  public var miniOCR: Grid?
  /// The miniature compressor comparison's rows (Table 1's analog): several compressors at each
  /// (N, V), so not one grid; empty when the database has none.
  public var miniCompressors: [MeasuredResult] = []
  /// The compressor comparison on the OCR family, as ``miniCompressors``.
  public var miniOCRCompressors: [MeasuredResult] = []
  /// The miniature reasoning grid's configurations trained with several seeds: their mean, count
  /// and spread (the corner cells).
  public var miniSeedSpreads: [SeedSpread] = []
  /// The miniature OCR grid's configurations trained with several seeds, as ``miniSeedSpreads``.
  public var miniOCRSeedSpreads: [SeedSpread] = []
  /// Which held-out questions the models behind each fitted miniature suite answered correctly
  /// (``ExperimentRegistry/Experiment/miniFittedSuites``), for bootstraps over cells, seeds and questions.
  public var miniAnswers: [SuiteID: [HeldOutAnswers]] = [:]
  /// The trained miniature models' timings (the mini-cost experiment's output), when it has run.
  public var miniInferenceCost: MeasuredInferenceCost?
  /// Why a miniature grid the database declares could not be read, by suite.
  public var miniProblems: [SuiteID: String] = [:]

  public init(
    visualReasoning: Grid, ocr: Grid, table1: [Table1Entry], dataIssues: [DataIssue], sources: [Source] = [],
    dataDigest: String? = nil, inferenceCost: MeasuredInferenceCost? = nil, miniReasoning: Grid? = nil
  ) {
    self.miniReasoning = miniReasoning
    self.visualReasoning = visualReasoning
    self.ocr = ocr
    self.table1 = table1
    self.dataIssues = dataIssues
    self.sources = sources
    self.dataDigest = dataDigest
    self.inferenceCost = inferenceCost
  }

  /// Reads every selection in ``selections`` from `database`, and takes the engine's timings as given.
  public init(database: ResultsDatabase, inferenceCost: MeasuredInferenceCost?) throws {
    self.init(
      visualReasoning: try Grid(suite: .visualReasoning, database: database),
      ocr: try Grid(suite: .ocr, database: database),
      table1: try database.table1(), dataIssues: try database.dataIssues(), sources: try database.sources(),
      inferenceCost: inferenceCost,
      miniReasoning: nil)
    // The replication's grids are optional: one that cannot be read as a grid (declared without
    // rows yet, say) leaves its twins unverifiable, and the paper's claims are checked as ever.
    let declared = try database.gridSuites()
    func miniGrid(_ suite: SuiteID) -> Grid? {
      guard declared.contains(suite) else { return nil }
      do {
        return try Grid(suite: suite, database: database)
      } catch {
        miniProblems[suite] = "the database's \(suite) suite cannot be read as a grid: \(error)"
        return nil
      }
    }
    miniReasoning = miniGrid(.miniReasoning)
    miniPruMerge = miniGrid(.miniReasoningPruMerge)
    miniOCR = miniGrid(.miniOCR)
    miniCompressors = try database.measurements(suite: .miniCompressors).filter(\.isAverageAccuracy)
    miniOCRCompressors = try database.measurements(suite: .miniOCRCompressors).filter(\.isAverageAccuracy)
    miniSeedSpreads = try database.seedSpreads(suite: .miniReasoning)
    miniOCRSeedSpreads = try database.seedSpreads(suite: .miniOCR)
    for suite in Experiment.miniFittedSuites { miniAnswers[suite] = try database.heldOutAnswers(suite: suite) }
    // As an experiment's data digest: it names every selection the report declares, read or not.
    for selection in Self.selections { _ = try database.canonicalDump(selection) }
    dataDigest = database.readDigest
  }

  /// Reads the database, and the bundled engine's and the trained models' timings from the cost
  /// experiments' summaries in `figuresDirectory`: what `repro verify` and the report check.
  public init(database: ResultsDatabase, figuresDirectory: URL) throws {
    try self.init(database: database, inferenceCost: try MeasuredInferenceCost.load(figuresDirectory: figuresDirectory))
    miniInferenceCost = try MeasuredInferenceCost.load(figuresDirectory: figuresDirectory, experiment: .miniCost)
  }

  /// The database selections the ledger reads: the report experiment's registered inputs.
  public static var selections: [DataSelection] { Experiment.report.inputs }

  /// The held-out answers behind `grid`'s suite; none for the paper's grids.
  func answers(_ grid: Grid) -> [HeldOutAnswers] { miniAnswers[grid.suite] ?? [] }

  /// The recorded issues of one suite.
  func issues(of suite: SuiteID) -> [DataIssue] {
    dataIssues.filter { $0.suite == suite }
  }
}

/// One suite's grid as the scaling law sees it, with the seed file each point came from.
public struct Grid: Sendable {
  public var suite: SuiteID
  /// Ordered by N, then V.
  public var observations: [Observation]
  /// The seed-file key of each observation, index-aligned (named in data warnings).
  public var sources: [String]

  /// A hand-made grid; every point is attributed to `source`.
  public init(suite: SuiteID, observations: [Observation], source: String = "hand-made") {
    self.suite = suite
    self.observations = observations
    self.sources = observations.map { _ in source }
  }

  init(suite: SuiteID, database: ResultsDatabase) throws {
    self.suite = suite
    observations = try database.observations(suite: suite)
    let measurements = try database.measurements(suite: suite)
    sources = observations.map { o in
      measurements.first { $0.N == o.N && Double($0.V) == o.V && 1 - $0.value == o.Y }?.source ?? "unknown"
    }
  }

  /// The observations whose N is one of `sizes`.
  func observations(sizes: [Double]) -> [Observation] {
    observations.filter { sizes.contains($0.N) }
  }
}
