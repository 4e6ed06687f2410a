import Foundation
import Notebook

/// Runs one experiment into an empty staging folder. The driver owns everything else (deciding
/// what runs, swapping outputs into place, the lock file), so tests can replace the subprocess
/// with a closure.
public protocol TargetRunner: Sendable {
  /// Writes `experiment`'s outputs into `staging`; throws ``TargetFailure`` if it fails. Must
  /// not start once `control` is interrupted.
  func run(_ experiment: Experiment, root: URL, staging: URL, control: RunControl) throws
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
/// `<executable> --root <root> --output <staging>` (see ``Notebook/ExperimentRun``).
///
/// Output and errors go to a log file beside the staging folder rather than a pipe, so a chatty
/// experiment can never block on a full pipe; the log is shown only if the run fails.
public final class ExecutableRunner: TargetRunner, @unchecked Sendable {
  public let binDirectory: URL
  /// Children in flight, to terminate on Ctrl-C.
  private let children = ChildProcesses()

  public init(binDirectory: URL) {
    self.binDirectory = binDirectory
  }

  public func run(_ experiment: Experiment, root: URL, staging: URL, control: RunControl) throws {
    let executable = binDirectory.appendingPathComponent(experiment.executable)
    guard FileManager.default.isExecutableFile(atPath: executable.path) else {
      throw TargetFailure(message: DriverError.notBuilt(executable: experiment.executable, binDirectory: binDirectory.path).description)
    }
    let logURL = staging.appendingPathExtension("log")
    guard FileManager.default.createFile(atPath: logURL.path, contents: nil) else {
      throw TargetFailure(message: "cannot create \(logURL.path)")
    }
    defer { try? FileManager.default.removeItem(at: logURL) }
    let log = try FileHandle(forWritingTo: logURL)
    defer { try? log.close() }

    let termination = try children.run(
      executable, arguments: ["--root", root.path, "--output", staging.path], log: log, unless: control)

    let text = (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
    switch termination {
    case .exited(status: 0):
      return
    case .exited(status: 3):
      throw TargetFailure(message: "outputs written but the images were not rendered (gnuplot missing); install gnuplot and rerun", log: text)
    case .exited(let status):
      throw TargetFailure(message: "\(experiment.executable) exited with status \(status)", log: text)
    case .killed(let signal):
      throw TargetFailure(message: "\(experiment.executable) was killed by signal \(signal)", log: text)
    }
  }

  public func cancelAll() {
    children.terminateAll()
  }
}
