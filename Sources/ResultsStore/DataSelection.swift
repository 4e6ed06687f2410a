import GRDB

/// A named slice of the database that a figure reads, so its content can be fingerprinted.
///
/// Each selection is one SQL query. The typed readers of ``ResultsDatabase`` and
/// ``ResultsDatabase/canonicalDump(_:)`` run the same query, so a fingerprint of the dump changes
/// exactly when the rows a figure reads change, and not when unrelated rows do.
public enum DataSelection: Hashable, Sendable, Identifiable, CustomStringConvertible {
  /// Every result of one suite (all models, methods and metrics): ``ResultsDatabase/measurements(suite:)``.
  case results(suite: SuiteID)
  /// Table 1's cells: ``ResultsDatabase/table1()``.
  case table1
  /// Known problems in the published data, for one suite or (`nil`) all of them.
  case dataIssues(suite: SuiteID?)
  /// Every seed file's provenance: ``ResultsDatabase/sources()``.
  case sources
  /// The results of one suite that are means over several training seeds, with the count and
  /// spread: ``ResultsDatabase/seedSpreads(suite:)``.
  case seedSpread(suite: SuiteID)
  /// Which held-out questions each trained model behind one suite's results answered correctly:
  /// ``ResultsDatabase/heldOutAnswers(suite:)``.
  case heldOutAnswers(suite: SuiteID)

  /// A stable text name, e.g. `results:visual-reasoning`, `table1`, `dataIssues:ocr`, `dataIssues`.
  public var id: String {
    switch self {
    case .results(let suite): "results:\(suite.rawValue)"
    case .table1: "table1"
    case .dataIssues(let suite?): "dataIssues:\(suite.rawValue)"
    case .dataIssues(nil): "dataIssues"
    case .sources: "sources"
    case .seedSpread(let suite): "seedSpread:\(suite.rawValue)"
    case .heldOutAnswers(let suite): "heldOutAnswers:\(suite.rawValue)"
    }
  }

  /// The selection named by ``id``, or `nil` for an unknown name.
  public init?(id: String) {
    let parts = id.split(separator: ":", maxSplits: 1).map(String.init)
    switch (parts.first, parts.count) {
    case ("results", 2): self = .results(suite: SuiteID(rawValue: parts[1]))
    case ("table1", 1): self = .table1
    case ("dataIssues", 2): self = .dataIssues(suite: SuiteID(rawValue: parts[1]))
    case ("dataIssues", 1): self = .dataIssues(suite: nil)
    case ("sources", 1): self = .sources
    case ("seedSpread", 2): self = .seedSpread(suite: SuiteID(rawValue: parts[1]))
    case ("heldOutAnswers", 2): self = .heldOutAnswers(suite: SuiteID(rawValue: parts[1]))
    default: return nil
    }
  }

  public var description: String { id }

  /// The one query behind this selection. Ordered so that the same rows always come out in the
  /// same order.
  var query: (sql: String, arguments: StatementArguments) {
    switch self {
    case .results(let suite):
      (
        """
        SELECT result.suiteId AS suite, model.family AS family, model.paramsBillion AS N,
               result.visualTokens AS V, result.compressionMethodId AS method, result.metric AS metric,
               result.value AS value, source.key AS source, result.note AS note
        FROM result
        JOIN model ON model.id = result.modelId
        JOIN source ON source.id = result.sourceId
        WHERE result.suiteId = ?
        ORDER BY model.family, model.paramsBillion, result.visualTokens, result.compressionMethodId, result.metric
        """,
        [suite]
      )
    case .table1:
      (
        """
        SELECT result.compressionMethodId AS method, result.visualTokens AS tokens,
               result.suiteId AS benchmark, result.metric AS metric, result.value AS value
        FROM result
        JOIN suite ON suite.id = result.suiteId
        JOIN model ON model.id = result.modelId
        WHERE suite.kind = 'benchmark' AND model.family = 'Vicuna-1.5'
        ORDER BY result.id
        """,
        []
      )
    case .dataIssues(let suite):
      (
        """
        SELECT dataIssue.suiteId AS suite, source.key AS source, dataIssue.paramsBillion AS N,
               dataIssue.visualTokens AS V, dataIssue.description AS description
        FROM dataIssue
        JOIN source ON source.id = dataIssue.sourceId
        WHERE ?1 IS NULL OR dataIssue.suiteId = ?1
        ORDER BY dataIssue.id
        """,
        [suite]
      )
    case .sources:
      (
        """
        SELECT key, repository, commitHash, file, note
        FROM source
        ORDER BY key
        """,
        []
      )
    case .seedSpread(let suite):
      (
        """
        SELECT model.paramsBillion AS N, result.visualTokens AS V, result.compressionMethodId AS method,
               result.value AS mean, seedSpread.seeds AS seeds, seedSpread.standardDeviation AS standardDeviation
        FROM seedSpread
        JOIN result ON result.id = seedSpread.resultId
        JOIN model ON model.id = result.modelId
        WHERE result.suiteId = ?
        ORDER BY model.family, model.paramsBillion, result.visualTokens, result.compressionMethodId
        """,
        [suite]
      )
    case .heldOutAnswers(let suite):
      (
        """
        SELECT model.paramsBillion AS N, result.visualTokens AS V, result.compressionMethodId AS method,
               heldOutAnswers.seedIndex AS seedIndex, heldOutAnswers.questions AS questions, heldOutAnswers.correct AS correct
        FROM heldOutAnswers
        JOIN result ON result.id = heldOutAnswers.resultId
        JOIN model ON model.id = result.modelId
        WHERE result.suiteId = ?
        ORDER BY model.family, model.paramsBillion, result.visualTokens, result.compressionMethodId, heldOutAnswers.seedIndex
        """,
        [suite]
      )
    }
  }
}

/// Encoded as its ``id`` text, so lock files and manifests stay readable.
extension DataSelection: Codable {
  public init(from decoder: any Decoder) throws {
    let id = try decoder.singleValueContainer().decode(String.self)
    guard let selection = DataSelection(id: id) else {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "unknown data selection \(id)"))
    }
    self = selection
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(id)
  }
}
