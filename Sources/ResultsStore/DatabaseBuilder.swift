import Foundation
import GRDB

/// Builds `results.sqlite` from the seed files, all or nothing.
///
/// Everything is parsed before the file system is touched; the database is then written to a
/// temporary file next to the target, in one transaction after the schema migration, and renamed
/// over the target only when complete. Any error removes the temporary file, so a failed build
/// leaves the previous database (or none) in place, never a half-written one. The same seed files
/// always give the same rows with the same ids, so rebuilding is deterministic.
enum DatabaseBuilder {
  static func build(seedDirectory: URL, database: URL) throws {
    let files = try SeedFile.load(from: seedDirectory)
    let seeds = try files.map(SeedParser.parse)
    let manifest = SeedManifest(files)

    let temporary = database.deletingLastPathComponent()
      .appendingPathComponent(".\(database.lastPathComponent).\(UUID().uuidString).tmp", isDirectory: false)
    do {
      let queue = try DatabaseQueue(path: temporary.path)
      try populate(queue, seeds: seeds, manifest: manifest)
      try queue.close()
      guard rename(temporary.path, database.path) == 0 else {
        throw ResultsStoreError.writeFailed(path: database.path, reason: String(cString: strerror(errno)))
      }
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      try? FileManager.default.removeItem(atPath: temporary.path + "-journal")
      throw error
    }
  }

  /// The database `files` describe, built in memory: what an opened database is compared with.
  static func inMemory(_ files: [SeedFile]) throws -> DatabaseQueue {
    let queue = try DatabaseQueue()
    try populate(queue, seeds: try files.map(SeedParser.parse), manifest: SeedManifest(files))
    return queue
  }

  private static func populate(_ queue: DatabaseQueue, seeds: [ParsedSeed], manifest: SeedManifest) throws {
    try Schema.migrator.migrate(queue)
    try queue.write { db in try insert(seeds, manifest: manifest, into: db) }
  }

  private static func insert(_ seeds: [ParsedSeed], manifest: SeedManifest, into db: Database) throws {
    let suites = try SuiteDeclaration.catalog(seeds)
    for suite in suites { try suite.insert(db) }
    for method in ReferenceData.compressionMethods { try method.insert(db) }

    var modelIDs: [ModelKey: Int64] = [:]
    for seed in seeds {
      var source = seed.source
      try source.insert(db)
      let sourceID = source.id!
      for row in seed.rows {
        guard let suite = suites.first(where: { $0.id == row.suite }) else {
          throw ResultsStoreError.malformedSeed(
            file: seed.file.url.path, line: row.line,
            reason: "unknown suite '\(row.suite)' (an ingested seed file may declare it with a `# \(SuiteDeclaration.prefix) ID: DESCRIPTION` line)")
        }
        if let problem = suite.problem(with: row.value) {
          throw ResultsStoreError.malformedSeed(file: seed.file.url.path, line: row.line, reason: problem)
        }
        try attributing(row.line, in: seed.file) {
          let key = ModelKey(family: row.family, N: row.N)
          if modelIDs[key] == nil {
            var model = ModelRecord(family: row.family, paramsBillion: row.N)
            try model.insert(db)
            modelIDs[key] = model.id
          }
          var result = ResultRecord(
            suiteId: row.suite, modelId: modelIDs[key]!, compressionMethodId: row.method, visualTokens: row.V,
            metric: row.metric, value: row.value, sourceId: sourceID, note: row.note)
          try result.insert(db)
          if let seeds = row.seeds, let spread = row.seedStandardDeviation {
            var record = SeedSpreadRecord(resultId: result.id!, seeds: seeds, standardDeviation: spread)
            try record.insert(db)
          }
          for (index, answers) in row.answers.enumerated() {
            var record = HeldOutAnswersRecord(resultId: result.id!, seedIndex: index, questions: answers.questions, correct: answers.hex)
            try record.insert(db)
          }
        }
      }
      for issue in seed.issues {
        try attributing(issue.line, in: seed.file) {
          var record = DataIssueRecord(
            suiteId: issue.suite, sourceId: sourceID, paramsBillion: issue.N, visualTokens: issue.V,
            description: issue.description)
          try record.insert(db)
        }
      }
    }
    for meta in manifest.metaRecords { try meta.insert(db) }
  }

  /// Runs `insert`, turning a constraint the schema enforces into an error that names the seed line.
  private static func attributing(_ line: Int, in file: SeedFile, _ insert: () throws -> Void) throws {
    do {
      try insert()
    } catch let error as DatabaseError {
      throw ResultsStoreError.malformedSeed(
        file: file.url.path, line: line, reason: "rejected by the database: \(error.message ?? "\(error)")")
    }
  }

  private struct ModelKey: Hashable {
    var family: String
    var N: Double
  }
}
