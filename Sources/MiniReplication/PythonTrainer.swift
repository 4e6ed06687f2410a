import Foundation

/// The PyTorch trainer (`Training/minivlm`), run as child processes of `repro`.
///
/// Training is the only Python in the project and never part of `./repro all` or CI, so the
/// interpreter is looked for only when a training command runs: `REPRO_PYTHON` if set, else the
/// virtualenv `./repro mini setup` makes in `Training/.venv`. Every process runs single-threaded
/// (`OMP_NUM_THREADS=1`, and the trainer calls `torch.set_num_threads(1)`): on two cores, two
/// one-thread processes outrun one two-thread process.
public struct PythonTrainer: Sendable {
  public let python: URL
  public let layout: MiniLayout
  /// `torch.__version__` of the interpreter, checked once.
  public let torchVersion: String

  /// The torch the trainer is pinned to (Training/requirements.txt says the same).
  public static let pinnedTorch = "2.13.0"

  /// Finds the interpreter and checks that it has the pinned torch.
  public init(layout: MiniLayout, environment: [String: String] = ProcessInfo.processInfo.environment) throws(MiniReplicationError) {
    let python = Self.interpreter(layout: layout, environment: environment)
    guard FileManager.default.isExecutableFile(atPath: python.path) else {
      throw .noTrainer(reason: "no Python interpreter at \(python.path)")
    }
    let probe = Self.capture(python, ["-c", "import torch, safetensors, numpy; print(torch.__version__)"])
    guard probe.status == 0 else {
      throw .noTrainer(reason: "\(python.path) cannot import torch, safetensors and numpy")
    }
    let version = probe.output.trimmingCharacters(in: .whitespacesAndNewlines)
    guard version == Self.pinnedTorch || version.hasPrefix(Self.pinnedTorch + "+") else {
      throw .noTrainer(reason: "\(python.path) has torch \(version), the trainer is pinned to \(Self.pinnedTorch)")
    }
    self.python = python
    self.layout = layout
    self.torchVersion = version
  }

  /// Where the interpreter is expected: `REPRO_PYTHON` if set, else `Training/.venv/bin/python`.
  public static func interpreter(layout: MiniLayout, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
    if let explicit = environment["REPRO_PYTHON"], !explicit.isEmpty {
      return URL(fileURLWithPath: explicit).standardizedFileURL
    }
    return layout.trainingDirectory.appendingPathComponent(".venv/bin/python")
  }

  /// The variables every trainer process gets, here or in a Slurm array task: the trainer's
  /// package on the path, no bytecode files in the checkout, and one thread per process.
  public static func environment(layout: MiniLayout) -> [String: String] {
    var environment = ["PYTHONPATH": layout.trainingDirectory.path, "PYTHONDONTWRITEBYTECODE": "1"]
    for variable in ["OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"] { environment[variable] = "1" }
    return environment
  }

  /// The argument vector after the interpreter that runs `minivlm.<module>`.
  public static func moduleArguments(_ module: String, _ arguments: [String]) -> [String] {
    ["-m", "minivlm.\(module)"] + arguments
  }

  /// Runs `python -m minivlm.<module> arguments…` in `Training/`, its output appended to `log`;
  /// returns the exit status.
  public func run(module: String, arguments: [String], log: URL) throws -> Int32 {
    let process = Process()
    process.executableURL = python
    process.arguments = Self.moduleArguments(module, arguments)
    process.currentDirectoryURL = layout.trainingDirectory
    process.environment = ProcessInfo.processInfo.environment.merging(Self.environment(layout: layout)) { $1 }
    FileManager.default.createFile(atPath: log.path, contents: nil)
    let handle = try FileHandle(forWritingTo: log)
    defer { try? handle.close() }
    process.standardOutput = handle
    process.standardError = handle
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
  }

  static func capture(_ executable: URL, _ arguments: [String]) -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return (-1, "") }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}
