import Foundation
import ReproDriver

/// One task of a job array: `<job id>_<index>` in Slurm's notation.
public struct ArrayTask: Hashable, Codable, Sendable, CustomStringConvertible {
  public var jobID: String
  public var index: Int

  public init(jobID: String, index: Int) {
    self.jobID = jobID
    self.index = index
  }

  public var description: String { "\(jobID)_\(index)" }
}

/// What the sweep asks of a batch scheduler. ``SlurmCommands`` asks Slurm's own commands; tests
/// substitute a scheduler that runs the script's tasks directly.
public protocol SlurmScheduler: Sendable {
  /// Whether a script can be submitted from here (`sbatch` is on `PATH`).
  var canSubmit: Bool { get }
  /// Submits the job-array script; returns the array's job id.
  func submit(script: URL) throws -> String
  /// The state (`PENDING`, `RUNNING`, …) of every queued or running task of `jobs`, or `nil`
  /// if the scheduler cannot be asked from here.
  func queuedTasks(of jobs: [String]) throws -> [ArrayTask: String]?
  /// The final state of ended tasks of `jobs` (`FAILED`, `CANCELLED by 0`, `TIMEOUT`, …) with
  /// the exit code, from accounting, or `nil` if accounting is not available.
  func endedTasks(of jobs: [String]) -> [ArrayTask: String]?
  /// The command a user would type to submit `script` by hand.
  func submitCommand(for script: URL) -> String
}

/// Slurm itself: `sbatch`, `squeue` and `sacct` found on `PATH`.
public struct SlurmCommands: SlurmScheduler {
  /// Variables added to the commands' environment (e.g. `SLURM_CONF` for a private cluster).
  public let environment: [String: String]
  private let sbatch: URL?
  private let squeue: URL?
  private let sacct: URL?

  public init(environment: [String: String] = [:]) {
    self.environment = environment
    let all = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let path = all["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    sbatch = ExecutableSearch.find("sbatch", path: path)
    squeue = ExecutableSearch.find("squeue", path: path)
    sacct = ExecutableSearch.find("sacct", path: path)
  }

  public var canSubmit: Bool { sbatch != nil }

  public func submit(script: URL) throws -> String {
    guard let sbatch else { throw SweepError.schedulerFailed(command: "sbatch", status: "not found", message: "sbatch is not on PATH") }
    let output = try run(sbatch, ["--parsable", script.path])
    guard output.termination.succeeded else {
      throw SweepError.schedulerFailed(
        command: "sbatch \(script.path)", status: "\(output.termination)", message: output.standardError.trimmingCharacters(in: .whitespacesAndNewlines))
    }
    guard let jobID = Self.parseJobID(output.standardOutput) else {
      throw SweepError.schedulerFailed(
        command: "sbatch --parsable", status: "unexpected reply", message: "expected a job id, got '\(output.standardOutput)'")
    }
    return jobID
  }

  /// `sbatch --parsable` prints `<job id>` or `<job id>;<cluster>`.
  static func parseJobID(_ text: String) -> String? {
    let line = text.split(whereSeparator: \.isNewline).last.map(String.init) ?? ""
    let id = line.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
    return !id.isEmpty && id.allSatisfy({ $0.isASCII && $0.isNumber }) ? id : nil
  }

  public func queuedTasks(of jobs: [String]) throws -> [ArrayTask: String]? {
    guard let squeue else { return nil }
    guard !jobs.isEmpty else { return [:] }
    // --me rather than -j: squeue fails for job ids it has already forgotten.
    let output = try run(squeue, ["--me", "--noheader", "--array", "--format=%F|%K|%T"])
    guard output.termination.succeeded else {
      throw SweepError.schedulerFailed(
        command: "squeue", status: "\(output.termination)", message: output.standardError.trimmingCharacters(in: .whitespacesAndNewlines))
    }
    return Self.parseTasks(output.standardOutput, jobs: Set(jobs))
  }

  /// Lines `<array job id>|<task index>|<state>`; other jobs and malformed lines are skipped.
  static func parseTasks(_ text: String, jobs: Set<String>) -> [ArrayTask: String] {
    var tasks: [ArrayTask: String] = [:]
    for line in text.split(whereSeparator: \.isNewline) {
      let fields = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
      guard fields.count == 3, jobs.contains(fields[0]), let index = Int(fields[1]) else { continue }
      tasks[ArrayTask(jobID: fields[0], index: index)] = fields[2]
    }
    return tasks
  }

  public func endedTasks(of jobs: [String]) -> [ArrayTask: String]? {
    guard let sacct, !jobs.isEmpty else { return nil }
    guard
      let output = try? run(sacct, ["--noheader", "--parsable2", "--allocations", "--jobs=\(jobs.joined(separator: ","))", "--format=JobID,State,ExitCode"]),
      output.termination.succeeded
    else { return nil }  // e.g. "Slurm accounting storage is disabled"
    return Self.parseAccounting(output.standardOutput)
  }

  /// Lines `<job>_<index>|<state>|<exit code>` → "STATE (exit code)"; unexpanded ranges skipped.
  static func parseAccounting(_ text: String) -> [ArrayTask: String] {
    var tasks: [ArrayTask: String] = [:]
    for line in text.split(whereSeparator: \.isNewline) {
      let fields = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
      guard fields.count == 3 else { continue }
      let id = fields[0].split(separator: "_")
      guard id.count == 2, let index = Int(id[1]) else { continue }
      tasks[ArrayTask(jobID: String(id[0]), index: index)] = "\(fields[1]) (exit code \(fields[2]))"
    }
    return tasks
  }

  public func submitCommand(for script: URL) -> String {
    "sbatch " + BashQuoting.quote(script.path)
  }

  private func run(_ executable: URL, _ arguments: [String]) throws -> ChildProcesses.Output {
    try ChildProcesses.output(
      of: executable, arguments: arguments, environment: ProcessInfo.processInfo.environment.merging(environment) { $1 })
  }
}

/// Finding a program on `PATH`, as a shell would.
enum ExecutableSearch {
  static func find(_ name: String, path: String, relativeTo directory: URL? = nil) -> URL? {
    if name.contains("/") {
      let url = name.hasPrefix("/") || directory == nil ? URL(fileURLWithPath: name) : directory!.appendingPathComponent(name)
      return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
    }
    for folder in path.split(separator: ":") where !folder.isEmpty {
      let url = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
        FileManager.default.isExecutableFile(atPath: url.path)
      {
        return url
      }
    }
    return nil
  }
}
