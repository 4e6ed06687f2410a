import GRDB

/// One stored result, joined with its model and source: a suite's metric for an LLM of `N`
/// billion parameters seeing `V` visual tokens after `method` compressed them.
public struct MeasuredResult: Hashable, Sendable, Codable, FetchableRecord {
  public var suite: SuiteID
  /// LLM family, e.g. `Qwen-1.5` (the grids) or `Vicuna-1.5` (Table 1).
  public var family: String
  /// LLM parameters, in billions.
  public var N: Double
  /// Visual tokens the LLM sees.
  public var V: Int
  /// Compression method id, e.g. `TokenPacker`, or `none` for the uncompressed baseline.
  public var method: String
  /// What `value` measures: `avg_accuracy` (in [0, 1]), `accuracy_percent` or `score`.
  public var metric: String
  public var value: Double
  /// Key of the seed file the value came from (its path inside `paper-artifacts/`).
  public var source: String
  public var note: String?

  public init(
    suite: SuiteID, family: String, N: Double, V: Int, method: String, metric: String, value: Double,
    source: String, note: String? = nil
  ) {
    self.suite = suite
    self.family = family
    self.N = N
    self.V = V
    self.method = method
    self.metric = metric
    self.value = value
    self.source = source
    self.note = note
  }
}

/// One non-empty cell of Table 1: a compression method at a token count on one benchmark.
public struct Table1Entry: Hashable, Sendable, Codable, FetchableRecord {
  /// Compression method id; `none` is the uncompressed LLaVA-1.5 row.
  public var method: String
  /// Visual tokens after compression (PruMerge's adaptive count is listed as 32).
  public var tokens: Int
  public var benchmark: SuiteID
  /// `accuracy_percent`, or `score` for MME (MME-Perception, out of 2000).
  public var metric: String
  public var value: Double

  public init(method: String, tokens: Int, benchmark: SuiteID, metric: String, value: Double) {
    self.method = method
    self.tokens = tokens
    self.benchmark = benchmark
    self.metric = metric
    self.value = value
  }
}

extension MeasuredResult {
  /// Whether this is a grid's averaged accuracy (a fraction in [0, 1]), the value a scaling law
  /// and a compressor comparison read.
  public var isAverageAccuracy: Bool { metric == ReferenceData.averageAccuracy }
}

/// A result that is the mean over several training seeds (the miniature replication's corner
/// cells): its configuration, the mean, the seed count and the sample standard deviation.
public struct SeedSpread: Hashable, Sendable, Codable, FetchableRecord {
  /// LLM parameters, in billions.
  public var N: Double
  public var V: Int
  public var method: String
  /// The result's value: the mean over the seeds.
  public var mean: Double
  public var seeds: Int
  /// Sample standard deviation over the seeds, in the value's units.
  public var standardDeviation: Double

  public init(N: Double, V: Int, method: String, mean: Double, seeds: Int, standardDeviation: Double) {
    (self.N, self.V, self.method, self.mean, self.seeds, self.standardDeviation) = (N, V, method, mean, seeds, standardDeviation)
  }
}

/// A known problem in the published data, recorded as published and not fixed.
public struct DataIssue: Hashable, Sendable, Codable, FetchableRecord {
  public var suite: SuiteID
  /// Key of the seed file whose header lists the problem.
  public var source: String
  /// The configuration the problem is about, when the text names one.
  public var N: Double?
  public var V: Int?
  /// The problem, verbatim from the seed file's header.
  public var description: String

  public init(suite: SuiteID, source: String, N: Double?, V: Int?, description: String) {
    self.suite = suite
    self.source = source
    self.N = N
    self.V = V
    self.description = description
  }
}

/// Where one seed file's numbers come from.
public struct Source: Hashable, Sendable, Codable, FetchableRecord {
  /// The seed file's path inside `paper-artifacts/`, e.g. `ocr_avg_accuracy.csv`.
  public var key: String
  /// GitHub `owner/name` of the repository the numbers were read from.
  public var repository: String?
  /// The (possibly abbreviated) commit hash of that repository, when the header gives one.
  public var commitHash: String?
  /// The file inside that repository.
  public var file: String?
  /// The rest of the seed file's header, verbatim.
  public var note: String

  public init(key: String, repository: String?, commitHash: String?, file: String?, note: String) {
    self.key = key
    self.repository = repository
    self.commitHash = commitHash
    self.file = file
    self.note = note
  }
}

/// One table of the database and how many rows it holds.
public struct TableSummary: Hashable, Sendable, Codable {
  public var name: String
  public var rowCount: Int

  public init(name: String, rowCount: Int) {
    self.name = name
    self.rowCount = rowCount
  }
}
