import Foundation
import ResultsStore

/// Fingerprints of the data selections targets read, from the results database.
///
/// The database is derived from the seed CSVs, so the driver treats it like a target of its own:
/// when it is missing, stale (a seed row was edited), of an older schema, damaged, or different
/// from what its seeds give (a row edited by hand), a run rebuilds it in place before anything
/// reads it, and a read-only look (`status`, `--dry-run`) builds a fresh
/// copy in a temporary folder instead, so checking never changes the project.
struct DataFingerprints {
  /// Selection id → SHA-256 of ``ResultsStore/ResultsDatabase/canonicalDump(_:)``.
  var hashes: [String: String]
  /// Why the database had to be rebuilt, if it had to.
  var rebuildReason: String?

  init(_ selections: [DataSelection], layout: ProjectLayout, rebuildInPlace: Bool) throws {
    let database: ResultsDatabase
    var temporary: URL?
    defer { if let temporary { try? FileManager.default.removeItem(at: temporary) } }
    do {
      database = try ResultsDatabase.openReadOnly(layout)
    } catch let error as ResultsStoreError {
      guard let reason = Self.rebuildReason(error) else { throw error }
      rebuildReason = reason
      var url = layout.databaseURL
      if !rebuildInPlace {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("repro-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        temporary = folder
        url = folder.appendingPathComponent("results.sqlite")
      }
      try ResultsDatabase.rebuild(seedDirectory: layout.seedDirectory, database: url)
      database = try ResultsDatabase.openReadOnly(url, seedDirectory: layout.seedDirectory)
    }
    hashes = try Dictionary(uniqueKeysWithValues: orderedUnique(selections).map { selection in
      (selection.id, ContentHash.of(text: try database.canonicalDump(selection)))
    })
  }

  /// Why `error` calls for a rebuild from the seeds, or `nil` if a rebuild would not help.
  private static func rebuildReason(_ error: ResultsStoreError) -> String? {
    switch error {
    case .missingDatabase: "results.sqlite is missing"
    case .staleDatabase(_, let changes): "seed files changed (\(changes.joined(separator: "; ")))"
    case .schemaMismatch: "results.sqlite has another schema version"
    case .notADatabase(_, let reason): "results.sqlite is not a readable database (\(reason))"
    case .corruptDatabase(_, let problems): "results.sqlite is damaged (\(problems.first ?? "integrity check failed"))"
    case .differsFromRebuild(_, let tables): "results.sqlite differs from its seed files in \(tables.joined(separator: ", ")) (edited by hand?)"
    default: nil
    }
  }
}
