import HexDigest
import Foundation
import GRDB

/// The content of a results database as text, table by table: what two databases are compared
/// by (the shipped file against a build from its seed files).
enum DatabaseContent {
  /// The tables (and `(schema)`, for the SQL of the schema) in which `database` and `reference`
  /// differ, in name order (`(schema)` first); empty when they hold the same rows and schema.
  static func differences(_ database: some DatabaseReader, _ reference: some DatabaseReader) throws -> [String] {
    let mine = try database.read(dump)
    let theirs = try reference.read(dump)
    return Set(mine.keys).union(theirs.keys).filter { mine[$0] != theirs[$0] }.sorted()
  }

  /// `(schema)` → the schema's SQL, and each table's name → its rows ordered by primary key,
  /// one line of ``CanonicalText`` literals per row.
  static func dump(_ db: Database) throws -> [String: String] {
    var result = ["(schema)": try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid").joined(separator: ";\n")]
    for table in try tableNames(db) {
      let order = try db.primaryKey(table).columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
      let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier) ORDER BY \(order)")
      result[table] = rows.map { $0.databaseValues.map { CanonicalText.literal($0) }.joined(separator: "\t") + "\n" }.joined()
    }
    return result
  }

  /// The data tables in creation order (GRDB's and SQLite's own bookkeeping tables left out).
  static func tableNames(_ db: Database) throws -> [String] {
    try String.fetchAll(db, sql: """
      SELECT name FROM sqlite_master
      WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE 'grdb\\_%' ESCAPE '\\'
      ORDER BY rowid
      """)
  }
}

/// Lowercase hex SHA-256 of `data`, how this library names content (seed files, selections).
func sha256Hex(_ data: Data) -> String {
  SHA256Hex.of(data)
}
