import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The child processes a run has started, so that one interrupt stops them all.
///
/// Shared by everything in `repro` that runs long-lived children (experiments, sweep cells):
/// output goes to a log file rather than a pipe, so a chatty child can never block on a full
/// pipe, and a child is either never started or seen by ``terminateAll()``.
public final class ChildProcesses: @unchecked Sendable {
  /// How a child ended.
  public enum Termination: Equatable, Sendable {
    case exited(status: Int32)
    case killed(signal: Int32)

    public var succeeded: Bool { self == .exited(status: 0) }
  }

  /// Children in flight; guarded by `lock`.
  private var running: [Process] = []
  private let lock = NSLock()

  public init() {}

  /// Runs `executable` to its end with standard output and error appended to `log` and no
  /// standard input. Throws ``TargetFailure`` without starting it if `control` is interrupted.
  ///
  /// - Parameter environment: the child's whole environment (`nil`: this process's).
  public func run(
    _ executable: URL, arguments: [String], directory: URL? = nil, environment: [String: String]? = nil,
    log: FileHandle, unless control: RunControl
  ) throws -> Termination {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    if let environment { process.environment = environment }
    process.standardOutput = log
    process.standardError = log
    process.standardInput = FileHandle.nullDevice
    try start(process, unless: control)
    process.waitUntilExit()
    finish(process)
    return Self.termination(of: process)
  }

  /// Stops every child in flight (SIGTERM); their `run` calls then return.
  public func terminateAll() {
    lock.lock()
    defer { lock.unlock() }
    for process in running where process.isRunning { process.terminate() }
  }

  /// What a short command printed: for asking a tool (a scheduler, a version) a question.
  public struct Output: Sendable {
    public var termination: Termination
    public var standardOutput: String
    public var standardError: String
  }

  /// Runs a short command to its end and returns what it printed. Both streams are read at once
  /// (standard error on a thread of its own), so neither pipe can fill up and block the child.
  public static func output(of executable: URL, arguments: [String], environment: [String: String]? = nil) throws -> Output {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let environment { process.environment = environment }
    let (out, err) = (Pipe(), Pipe())
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try withSignalsUnblocked { try process.run() }
    let errors = ErrorsReader(err.fileHandleForReading)
    let output = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Output(
      termination: termination(of: process), standardOutput: String(decoding: output, as: UTF8.self),
      standardError: String(decoding: errors.wait(), as: UTF8.self))
  }

  /// Starts `process` unless the run was interrupted. Checked under the same lock
  /// `terminateAll` takes, so a process is either never started or seen (and terminated) by it.
  private func start(_ process: Process, unless control: RunControl) throws {
    lock.lock()
    defer { lock.unlock() }
    guard control.interruptedBy == nil else { throw TargetFailure(message: "interrupted before it started") }
    try Self.withSignalsUnblocked { try process.run() }
    running.append(process)
  }

  private func finish(_ process: Process) {
    lock.lock()
    defer { lock.unlock() }
    running.removeAll { $0 === process }
  }

  /// Runs `body` with SIGINT, SIGTERM and SIGHUP unblocked in this thread. A child starts with
  /// the signal mask of the thread that spawns it, and the threads of a dispatch pool or a test
  /// runner block these: a child started from one would ignore ``terminateAll()`` — and so would
  /// every daemon it starts.
  static func withSignalsUnblocked<T>(_ body: () throws -> T) rethrows -> T {
    var set = sigset_t()
    var previous = sigset_t()
    sigemptyset(&set)
    for number in SignalForwarding.signals { sigaddset(&set, number) }
    pthread_sigmask(SIG_UNBLOCK, &set, &previous)
    defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
    return try body()
  }

  private static func termination(of process: Process) -> Termination {
    process.terminationReason == .exit
      ? .exited(status: process.terminationStatus) : .killed(signal: process.terminationStatus)
  }
}

/// Reads a pipe to its end on a thread of its own.
private final class ErrorsReader: @unchecked Sendable {
  private var data = Data()
  private let done = DispatchSemaphore(value: 0)

  init(_ handle: FileHandle) {
    Thread { [self] in
      data = handle.readDataToEndOfFile()
      done.signal()
    }.start()
  }

  func wait() -> Data {
    done.wait()
    return data
  }
}
