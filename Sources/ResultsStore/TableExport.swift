import Foundation
import GRDB

/// A text format for exporting a whole table.
public enum ExportFormat: String, CaseIterable, Sendable, Codable {
  /// Header line of column names, then one line per row; NULL is an empty cell.
  case csv
  /// An array with one object per row (keys in column order), one row per line.
  case json
}

/// Listing, exporting and describing the tables, for people reading the database without Swift.
extension ResultsDatabase {
  /// The data tables in creation order with their row counts (GRDB's and SQLite's own
  /// bookkeeping tables are left out).
  public func tables() throws -> [TableSummary] {
    try reader.read { db in
      try tableNames(db).map { name in
        let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(name.quotedDatabaseIdentifier)")
        return TableSummary(name: name, rowCount: count ?? 0)
      }
    }
  }

  /// Every row of `table`, ordered by its primary key, as CSV or JSON.
  public func export(table: String, format: ExportFormat) throws -> String {
    try reader.read { db in
      let names = try tableNames(db)
      guard names.contains(table) else { throw ResultsStoreError.unknownTable(name: table, available: names) }
      let order = try db.primaryKey(table).columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
      let statement = try db.makeStatement(sql: "SELECT * FROM \(table.quotedDatabaseIdentifier) ORDER BY \(order)")
      let columns = statement.columnNames
      let rows = try Row.fetchAll(statement).map { Array($0.databaseValues) }
      switch format {
      case .csv:
        let header = columns.map { CanonicalText.csvCell($0.databaseValue) }.joined(separator: ",")
        let lines = rows.map { $0.map(CanonicalText.csvCell).joined(separator: ",") }
        return ([header] + lines).joined(separator: "\n") + "\n"
      case .json:
        guard !rows.isEmpty else { return "[]\n" }
        let objects = rows.map { values in
          "  {" + zip(columns, values).map { "\(CanonicalText.quoted($0)): \(CanonicalText.literal($1, null: "null"))" }
            .joined(separator: ", ") + "}"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
      }
    }
  }

  /// The schema as SQL, in creation order, with the migration that produced it: what
  /// `sqlite3 results.sqlite .schema` shows, minus GRDB's bookkeeping.
  public func schemaDescription() throws -> String {
    let statements = try reader.read { db in
      try String.fetchAll(db, sql: """
        SELECT sql FROM sqlite_master
        WHERE sql IS NOT NULL AND tbl_name NOT LIKE 'grdb\\_%' ESCAPE '\\'
        ORDER BY rowid
        """)
    }
    let header = "-- results.sqlite schema, migrations: \(Schema.migrator.migrations.joined(separator: ", "))\n\n"
    return header + statements.map { $0 + ";\n" }.joined(separator: "\n")
  }

  /// Checks this database the way `repro data verify` does, beyond what opening it checks:
  /// SQLite's full `PRAGMA integrity_check` (every page, and every index against its table),
  /// then a fresh rebuild from `seedDirectory` into a temporary file, compared table by table and
  /// with its schema. Catches a database that is stale for reasons the seed digest cannot see,
  /// such as a change in the builder's code, and damage `quick_check` does not read.
  public func verifyMatchesRebuild(seedDirectory: URL) throws {
    let problems = try Self.reading(url) { try reader.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") } }
    guard problems == ["ok"] else { throw ResultsStoreError.corruptDatabase(path: url.path, problems: problems) }
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("results-verify-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let freshURL = directory.appendingPathComponent(url.lastPathComponent, isDirectory: false)
    try ResultsDatabase.rebuild(seedDirectory: seedDirectory, database: freshURL)
    let fresh = try ResultsDatabase.openReadOnly(freshURL, seedDirectory: seedDirectory)
    let differing = try Self.reading(url) { try DatabaseContent.differences(reader, fresh.reader) }
    guard differing.isEmpty else { throw ResultsStoreError.differsFromRebuild(path: url.path, tables: differing) }
  }

  private func tableNames(_ db: Database) throws -> [String] {
    try DatabaseContent.tableNames(db)
  }
}
