import Foundation
import ReproDriver
import Sweep
import Testing

/// A scratch folder with a toy sweep: cells that run `Fixtures/toy-cell.sh` and write a result
/// and a record of its SHA-256.
struct ToySweep {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
  static let toyCell = fixtures.appendingPathComponent("toy-cell.sh")

  let root: URL
  var file: URL { root.appendingPathComponent("sweep.json") }

  init() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("sweep-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
  }

  func remove() { try? FileManager.default.removeItem(at: root) }

  /// The toy definition: `cells` as (name, rounds); `environment` may set `TOY_CELL_HOLD`.
  static func definition(_ cells: [(String, Int)], name: String = "toy", environment: [String: String] = [:]) -> SweepDefinition {
    SweepDefinition(
      name: name, command: ["sh", toyCell.path, "{cell}", "{rounds}", "{out}"],
      environment: environment.merging(["LC_ALL": "C"]) { $1 }, results: "cells",
      outputs: ["result.txt", "record.json"], digests: DigestRecord(record: "record.json", field: "sha256"),
      cells: cells.map { SweepCell(name: $0.0, parameters: ["rounds": "\($0.1)"]) })
  }

  func driver(_ definition: SweepDefinition, scheduler: any SlurmScheduler = NoScheduler(), verifier: CellVerifier? = nil) throws -> SweepDriver {
    try SweepDriver(definition: definition, baseDirectory: root, scheduler: scheduler, verifier: verifier)
  }

  /// Every file under the cell cache (relative path → bytes), the work folder excluded.
  func cache() -> [String: Data] {
    let folder = root.appendingPathComponent("cells")
    var files: [String: Data] = [:]
    let walker = FileManager.default.enumerator(atPath: folder.path)
    while let relative = walker?.nextObject() as? String {
      let url = folder.appendingPathComponent(relative)
      var isDirectory: ObjCBool = false
      guard !relative.hasPrefix(".sweep"), FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue
      else { continue }
      files[relative] = FileManager.default.contents(atPath: url.path)
    }
    return files
  }
}

/// No scheduler at all: `sbatch`, `squeue` and `sacct` absent.
struct NoScheduler: SlurmScheduler {
  var canSubmit: Bool { false }
  func submit(script: URL) throws -> String { throw SweepError.schedulerFailed(command: "sbatch", status: "absent", message: "") }
  func queuedTasks(of jobs: [String]) throws -> [ArrayTask: String]? { nil }
  func endedTasks(of jobs: [String]) -> [ArrayTask: String]? { nil }
  func submitCommand(for script: URL) -> String { "sbatch \(script.path)" }
}

/// A scheduler in the test process: `submit` queues the script's tasks, `runQueued` runs them
/// with bash as Slurm would (same environment variables, output to the `%A_%a` log), and
/// `cancel` drops a queued task as `scancel` would.
final class FakeSlurm: SlurmScheduler, @unchecked Sendable {
  private let lock = NSLock()
  private var nextJob = 4242
  private var queued: [ArrayTask: URL] = [:]
  private(set) var submitted: [(jobID: String, cells: [String])] = []
  /// What accounting says about ended tasks (`nil`: accounting disabled).
  var accounting: [ArrayTask: String]? = nil

  var canSubmit: Bool { true }

  func submit(script: URL) throws -> String {
    let cells = try String(contentsOf: script.deletingLastPathComponent().appendingPathComponent("cells.txt"), encoding: .utf8)
      .split(separator: "\n").map(String.init)
    lock.lock()
    defer { lock.unlock() }
    let jobID = "\(nextJob)"
    nextJob += 1
    for index in cells.indices { queued[ArrayTask(jobID: jobID, index: index)] = script }
    submitted.append((jobID, cells))
    return jobID
  }

  func queuedTasks(of jobs: [String]) throws -> [ArrayTask: String]? {
    lock.lock()
    defer { lock.unlock() }
    return Dictionary(uniqueKeysWithValues: queued.keys.filter { jobs.contains($0.jobID) }.map { ($0, "PENDING") })
  }

  func endedTasks(of jobs: [String]) -> [ArrayTask: String]? { accounting }

  func submitCommand(for script: URL) -> String { "sbatch \(script.path)" }

  /// Drops a queued task without running it.
  func cancel(_ task: ArrayTask) {
    lock.lock()
    queued[task] = nil
    lock.unlock()
  }

  /// Runs every queued task to its end, one after another; returns their exit statuses.
  @discardableResult func runQueued() throws -> [ArrayTask: Int32] {
    lock.lock()
    let tasks = queued.sorted { ($0.key.jobID, $0.key.index) < ($1.key.jobID, $1.key.index) }
    lock.unlock()
    var statuses: [ArrayTask: Int32] = [:]
    for (task, script) in tasks {
      let logs = script.deletingLastPathComponent().appendingPathComponent("logs")
      let logURL = logs.appendingPathComponent("\(task.jobID)_\(task.index).out")
      #expect(FileManager.default.createFile(atPath: logURL.path, contents: nil))
      let log = try FileHandle(forWritingTo: logURL)
      var environment = ProcessInfo.processInfo.environment
      environment["SLURM_ARRAY_JOB_ID"] = task.jobID
      environment["SLURM_ARRAY_TASK_ID"] = "\(task.index)"
      let termination = try ChildProcesses().run(
        URL(fileURLWithPath: "/bin/bash"), arguments: [script.path], environment: environment, log: log, unless: RunControl())
      try log.close()
      statuses[task] = if case .exited(let status) = termination { status } else { -1 }
      cancel(task)
    }
    return statuses
  }
}
