/// Everything that can go wrong between the seed files, the database and a reader, in words that
/// say what to do next.
public enum ResultsStoreError: Error, Equatable, CustomStringConvertible {
  /// No folder containing `paper-artifacts/` above the starting directory.
  case projectRootNotFound(start: String)
  /// The database file does not exist yet.
  case missingDatabase(path: String)
  /// The file exists but SQLite cannot read it as a database.
  case notADatabase(path: String, reason: String)
  /// SQLite's integrity check found damaged pages or indexes (listed as SQLite words them).
  case corruptDatabase(path: String, problems: [String])
  /// The database was built by a different schema (migration list) than this code expects.
  case schemaMismatch(path: String, expected: [String], found: [String])
  /// The seed files changed since the database was built.
  case staleDatabase(path: String, changes: [String])
  /// A seed file the database needs is missing.
  case missingSeedFile(path: String)
  /// A seed file has a row or header the builder or the schema rejects.
  case malformedSeed(file: String, line: Int, reason: String)
  /// A figure asked for observations that are not in the database.
  case noObservations(suite: String, family: String, method: String)
  /// A suite whose averaged rows mix LLM families or compressors, read without choosing one.
  case mixedGrid(suite: String, pairs: [String])
  /// A `--suite` names no averaged grid of the database.
  case unknownGrid(suite: String, grids: [String])
  /// `export` was asked for a table that does not exist.
  case unknownTable(name: String, available: [String])
  /// The finished database could not be moved into place.
  case writeFailed(path: String, reason: String)
  /// The database's content differs from a build from its seed files (a row edited by hand, or
  /// a change in the builder's code).
  case differsFromRebuild(path: String, tables: [String])

  public var description: String {
    let rebuild = "run `./repro data rebuild`"
    switch self {
    case .projectRootNotFound(let start):
      return "no folder containing paper-artifacts/ at or above \(start): run from inside the project"
    case .missingDatabase(let path):
      return "results database \(path) does not exist: \(rebuild)"
    case .notADatabase(let path, let reason):
      return "\(path) is not a readable SQLite database (\(reason)): \(rebuild)"
    case .corruptDatabase(let path, let problems):
      let shown = problems.prefix(3).joined(separator: "; ") + (problems.count > 3 ? "; … (\(problems.count) problems)" : "")
      return "\(path) is damaged (SQLite integrity check: \(shown)): \(rebuild) (`./repro all` rebuilds it from the seed files)"
    case .schemaMismatch(let path, let expected, let found):
      return "\(path) has schema migrations [\(found.joined(separator: ", "))] but this code expects "
        + "[\(expected.joined(separator: ", "))]: \(rebuild)"
    case .staleDatabase(let path, let changes):
      return "\(path) is stale, its seed files changed since it was built (\(changes.joined(separator: "; "))): "
        + rebuild
    case .missingSeedFile(let path):
      return "seed file \(path) is missing: restore it from git (paper-artifacts/PAPER.md lists the paper's files)"
    case .malformedSeed(let file, let line, let reason):
      return "\(file):\(line): \(reason)"
    case .noObservations(let suite, let family, let method):
      return "no avg_accuracy results for suite \(suite), family \(family), method \(method) in the database"
    case .mixedGrid(let suite, let pairs):
      return "suite \(suite) mixes \(pairs.joined(separator: " and ")): a scaling law is fitted to one LLM family "
        + "with one compressor; name them (family, method)"
    case .unknownGrid(let suite, let grids):
      return "no grid named '\(suite)' in the database; its grids: \(grids.joined(separator: ", ")) "
        + "(repro ingest FILE --new-suite ID --description TEXT adds one)"
    case .unknownTable(let name, let available):
      return "no table named \(name); tables: \(available.joined(separator: ", "))"
    case .writeFailed(let path, let reason):
      return "could not write \(path): \(reason)"
    case .differsFromRebuild(let path, let tables):
      return "\(path) differs from what its seed files give in \(tables.joined(separator: ", ")) (edited by hand, "
        + "or built by other code): \(rebuild); to change the data, edit the seed CSVs or use `./repro ingest`"
    }
  }
}
