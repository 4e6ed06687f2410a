import Foundation
import ResultsStore
import Testing

@testable import ReproDriver
import ExperimentRegistry

/// A scratch project: a copy of the real `paper-artifacts/` seeds and database, no outputs.
struct Sandbox {
  let root: URL
  var layout: ProjectLayout { ProjectLayout(root: root) }
  var figures: URL { layout.figuresDirectory }
  var lockURL: URL { figures.appendingPathComponent("repro.lock") }

  /// The package this test file belongs to.
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  init() throws {
    let files = FileManager.default
    root = files.temporaryDirectory.appendingPathComponent("repro-driver-tests-\(UUID().uuidString)")
    let seeds = ProjectLayout(root: root).seedDirectory
    try files.createDirectory(at: seeds, withIntermediateDirectories: true)
    let source = ProjectLayout(root: Self.packageRoot).seedDirectory
    for name in try files.contentsOfDirectory(atPath: source.path) where !name.hasPrefix(".") && !name.hasSuffix(".md") {
      try files.copyItem(at: source.appendingPathComponent(name), to: seeds.appendingPathComponent(name))
    }
  }

  func remove() {
    try? FileManager.default.removeItem(at: root)
  }

  /// Rewrites a seed file (they are shipped read-only).
  func editSeed(_ name: String, _ transform: (String) -> String) throws {
    let url = layout.seedDirectory.appendingPathComponent(name)
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: url.path)
    let text = try String(contentsOf: url, encoding: .utf8)
    let edited = transform(text)
    #expect(edited != text, "the edit must change \(name)")
    try Data(edited.utf8).write(to: url)
  }

  /// Sets every file's modification date under `directory` to now, changing no byte.
  func touchAll(under directory: URL) throws {
    let walker = FileManager.default.enumerator(atPath: directory.path)
    while let relative = walker?.nextObject() as? String {
      try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: directory.appendingPathComponent(relative).path)
    }
  }

  func lockFile() throws -> LockFile { try LockFile.load(from: lockURL) }

  func lockBytes() -> Data? { FileManager.default.contents(atPath: lockURL.path) }

  /// Every file under `Figures/<name>/` (relative path → bytes).
  func outputs(of name: String) -> [String: Data] {
    let folder = figures.appendingPathComponent(name)
    var result: [String: Data] = [:]
    let walker = FileManager.default.enumerator(atPath: folder.path)
    while let relative = walker?.nextObject() as? String {
      if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(relative).path) { result[relative] = data }
    }
    return result
  }
}

/// A stand-in for the experiment executables: writes `out.txt` from the target's parameters,
/// the canonical dump of the rows it reads and its upstream targets' `out.txt`, plus a
/// `summary.json`. Records every run; individual targets can be given extra behaviour.
final class FakeRunner: TargetRunner, @unchecked Sendable {
  private let lock = NSLock()
  private var log: [String] = []
  private var hooks: [String: @Sendable (URL, RunControl) throws -> Void] = [:]
  private var delays: [String: Double] = [:]

  var runs: [String] {
    lock.lock()
    defer { lock.unlock() }
    return log
  }

  /// Runs `hook` (with the staging folder) before the target writes its outputs.
  func hook(_ executable: String, _ hook: @escaping @Sendable (URL, RunControl) throws -> Void) {
    lock.lock()
    hooks[executable] = hook
    lock.unlock()
  }

  func delay(_ executable: String, seconds: Double) {
    lock.lock()
    delays[executable] = seconds
    lock.unlock()
  }

  func run(_ experiment: Experiment, root: URL, staging: URL, control: RunControl) throws -> [String: String] {
    lock.lock()
    log.append(experiment.executable)
    let hook = hooks[experiment.executable]
    let delay = delays[experiment.executable]
    lock.unlock()
    if let delay { Thread.sleep(forTimeInterval: delay) }
    try hook?(staging, control)
    let layout = ProjectLayout(root: root)
    let database = try ResultsDatabase.openReadOnly(layout)
    var text = "\(experiment.executable)\n"
    text += experiment.parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)\n" }.joined()
    text += try experiment.inputs.map { try database.canonicalDump($0) }.joined()
    for upstream in experiment.dependsOn {
      text += try String(contentsOf: layout.figuresDirectory.appendingPathComponent("exp-\(upstream)/out.txt"), encoding: .utf8)
    }
    try Data(text.utf8).write(to: staging.appendingPathComponent("out.txt"))
    let summary = "{\n  \"alpha\" : 0.07712345678901233,\n  \"rows\" : \(text.count),\n  \"seed\" : 18446744073709551615\n}\n"
    try Data(summary.utf8).write(to: staging.appendingPathComponent("summary.json"))
    return database.readFingerprints
  }

  func cancelAll() {}
}

/// Code manifests set by the test: by default one source file per executable.
final class FakeCode: CodeSource, @unchecked Sendable {
  private let lock = NSLock()
  private var table: [String: TargetCode] = [:]

  func set(_ executable: String, files: [String: String], linksRenderer: Bool = false) {
    lock.lock()
    table[executable] = TargetCode(manifest: CodeManifest(files: files), linksRenderer: linksRenderer)
    lock.unlock()
  }

  func code(of executable: String) throws -> TargetCode {
    lock.lock()
    defer { lock.unlock() }
    return table[executable]
      ?? TargetCode(
        manifest: CodeManifest(files: ["Experiments/\(executable)/main.swift": ContentHash.of(text: executable)]),
        linksRenderer: executable == "exp-a")
  }
}

/// A thread-safe value the test can change between runs (e.g. the gnuplot version).
final class Setting: @unchecked Sendable {
  private let lock = NSLock()
  private var current: String
  init(_ value: String) { current = value }
  var value: String {
    get { lock.lock(); defer { lock.unlock() }; return current }
    set { lock.lock(); current = newValue; lock.unlock() }
  }
}

/// Four experiments: a and b read the two grids, c reads Table 1 and a's outputs, d reads b's
/// and c's outputs. a links the renderer.
func sampleExperiments(aMethod: String = "least-squares", bQ: String = "0,50") -> [Experiment] {
  [
    Experiment(id: "a", executable: "exp-a", title: "A", inputs: [.results(suite: .visualReasoning)], parameters: ["method": aMethod]),
    Experiment(id: "b", executable: "exp-b", title: "B", inputs: [.results(suite: .ocr)], parameters: ["Q": bQ]),
    Experiment(id: "c", executable: "exp-c", title: "C", inputs: [.table1], parameters: [:], dependsOn: ["a"]),
    Experiment(id: "d", executable: "exp-d", title: "D", inputs: [], parameters: ["k": "1"], dependsOn: ["c", "b"]),
  ]
}

/// A driver over `experiments` in `sandbox` with fake code, runner and gnuplot.
func makeDriver(
  _ sandbox: Sandbox, _ experiments: [Experiment] = sampleExperiments(), runner: FakeRunner = FakeRunner(),
  code: FakeCode = FakeCode(), gnuplot: Setting = Setting("gnuplot 5.4 patchlevel 4")
) throws -> Driver {
  try Driver(layout: sandbox.layout, experiments: experiments, code: code, runner: runner, gnuplotVersion: { gnuplot.value })
}

extension RunReport {
  /// Targets that were rebuilt, in plan order.
  var built: [String] {
    results.compactMap { if case .built = $0.outcome { $0.experiment.target } else { nil } }
  }

  /// The reasons a target was (or would be) rebuilt.
  func reasons(_ name: String) -> [StaleReason] {
    switch outcome(of: name) {
    case .built(let reasons, _), .wouldRun(let reasons), .failed(let reasons, _): reasons
    default: []
    }
  }
}
