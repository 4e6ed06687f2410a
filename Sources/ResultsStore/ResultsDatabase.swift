import Foundation
import GRDB
import ScalingLaw

/// The paper's published results, read from `paper-artifacts/results.sqlite`.
///
/// Readers open the database read-only, and only after checking that it was built from the seed
/// files as they are now: a stale database is an error that says to rebuild, never silently used.
public struct ResultsDatabase: Sendable {
  /// The database file this value reads.
  public let url: URL
  /// The SHA-256 digest of the seed files the database was built from, equal to the current
  /// seed files' digest (checked when opening). See `paper-artifacts/README.md`.
  public let seedDigest: String
  private let queue: DatabaseQueue

  /// The underlying read-only GRDB connection, for queries this API does not cover.
  public var reader: any DatabaseReader { queue }

  /// Opens `layout.databaseURL` read-only, checked against `layout.seedDirectory`.
  public static func openReadOnly(_ layout: ProjectLayout) throws -> ResultsDatabase {
    try openReadOnly(layout.databaseURL, seedDirectory: layout.seedDirectory)
  }

  /// Opens `url` read-only after checking that it is a results database of this schema version
  /// built from the seed files now in `seedDirectory`.
  public static func openReadOnly(_ url: URL, seedDirectory: URL) throws -> ResultsDatabase {
    guard FileManager.default.fileExists(atPath: url.path) else {
      throw ResultsStoreError.missingDatabase(path: url.path)
    }
    var configuration = Configuration()
    configuration.readonly = true
    let queue: DatabaseQueue
    let applied: Set<String>
    do {
      queue = try DatabaseQueue(path: url.path, configuration: configuration)
      applied = try queue.read { db in try Schema.migrator.appliedIdentifiers(db) }
    } catch let error as DatabaseError {
      throw ResultsStoreError.notADatabase(path: url.path, reason: error.message ?? "\(error)")
    }
    let expected = Schema.migrator.migrations
    guard applied == Set(expected) else {
      throw ResultsStoreError.schemaMismatch(path: url.path, expected: expected, found: applied.sorted())
    }
    let meta = try queue.read { db in try MetaRecord.fetchAll(db) }
    let stored = meta.first { $0.key == SeedManifest.digestKey }?.value
    let current = SeedManifest(try SeedFile.load(from: seedDirectory))
    guard let stored, stored == current.digest else {
      let changes = current.changes(since: SeedManifest(metaRecords: meta))
      throw ResultsStoreError.staleDatabase(
        path: url.path, changes: changes.isEmpty ? ["seed digest \(stored ?? "missing") ≠ \(current.digest)"] : changes)
    }
    return ResultsDatabase(url: url, seedDigest: stored, queue: queue)
  }

  /// Rebuilds `database` from the seed files in `seedDirectory`, atomically.
  public static func rebuild(seedDirectory: URL, database: URL) throws {
    try DatabaseBuilder.build(seedDirectory: seedDirectory, database: database)
  }

  /// Average-accuracy observations of one suite as the scaling law reads them, `Y = 1 − accuracy`,
  /// ordered by `N` then `V`. Throws if there are none, since a figure cannot be fitted on nothing.
  public func observations(
    suite: SuiteID, family: String = "Qwen-1.5", method: String = "TokenPacker"
  ) throws -> [Observation] {
    let observations = try measurements(suite: suite)
      .filter { $0.family == family && $0.method == method && $0.metric == ReferenceData.averageAccuracy }
      .map { Observation(N: $0.N, V: Double($0.V), accuracy: $0.value) }
    guard !observations.isEmpty else {
      throw ResultsStoreError.noObservations(suite: suite.rawValue, family: family, method: method)
    }
    return observations
  }

  /// Every result of one suite, ordered by family, `N`, `V`, method and metric: ``DataSelection/results(suite:)``.
  public func measurements(suite: SuiteID) throws -> [MeasuredResult] {
    try fetch(.results(suite: suite))
  }

  /// Table 1's non-empty cells, in the paper's row order: ``DataSelection/table1``.
  public func table1() throws -> [Table1Entry] {
    try fetch(.table1)
  }

  /// Known problems in the published data, for one suite or (`nil`) all: ``DataSelection/dataIssues(suite:)``.
  public func dataIssues(suite: SuiteID? = nil) throws -> [DataIssue] {
    try fetch(.dataIssues(suite: suite))
  }

  /// Every seed file's provenance, ordered by key: ``DataSelection/sources``.
  public func sources() throws -> [Source] {
    try fetch(.sources)
  }

  /// The rows `selection` reads, as deterministic text: a `# <id>` line, the tab-separated column
  /// names, then one line per row with each value in ``CanonicalText`` form. Hash it to fingerprint
  /// exactly the data a figure depends on.
  public func canonicalDump(_ selection: DataSelection) throws -> String {
    let query = selection.query
    return try queue.read { db in
      let statement = try db.makeStatement(sql: query.sql)
      let rows = try Row.fetchAll(statement, arguments: query.arguments)
      let lines = ["# \(selection.id)", statement.columnNames.joined(separator: "\t")]
        + rows.map { $0.databaseValues.map { CanonicalText.literal($0) }.joined(separator: "\t") }
      return lines.joined(separator: "\n") + "\n"
    }
  }

  private func fetch<Record: FetchableRecord>(_ selection: DataSelection) throws -> [Record] {
    let query = selection.query
    return try queue.read { db in try Record.fetchAll(db, sql: query.sql, arguments: query.arguments) }
  }
}
