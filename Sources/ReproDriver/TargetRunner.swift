import ExperimentRegistry
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs one experiment into an empty staging folder. The driver owns everything else (deciding
/// what runs, swapping outputs into place, the lock file), so tests can replace the subprocess
/// with a closure.
public protocol TargetRunner: Sendable {
  /// Writes `experiment`'s outputs into `staging`; throws ``TargetFailure`` if it fails. Must
  /// not start once `control` is interrupted. Returns the fingerprints of the data the experiment
  /// read (selection id → SHA-256 of its canonical dump, see
  /// ``ResultsStore/ResultsDatabase/readFingerprints``): what the lock records, so a target's
  /// recorded data is the data its outputs were made from.
  func run(_ experiment: Experiment, root: URL, staging: URL, control: RunControl) throws -> [String: String]
  /// Stops every run in progress (called after `control` is interrupted); they then throw.
  func cancelAll()
}

/// Why one target failed, with what it printed.
public struct TargetFailure: Error, Equatable, Sendable, CustomStringConvertible {
  public var message: String
  /// The experiment's standard error (and output), to show the user.
  public var log: String

  public init(message: String, log: String = "") {
    self.message = message
    self.log = log
  }

  public var description: String { message }
}

/// Runs experiments as the executables built beside `repro`, each as
/// `<executable> --root <root> --output <staging> --report-data <staging>.data --exit-with-driver`
/// (see ``Notebook/ExperimentRun``).
///
/// Output and errors go to a log file beside the staging folder rather than a pipe, so a chatty
/// experiment can never block on a full pipe; the log is shown only if the run fails.
///
/// Each experiment's standard input is the read end of a pipe whose write end only this process
/// holds (its *lifeline*). However the driver ends, even by SIGKILL, the kernel closes the write
/// end; the experiment sees end-of-file and ends itself and the processes it started (gnuplot),
/// so none runs on as an orphan. A pipe rather than Linux's `PR_SET_PDEATHSIG`: it works on
/// every platform and has no window between the driver's death and the child's arming.
public final class ExecutableRunner: TargetRunner, @unchecked Sendable {
  public let binDirectory: URL
  /// Children in flight, to terminate on Ctrl-C; guarded by `lock`.
  private var running: [Process] = []
  private let lock = NSLock()
  private let lifeline = Pipe()

  public init(binDirectory: URL) {
    self.binDirectory = binDirectory
    // Not inherited across exec: only the child's standard input (a dup2 of the read end) is.
    for handle in [lifeline.fileHandleForReading, lifeline.fileHandleForWriting] {
      _ = fcntl(handle.fileDescriptor, F_SETFD, FD_CLOEXEC)
    }
  }

  /// The executable's arguments for `experiment`: where the project is, where to write, where
  /// to report the data it read; and `--target` for a registration that is not the
  /// executable's own, so it runs that registration's settings.
  static func arguments(_ experiment: Experiment, root: URL, staging: URL, data: URL) -> [String] {
    ["--root", root.path, "--output", staging.path, "--report-data", data.path, "--exit-with-driver"]
      + (experiment.target == experiment.executable ? [] : ["--target", experiment.target])
  }

  public func run(_ experiment: Experiment, root: URL, staging: URL, control: RunControl) throws -> [String: String] {
    let executable = binDirectory.appendingPathComponent(experiment.executable)
    guard FileManager.default.isExecutableFile(atPath: executable.path) else {
      throw TargetFailure(message: DriverError.notBuilt(executable: experiment.executable, binDirectory: binDirectory.path).description)
    }
    let logURL = staging.appendingPathExtension("log")
    guard FileManager.default.createFile(atPath: logURL.path, contents: nil) else {
      throw TargetFailure(message: "cannot create \(logURL.path)")
    }
    defer { try? FileManager.default.removeItem(at: logURL) }
    let dataURL = staging.appendingPathExtension("data")
    defer { try? FileManager.default.removeItem(at: dataURL) }
    let log = try FileHandle(forWritingTo: logURL)
    defer { try? log.close() }

    let process = Process()
    process.executableURL = executable
    process.arguments = Self.arguments(experiment, root: root, staging: staging, data: dataURL)
    process.standardOutput = log
    process.standardError = log
    process.standardInput = lifeline.fileHandleForReading
    try start(process, unless: control)
    process.waitUntilExit()
    finish(process)

    let text = (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
    switch (process.terminationReason, process.terminationStatus) {
    case (.exit, 0):
      guard let data = FileManager.default.contents(atPath: dataURL.path),
        let read = try? JSONDecoder().decode([String: String].self, from: data)
      else {
        throw TargetFailure(
          message: "\(experiment.target) did not report the data it read (--report-data): rebuild it from this checkout", log: text)
      }
      return read
    case (.exit, 3):
      throw TargetFailure(message: "outputs written but the images were not rendered (gnuplot missing); install gnuplot and rerun", log: text)
    case (.exit, let status):
      throw TargetFailure(message: "\(experiment.target) exited with status \(status)", log: text)
    case (_, let signal):
      throw TargetFailure(message: "\(experiment.target) was killed by signal \(signal)", log: text)
    }
  }

  public func cancelAll() {
    lock.lock()
    defer { lock.unlock() }
    for process in running where process.isRunning { process.terminate() }
  }

  /// Starts `process` unless the run was interrupted. Checked under the same lock `cancelAll`
  /// takes, so a process is either never started or seen (and terminated) by `cancelAll`.
  private func start(_ process: Process, unless control: RunControl) throws {
    lock.lock()
    defer { lock.unlock() }
    guard control.interruptedBy == nil else { throw TargetFailure(message: "interrupted before it started") }
    try process.run()
    running.append(process)
  }

  private func finish(_ process: Process) {
    lock.lock()
    defer { lock.unlock() }
    running.removeAll { $0 === process }
  }
}
