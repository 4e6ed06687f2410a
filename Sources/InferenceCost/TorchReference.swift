import Foundation

/// A PyTorch (eager, CPU) reference run as a Python subprocess: the timing a benchmark divides by.
///
/// The interpreter is, in order: the explicit `--python`, `$REPRO_TORCH_PYTHON`, the project's
/// training virtualenv where it exists (the caller names it: `MiniReplication.PythonTrainer`
/// knows where `repro mini setup` puts it), else `python3`. Torch is never required: when it is
/// missing, the benchmark says so and reports the Swift side only.
public struct TorchReference: Sendable {
  public static let environmentVariable = "REPRO_TORCH_PYTHON"

  public var python: String

  public init(
    python explicit: String? = nil, trainingVirtualenv: URL? = nil,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) {
    if let explicit {
      python = explicit
    } else if let variable = environment[Self.environmentVariable], !variable.isEmpty {
      python = variable
    } else if let trainingVirtualenv, FileManager.default.isExecutableFile(atPath: trainingVirtualenv.path) {
      python = trainingVirtualenv.path
    } else {
      python = "python3"
    }
  }

  /// Why the reference could not run.
  public struct Unavailable: Error, CustomStringConvertible, Sendable {
    public var description: String
  }

  /// Runs `python arguments…` (with `environment` added) and parses its standard output as one
  /// JSON object. A missing interpreter or a missing `torch` module is reported as such.
  public func runJSON(_ arguments: [String], environment: [String: String] = [:]) -> Result<[String: Any], Unavailable> {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [python] + arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let output = Pipe(), errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      return .failure(Unavailable(description: "cannot start \(python): \(error)"))
    }
    // Read both pipes to the end before waiting, so a chatty child never blocks on a full pipe.
    nonisolated(unsafe) var stderr = Data()
    let drained = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      stderr = errors.fileHandleForReading.readDataToEndOfFile()
      drained.signal()
    }
    let stdout = output.fileHandleForReading.readDataToEndOfFile()
    drained.wait()
    process.waitUntilExit()
    let message = String(decoding: stderr, as: UTF8.self)
    if message.contains("No module named 'torch'") {
      return .failure(Unavailable(description: "torch is not installed for \(python) (set \(Self.environmentVariable) or --python)"))
    }
    guard process.terminationStatus == 0,
      let reply = try? JSONSerialization.jsonObject(with: stdout) as? [String: Any]
    else {
      let last = message.split(separator: "\n").last.map(String.init) ?? "exit status \(process.terminationStatus)"
      return .failure(Unavailable(description: "\(python) failed: \(last)"))
    }
    return .success(reply)
  }
}
