import Foundation
import GRDB
import ScalingLaw

/// The paper's published results, read from `paper-artifacts/results.sqlite`.
///
/// Readers open the database read-only, and only after checking that it is intact and holds
/// exactly what its seed files say: a stale, corrupt or hand-edited database is an error that
/// says to rebuild, never silently used.
public struct ResultsDatabase: Sendable {
  /// The database file this value reads.
  public let url: URL
  /// The SHA-256 digest of the seed files the database was built from, equal to the current
  /// seed files' digest (checked when opening). See `paper-artifacts/README.md`.
  public let seedDigest: String
  private let queue: DatabaseQueue
  private let log = ReadLog()

  /// The underlying read-only GRDB connection, for queries this API does not cover.
  public var reader: any DatabaseReader { queue }

  /// Opens `layout.databaseURL` read-only, checked against `layout.seedDirectory`.
  public static func openReadOnly(_ layout: ProjectLayout) throws -> ResultsDatabase {
    try openReadOnly(layout.databaseURL, seedDirectory: layout.seedDirectory)
  }

  /// Opens `url` read-only after checking, cheapest first, that it is an intact SQLite file
  /// (`PRAGMA quick_check`), a results database of this schema version, built from the seed
  /// files now in `seedDirectory` (their digest), and that its content is what those seed files
  /// give (compared with a build in memory, a few milliseconds): a row edited by hand in
  /// `sqlite3` is caught here, by every reader, not only by `repro data verify`.
  public static func openReadOnly(_ url: URL, seedDirectory: URL) throws -> ResultsDatabase {
    guard FileManager.default.fileExists(atPath: url.path) else {
      throw ResultsStoreError.missingDatabase(path: url.path)
    }
    var configuration = Configuration()
    configuration.readonly = true
    let queue = try reading(url) { try DatabaseQueue(path: url.path, configuration: configuration) }
    let problems = try reading(url) { try queue.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check") } }
    guard problems == ["ok"] else { throw ResultsStoreError.corruptDatabase(path: url.path, problems: problems) }
    let applied = try reading(url) { try queue.read { db in try Schema.migrator.appliedIdentifiers(db) } }
    let expected = Schema.migrator.migrations
    guard applied == Set(expected) else {
      throw ResultsStoreError.schemaMismatch(path: url.path, expected: expected, found: applied.sorted())
    }
    let meta = try reading(url) { try queue.read { db in try MetaRecord.fetchAll(db) } }
    let stored = meta.first { $0.key == SeedManifest.digestKey }?.value
    let files = try SeedFile.load(from: seedDirectory)
    let current = SeedManifest(files)
    guard let stored, stored == current.digest else {
      let changes = current.changes(since: SeedManifest(metaRecords: meta))
      throw ResultsStoreError.staleDatabase(
        path: url.path, changes: changes.isEmpty ? ["seed digest \(stored ?? "missing") ≠ \(current.digest)"] : changes)
    }
    let differing = try reading(url) { try DatabaseContent.differences(queue, DatabaseBuilder.inMemory(files)) }
    guard differing.isEmpty else { throw ResultsStoreError.differsFromRebuild(path: url.path, tables: differing) }
    return ResultsDatabase(url: url, seedDigest: stored, queue: queue)
  }

  /// Runs `body`, turning SQLite's errors into ones that name the file and the fix.
  static func reading<T>(_ url: URL, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as DatabaseError {
      switch error.resultCode {
      case .SQLITE_CORRUPT: throw ResultsStoreError.corruptDatabase(path: url.path, problems: [error.message ?? "\(error)"])
      default: throw ResultsStoreError.notADatabase(path: url.path, reason: error.message ?? "\(error)")
      }
    }
  }

  /// Rebuilds `database` from the seed files in `seedDirectory`, atomically.
  ///
  /// The caller must make sure no one reads the database meanwhile in a way that matters: `repro`
  /// takes the run lock (`Figures/.repro-run.lock`) around every command that writes it.
  public static func rebuild(seedDirectory: URL, database: URL) throws {
    try DatabaseBuilder.build(seedDirectory: seedDirectory, database: database)
  }

  /// Average-accuracy observations of one suite as the scaling law reads them, `Y = 1 − accuracy`,
  /// ordered by `N` then `V`. A grid is one LLM family with one compressor: without `family` and
  /// `method` the suite must hold exactly one such pair (the paper's grids: Qwen-1.5 with
  /// TokenPacker; the miniature replication's: mini-VLM with its compressor), and it is an error
  /// naming the pairs when it holds several. Throws if there are none, since a figure cannot be
  /// fitted on nothing.
  public func observations(suite: SuiteID, family: String? = nil, method: String? = nil) throws -> [Observation] {
    let grid = try measurements(suite: suite).filter { $0.metric == ReferenceData.averageAccuracy }
    let pairs = Set(grid.map { GridPair(family: $0.family, method: $0.method) }).sorted { ($0.family, $0.method) < ($1.family, $1.method) }
    let wanted = pairs.filter { (family == nil || $0.family == family) && (method == nil || $0.method == method) }
    guard wanted.count <= 1 else {
      throw ResultsStoreError.mixedGrid(suite: suite.rawValue, pairs: wanted.map { "\($0.family) with \($0.method)" })
    }
    guard let pair = wanted.first else {
      throw ResultsStoreError.noObservations(suite: suite.rawValue, family: family ?? "any", method: method ?? "any")
    }
    return grid.filter { $0.family == pair.family && $0.method == pair.method }
      .map { Observation(N: $0.N, V: Double($0.V), accuracy: $0.value) }
  }

  private struct GridPair: Hashable {
    var family: String
    var method: String
  }

  /// The averaged suites the database holds — the paper's two grids and any an ingested seed
  /// file declared — by id: the grids a scaling law can be fitted to.
  public func gridSuites() throws -> [SuiteID] {
    try Self.reading(url) {
      try queue.read { db in
        try String.fetchAll(db, sql: "SELECT id FROM suite WHERE kind = 'average' ORDER BY id").map(SuiteID.init(rawValue:))
      }
    }
  }

  /// Throws, naming the database's grids, unless `suite` is one of them: the check every
  /// command and experiment that takes a `--suite` makes.
  public func requireGrid(_ suite: SuiteID) throws {
    let grids = try gridSuites()
    guard grids.contains(suite) else { throw ResultsStoreError.unknownGrid(suite: suite.rawValue, grids: grids.map(\.rawValue)) }
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

  /// The results of `suite` that are means over several training seeds: ``DataSelection/seedSpread(suite:)``.
  public func seedSpreads(suite: SuiteID) throws -> [SeedSpread] {
    try fetch(.seedSpread(suite: suite))
  }

  /// The held-out answers behind `suite`'s results, one per result that has them, each with its
  /// seeds in the order they were averaged: ``DataSelection/heldOutAnswers(suite:)``.
  public func heldOutAnswers(suite: SuiteID) throws -> [HeldOutAnswers] {
    let rows: [HeldOutAnswersRow] = try fetch(.heldOutAnswers(suite: suite))
    var results: [HeldOutAnswers] = []
    for row in rows {
      // The builder checked every row's text when it stored it.
      guard case .success(let answers) = CorrectAnswers.parse(hex: row.correct, questions: row.questions) else {
        throw ResultsStoreError.corruptDatabase(
          path: url.path, problems: ["heldOutAnswers of \(suite) at N = \(row.N), V = \(row.V): not a set of answers"])
      }
      let continues = results.last.map { ($0.N, $0.V, $0.method) == (row.N, row.V, row.method) } ?? false
      // Seeds are numbered 0, 1, … within a result; a gap is a database edited by hand.
      guard row.seedIndex == (continues ? results[results.count - 1].seeds.count : 0) else {
        throw ResultsStoreError.corruptDatabase(
          path: url.path, problems: ["heldOutAnswers of \(suite) at N = \(row.N), V = \(row.V): seed \(row.seedIndex) out of order"])
      }
      if continues {
        results[results.count - 1].seeds.append(answers)
      } else {
        results.append(HeldOutAnswers(N: row.N, V: row.V, method: row.method, seeds: [answers]))
      }
    }
    return results
  }

  /// Every seed file's provenance, ordered by key: ``DataSelection/sources``.
  public func sources() throws -> [Source] {
    try fetch(.sources)
  }

  /// The rows `selection` reads, as deterministic text: a `# <id>` line, the tab-separated column
  /// names, then one line per row with each value in ``CanonicalText`` form. Hash it to fingerprint
  /// exactly the data a figure depends on.
  public func canonicalDump(_ selection: DataSelection) throws -> String {
    try read(selection) { dump, _ in dump }
  }

  /// Selection id → SHA-256 of the canonical dump of its rows, for every selection read through
  /// this value so far (by the typed readers or ``canonicalDump(_:)``).
  ///
  /// The dump is taken in the same read as the rows handed out, from the one connection this
  /// value holds (a rebuild renames a new file into place, so an open connection keeps reading
  /// the file it opened): it fingerprints exactly the data the caller got. An experiment reports
  /// these to the driver, which records them in `Figures/repro.lock`.
  public var readFingerprints: [String: String] { log.fingerprints }

  /// One digest of ``readFingerprints``: SHA-256 of their `id<TAB>fingerprint` lines in id order.
  /// What an output names as the data it was made from, so that it changes exactly when that
  /// data does, and not when other rows of the database do.
  public var readDigest: String {
    sha256Hex(Data(readFingerprints.sorted { $0.key < $1.key }.map { "\($0.key)\t\($0.value)\n" }.joined().utf8))
  }

  private func fetch<Record: FetchableRecord>(_ selection: DataSelection) throws -> [Record] {
    try read(selection) { _, rows in try rows.map(Record.init(row:)) }
  }

  /// Runs `selection`'s query once, logs the digest of its canonical dump, and hands both the
  /// dump and the rows to `body`.
  private func read<T>(_ selection: DataSelection, _ body: (String, [Row]) throws -> T) throws -> T {
    let query = selection.query
    return try Self.reading(url) {
      try queue.read { db in
        let statement = try db.makeStatement(sql: query.sql)
        let rows = try Row.fetchAll(statement, arguments: query.arguments)
        let lines = ["# \(selection.id)", statement.columnNames.joined(separator: "\t")]
          + rows.map { $0.databaseValues.map { CanonicalText.literal($0) }.joined(separator: "\t") }
        let dump = lines.joined(separator: "\n") + "\n"
        log.record(selection.id, sha256Hex(Data(dump.utf8)))
        return try body(dump, rows)
      }
    }
  }
}

/// The selections a ``ResultsDatabase`` value has handed out, shared by its copies.
private final class ReadLog: @unchecked Sendable {
  private let lock = NSLock()
  private var digests: [String: String] = [:]

  func record(_ id: String, _ digest: String) {
    lock.lock()
    digests[id] = digest
    lock.unlock()
  }

  var fingerprints: [String: String] {
    lock.lock()
    defer { lock.unlock() }
    return digests
  }
}
