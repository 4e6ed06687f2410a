import Foundation
import GRDB
import InferenceEngine

/// A sweep as stored: what was measured, by which engine, on which machine, and the results.
public struct CachedSweep: Sendable, Equatable {
  public var planKey: String
  public var engineFingerprint: String
  public var machine: Machine
  public var wallSeconds: Double
  /// Mean 1-minute load average sampled during the sweep (`nil` where the OS does not report
  /// one): how much other work competed for the cores, which is what makes timings noisy.
  public var loadAverage: Double?
  public var measurements: [SweepMeasurement]

  public init(
    planKey: String, engineFingerprint: String, machine: Machine, wallSeconds: Double, loadAverage: Double?,
    measurements: [SweepMeasurement]
  ) {
    self.planKey = planKey
    self.engineFingerprint = engineFingerprint
    self.machine = machine
    self.wallSeconds = wallSeconds
    self.loadAverage = loadAverage
    self.measurements = measurements
  }
}

/// The inference-cost measurements, in their own SQLite database
/// (`paper-artifacts/inference-cost.sqlite`, committed so a fresh clone draws the figures without
/// re-measuring).
///
/// Schema (migrations `v1`, `v2`): `machine` (CPU, cores, OS, BLAS — unique together), `sweep`
/// (one row per plan key: the engine fingerprint, the machine, the wall time and, since `v2`,
/// the load average during the sweep) and `measurement` (per
/// sweep, model, V, Q and component: FLOPs and median seconds). Constraints live in the schema:
/// NOT NULL everywhere, positive counts, foreign keys with cascading deletes, so replacing a
/// sweep is one delete and one insert inside a single transaction — a reader sees the old sweep
/// or the new one, never a mix.
public struct MeasurementCache: Sendable {
  let queue: DatabaseQueue

  /// Opens (creating if needed) the database at `url` and brings its schema up to date.
  public init(url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    queue = try DatabaseQueue(path: url.path, configuration: configuration)
    try Self.migrator.migrate(queue)
  }

  /// Opens an existing database read-only (for readers such as a claims ledger, which must never
  /// trigger a measurement); a missing file or an unknown schema is an error, not a migration.
  public init(readingFrom url: URL) throws {
    guard FileManager.default.fileExists(atPath: url.path) else { throw MeasurementCacheError.missingDatabase(url.path) }
    var configuration = Configuration()
    configuration.readonly = true
    queue = try DatabaseQueue(path: url.path, configuration: configuration)
    let applied = try queue.read { try Self.migrator.appliedIdentifiers($0) }
    let expected = Self.migrator.migrations
    guard applied.sorted() == expected.sorted() else {
      throw MeasurementCacheError.schemaMismatch(url.path, expected: expected, found: applied.sorted())
    }
  }

  /// An in-memory cache, for tests.
  public init() throws {
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    queue = try DatabaseQueue(configuration: configuration)
    try Self.migrator.migrate(queue)
  }

  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try db.execute(sql: """
        CREATE TABLE machine (
          id INTEGER PRIMARY KEY,
          cpuModel TEXT NOT NULL,
          cores INTEGER NOT NULL CHECK (cores > 0),
          operatingSystem TEXT NOT NULL,
          blas TEXT NOT NULL,
          UNIQUE (cpuModel, cores, operatingSystem, blas));
        CREATE TABLE sweep (
          id INTEGER PRIMARY KEY,
          planKey TEXT NOT NULL UNIQUE,
          engineFingerprint TEXT NOT NULL,
          machineId INTEGER NOT NULL REFERENCES machine(id),
          wallSeconds REAL NOT NULL CHECK (wallSeconds >= 0));
        CREATE TABLE measurement (
          sweepId INTEGER NOT NULL REFERENCES sweep(id) ON DELETE CASCADE,
          model TEXT NOT NULL,
          parameters INTEGER NOT NULL CHECK (parameters > 0),
          visualTokens INTEGER NOT NULL CHECK (visualTokens > 0),
          textTokens INTEGER NOT NULL CHECK (textTokens >= 0),
          component TEXT NOT NULL CHECK (component IN ('vision-encoder', 'question-pass', 'compressor', 'prefill', 'decode')),
          flops INTEGER NOT NULL CHECK (flops >= 0),
          medianSeconds REAL NOT NULL CHECK (medianSeconds >= 0),
          PRIMARY KEY (sweepId, model, visualTokens, textTokens, component));
        """)
    }
    migrator.registerMigration("v2") { db in
      try db.execute(sql: "ALTER TABLE sweep ADD COLUMN loadAverage REAL CHECK (loadAverage IS NULL OR loadAverage >= 0)")
    }
    return migrator
  }

  /// The stored sweep for `planKey`, if any.
  public func sweep(planKey: String) throws -> CachedSweep? {
    try queue.read { db in
      guard let sweep = try Row.fetchOne(
        db, sql: """
          SELECT sweep.id, engineFingerprint, wallSeconds, loadAverage, cpuModel, cores, operatingSystem, blas
          FROM sweep JOIN machine ON machine.id = sweep.machineId WHERE planKey = ?
          """, arguments: [planKey])
      else { return nil }
      let rows = try Row.fetchAll(
        db, sql: """
          SELECT model, parameters, visualTokens, textTokens, component, flops, medianSeconds
          FROM measurement WHERE sweepId = ? ORDER BY parameters, model, textTokens, visualTokens
          """, arguments: [sweep["id"] as Int64])
      var measurements: [SweepMeasurement] = []
      for row in rows {
        guard let component = InferenceComponent(rawValue: row["component"]) else { continue }
        let cost = ComponentCost(flops: row["flops"], seconds: row["medianSeconds"])
        if let last = measurements.last, last.model == row["model"], last.V == row["visualTokens"], last.Q == row["textTokens"] {
          measurements[measurements.count - 1].costs[component] = cost
        } else {
          measurements.append(SweepMeasurement(
            model: row["model"], N: row["parameters"], V: row["visualTokens"], Q: row["textTokens"], costs: [component: cost]))
        }
      }
      return CachedSweep(
        planKey: planKey, engineFingerprint: sweep["engineFingerprint"],
        machine: Machine(cpuModel: sweep["cpuModel"], cores: sweep["cores"], operatingSystem: sweep["operatingSystem"], blas: sweep["blas"]),
        wallSeconds: sweep["wallSeconds"], loadAverage: sweep["loadAverage"], measurements: measurements)
    }
  }

  /// Stores `sweep`, replacing any earlier sweep of the same plan, in one transaction; with
  /// `discardingOtherPlans`, sweeps of every other plan go too (an edited plan leaves no orphans).
  ///
  /// Returns the sweep as the store reads it back (measurements in the store's order), which is
  /// what the caller should analyse: a sweep just measured and the same sweep redrawn from the
  /// cache later then give byte-identical outputs (a fit's sums depend on the order of its points).
  @discardableResult
  public func save(_ sweep: CachedSweep, discardingOtherPlans: Bool = false) throws -> CachedSweep {
    try queue.write { db in
      if discardingOtherPlans { try db.execute(sql: "DELETE FROM sweep WHERE planKey <> ?", arguments: [sweep.planKey]) }
      let machine = sweep.machine
      try db.execute(
        sql: "INSERT OR IGNORE INTO machine (cpuModel, cores, operatingSystem, blas) VALUES (?, ?, ?, ?)",
        arguments: [machine.cpuModel, machine.cores, machine.operatingSystem, machine.blas])
      let machineId = try Int64.fetchOne(
        db, sql: "SELECT id FROM machine WHERE cpuModel = ? AND cores = ? AND operatingSystem = ? AND blas = ?",
        arguments: [machine.cpuModel, machine.cores, machine.operatingSystem, machine.blas])!
      try db.execute(sql: "DELETE FROM sweep WHERE planKey = ?", arguments: [sweep.planKey])
      try db.execute(
        sql: "INSERT INTO sweep (planKey, engineFingerprint, machineId, wallSeconds, loadAverage) VALUES (?, ?, ?, ?, ?)",
        arguments: [sweep.planKey, sweep.engineFingerprint, machineId, sweep.wallSeconds, sweep.loadAverage])
      let sweepId = db.lastInsertedRowID
      for measurement in sweep.measurements {
        for (component, cost) in measurement.costs.sorted(by: { $0.key < $1.key }) {
          try db.execute(
            sql: """
              INSERT INTO measurement (sweepId, model, parameters, visualTokens, textTokens, component, flops, medianSeconds)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?)
              """,
            arguments: [sweepId, measurement.model, measurement.N, measurement.V, measurement.Q, component.rawValue, cost.flops, cost.seconds])
        }
      }
      try db.execute(sql: "DELETE FROM machine WHERE id NOT IN (SELECT machineId FROM sweep)")
    }
    guard let stored = try self.sweep(planKey: sweep.planKey) else { preconditionFailure("a sweep just saved reads back") }
    return stored
  }
}

/// The measurement database cannot be read as this code expects.
public enum MeasurementCacheError: Error, Equatable, CustomStringConvertible {
  case missingDatabase(String)
  case schemaMismatch(String, expected: [String], found: [String])

  public var description: String {
    switch self {
    case .missingDatabase(let path):
      return "no inference-cost measurements at \(path): run the inference-cost experiment to measure them"
    case .schemaMismatch(let path, let expected, let found):
      return "\(path) has migrations [\(found.joined(separator: ", "))], this code expects "
        + "[\(expected.joined(separator: ", "))]: re-run the inference-cost experiment with --force"
    }
  }
}
