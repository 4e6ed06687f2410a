import Foundation
import ResultsStore
import Testing

@testable import ReproDriver
import ExperimentRegistry

/// The driver with the real `figure1` executable, and the real `repro` tool killed mid-run.
@Suite(.serialized) struct EndToEndTests {
  /// Where `swift build` put this test bundle, `repro` and `figure1`.
  static let binDirectory = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0]))
    .resolvingSymlinksInPath().deletingLastPathComponent()

  static func executable(_ name: String) throws -> URL {
    let url = binDirectory.appendingPathComponent(name)
    try #require(FileManager.default.isExecutableFile(atPath: url.path), "\(name) is not built in \(binDirectory.path)")
    return url
  }

  /// Each experiment links only what it imports, so a library's sources reach exactly the
  /// fingerprints of the experiments that use it: editing Table 1's LaTeX writer makes Table 1
  /// and the report (whose ledger counts Table 1's best benchmarks) stale, and no figure.
  @Test func editingTable1sLaTeXWriterMakesOnlyTable1AndTheReportStale() throws {
    let products = BuildProducts(binDirectory: Self.binDirectory)
    let writer = "Sources/TokenCompressionTable/Table1+LaTeX.swift"
    let linking = try Experiment.all.filter { try products.code(of: $0.executable).manifest.files[writer] != nil }.map(\.target)
    #expect(linking == ["table1", "mini-table1", "mini-table1-ocr", "report"], "Table 1 and its miniature registrations, then the report")
    // The same for the functional forms: the robustness experiment and the report read them; the
    // registry names them rather than linking them into every experiment.
    let form = "Sources/LawForms/LawForm.swift"
    #expect(try Experiment.all.map(\.executable).filter { try products.code(of: $0).manifest.files[form] != nil } == ["robustness", "report"])
    for executable in Experiment.all.map(\.executable) {
      let files = try products.code(of: executable).manifest.files.keys
      #expect(!files.contains { $0.hasPrefix(BuildProducts.registrySources) }, "\(executable) hashes the registry as code")
    }
  }

  @Test func figure1ThroughTheDriverMatchesFigure1OnItsOwnAndIsANoOpTheSecondTime() throws {
    let driven = try Sandbox()
    let alone = try Sandbox()
    defer {
      driven.remove()
      alone.remove()
    }
    let driver = try Driver.standard(layout: driven.layout, binDirectory: Self.binDirectory, experiments: [.figure1])
    let first = try driver.run(RunOptions())
    #expect(first.built == ["figure1"])
    let entry = try #require(try driven.lockFile().targets["figure1"])
    #expect(entry.id == "1")
    #expect(entry.outputs.keys.sorted() == ["figure1.csv", "figure1.gp", "figure1.pdf", "figure1.png", "figure1.svg", "fits.json", "summary.json"])
    #expect(entry.code.files.keys.contains("Experiments/Figure1/main.swift"))
    #expect(entry.code.files.keys.contains("Sources/ScalingLawFit/LeastSquaresFit.swift"))
    #expect(!entry.code.files.keys.contains { $0.hasPrefix("Sources/ReproDriver/") })
    #expect(entry.code.files["Sources/ExperimentModel/Experiment.swift"] != nil)
    #expect(!entry.code.files.keys.contains { $0.hasPrefix("Sources/ExperimentRegistry/") })
    #expect(entry.code.packages["swift-numerics"] != nil)
    #expect(entry.inputs.gnuplot?.hasPrefix("gnuplot") == true)
    guard case .object(let summary) = entry.summary, case .object(let fit) = summary["fit"] else {
      Issue.record("the lock holds no fit summary")
      return
    }
    #expect(fit["method"] == .string("least-squares"))

    let clock = ContinuousClock()
    var second: RunReport?
    let noOp = try clock.measure { second = try driver.run(RunOptions()) }
    #expect(second?.results.map(\.outcome) == [.upToDate])
    #expect(noOp < .seconds(1))

    let standalone = Process()
    standalone.executableURL = try Self.executable("figure1")
    standalone.arguments = ["--root", alone.root.path]
    try standalone.run()
    standalone.waitUntilExit()
    #expect(standalone.terminationStatus == 0)
    #expect(alone.outputs(of: "figure1") == driven.outputs(of: "figure1"))
  }

  @Test func statusNamesTheDataChangeOfTheRowsFigure1Reads() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let driver = try Driver.standard(layout: sandbox.layout, binDirectory: Self.binDirectory, experiments: [.figure1])
    _ = try driver.run(RunOptions())
    try sandbox.editSeed("ocr_avg_accuracy.csv") { $0.replacingOccurrences(of: "0.5,1,0.09786452795", with: "0.5,1,0.09786452796") }
    #expect(try driver.status().results.map(\.outcome) == [.upToDate])
    try sandbox.editSeed("visual_reasoning_avg_accuracy.csv") { $0.replacingOccurrences(of: "0.5,1,0.3855", with: "0.5,1,0.3856") }
    #expect(try driver.status().reasons("figure1") == [.dataChanged(selections: ["results:visual-reasoning"])])
  }

  // MARK: The real `repro`, interrupted

  /// `repro …` in `sandbox` (Foundation starts it in its own process group), output to a file;
  /// with `slow`, gnuplot takes seconds per image so the run can be caught in the middle.
  final class Repro {
    let process = Process()
    let output: URL

    init(_ arguments: [String], in sandbox: Sandbox, slow: Bool = false, environment extra: [String: String] = [:]) throws {
      output = sandbox.root.appendingPathComponent("repro-\(UUID().uuidString).log")
      _ = FileManager.default.createFile(atPath: output.path, contents: nil)
      process.executableURL = try EndToEndTests.executable("repro")
      process.arguments = arguments
      process.currentDirectoryURL = sandbox.root
      var environment = ProcessInfo.processInfo.environment
      if slow { environment["GNUPLOT"] = try Self.slowGnuplot(in: sandbox).path }
      environment.merge(extra) { _, new in new }
      process.environment = environment
      let handle = try FileHandle(forWritingTo: output)
      process.standardOutput = handle
      process.standardError = handle
      try process.run()
    }

    static func slowGnuplot(in sandbox: Sandbox, seconds: Int = 2) throws -> URL {
      let gnuplot = try GnuplotPath.require()
      let url = sandbox.root.appendingPathComponent("slow-gnuplot-\(seconds)")
      try Data("#!/bin/sh\n[ \"$1\" = --version ] || sleep \(seconds)\nexec \(gnuplot) \"$@\"\n".utf8).write(to: url)
      try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
      return url
    }

    /// Waits until the driver has staged a target (its experiment is then running).
    func waitUntilRunning(_ sandbox: Sandbox) throws {
      let staged = sandbox.figures.appendingPathComponent(".staging/figure1.\(process.processIdentifier)")
      for _ in 0..<200 where !FileManager.default.fileExists(atPath: staged.path) { Thread.sleep(forTimeInterval: 0.05) }
      try #require(FileManager.default.fileExists(atPath: staged.path), "repro did not start figure1: \(log)")
      Thread.sleep(forTimeInterval: 0.5)
    }

    /// The experiment processes this driver started.
    var children: [Int32] { Self.children(of: process.processIdentifier) }

    /// The live processes whose parent is `parent` (zombies, already dead, left out).
    static func children(of parent: Int32) -> [Int32] {
      let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
      return entries.compactMap(Int32.init).filter { pid in
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let close = stat.lastIndex(of: ")")
        else { return false }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return fields.count > 1 && fields[0] != "Z" && Int32(fields[1]) == parent
      }
    }

    /// Whether `pid` is still running (not gone, not a zombie).
    static func isAlive(_ pid: Int32) -> Bool {
      guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.lastIndex(of: ")") else {
        return false
      }
      return stat[stat.index(after: close)...].split(separator: " ").first != "Z"
    }

    func finish() -> Int32 {
      process.waitUntilExit()
      return process.terminationStatus
    }

    var log: String { (try? String(contentsOf: output, encoding: .utf8)) ?? "" }
  }

  enum GnuplotPath {
    static func require() throws -> String {
      let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        .map { "\($0)/gnuplot" }.first { FileManager.default.isExecutableFile(atPath: $0) }
      return try #require(path, "these tests need gnuplot")
    }
  }

  /// A sandbox where `repro figure 1` has run once, with its lock and outputs.
  static func builtSandbox() throws -> (Sandbox, lock: Data, outputs: [String: Data]) {
    let sandbox = try Sandbox()
    let first = try Repro(["figure", "1"], in: sandbox)
    #expect(first.finish() == 0, "\(first.log)")
    return (sandbox, try #require(sandbox.lockBytes()), sandbox.outputs(of: "figure1"))
  }

  @Test func killingTheDriverMidRunLeavesThePreviousOutputsAndLock() throws {
    let (sandbox, lock, outputs) = try Self.builtSandbox()
    defer { sandbox.remove() }
    let run = try Repro(["figure", "1", "--force"], in: sandbox, slow: true)
    try run.waitUntilRunning(sandbox)
    let orphans = run.children
    kill(run.process.processIdentifier, SIGKILL)
    _ = run.finish()
    orphans.forEach { kill($0, SIGKILL) }

    #expect(sandbox.lockBytes() == lock)
    #expect(sandbox.outputs(of: "figure1") == outputs)
    let status = try Repro(["status", "1"], in: sandbox)
    #expect(status.finish() == 0)
    #expect(status.log == "figure1  up to date\n")
    let rerun = try Repro(["figure", "1", "--force"], in: sandbox)
    #expect(rerun.finish() == 0, "\(rerun.log)")
    #expect(sandbox.lockBytes() == lock)
    #expect(sandbox.outputs(of: "figure1") == outputs)
  }

  /// Issue 11, item 10: `timeout -s KILL 8 ./repro all --force` left figure processes running
  /// under PID 1 for about 45 s. The experiments (and the gnuplot they run) die with the driver,
  /// whichever way it ends: SIGKILL (the lifeline), SIGTERM or Ctrl-C (the driver terminates the
  /// experiment, which ends its gnuplot first).
  @Test(arguments: [SIGKILL, SIGTERM, SIGINT])
  func stoppingTheDriverMidDrawingLeavesNoOrphans(signal: Int32) throws {
    let (sandbox, _, _) = try Self.builtSandbox()
    defer { sandbox.remove() }
    // gnuplot takes 10 s per image here, far longer than the 2 s the test waits below.
    let slower = try Repro.slowGnuplot(in: sandbox, seconds: 10)
    let run = try Repro(["figure", "1", "--force"], in: sandbox, environment: ["GNUPLOT": slower.path])
    try run.waitUntilRunning(sandbox)
    let experiments = run.children
    try #require(experiments.count == 1, "\(run.log)")
    // Stop it while gnuplot runs: gnuplot is the experiment's child in a process group of its
    // own (Foundation starts every child so), so ending the experiment's group left it drawing.
    for _ in 0..<200 where Repro.children(of: experiments[0]).isEmpty { Thread.sleep(forTimeInterval: 0.05) }
    let renderers = Repro.children(of: experiments[0])
    try #require(!renderers.isEmpty, "figure1 never started gnuplot: \(run.log)")
    let descendants = experiments + renderers
    kill(run.process.processIdentifier, signal)
    _ = run.finish()
    for _ in 0..<40 where descendants.contains(where: Repro.isAlive) { Thread.sleep(forTimeInterval: 0.05) }
    let orphans = descendants.filter(Repro.isAlive)
    orphans.forEach { kill($0, SIGKILL) }
    #expect(orphans.isEmpty, "still running 2 s after the driver got signal \(signal): \(orphans)")
  }

  /// Issue 11, item 12: SIGTERM exits 143 (128 + 15), as docs/driver.md says, like Ctrl-C's 130.
  @Test func sigtermStopsTheRunCleanlyWithStatus143() throws {
    let (sandbox, lock, outputs) = try Self.builtSandbox()
    defer { sandbox.remove() }
    let run = try Repro(["figure", "1", "--force"], in: sandbox, slow: true)
    try run.waitUntilRunning(sandbox)
    kill(run.process.processIdentifier, SIGTERM)
    #expect(run.finish() == 143, "\(run.log)")
    #expect(sandbox.lockBytes() == lock)
    #expect(sandbox.outputs(of: "figure1") == outputs)
    // The driver's internals moved from the README to docs/driver.md (issue 14, item 1).
    let doc = try String(contentsOf: Sandbox.packageRoot.appendingPathComponent("docs/driver.md"), encoding: .utf8)
    #expect(doc.contains("130 after Ctrl-C, 143 after SIGTERM"))
  }

  @Test func ctrlCStopsTheRunCleanlyWithStatus130() throws {
    let (sandbox, lock, outputs) = try Self.builtSandbox()
    defer { sandbox.remove() }
    let run = try Repro(["figure", "1", "--force"], in: sandbox, slow: true)
    try run.waitUntilRunning(sandbox)
    kill(run.process.processIdentifier, SIGINT)

    #expect(run.finish() == 130, "\(run.log)")
    #expect(run.log.contains("1 interrupted (figure1; previous outputs kept)"), "\(run.log)")
    #expect(sandbox.lockBytes() == lock)
    #expect(sandbox.outputs(of: "figure1") == outputs)
    #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.figures.appendingPathComponent(".staging").path).isEmpty)
  }

  @Test func aKilledExperimentFailsItsTargetAndKeepsItsLockEntry() throws {
    let (sandbox, lock, outputs) = try Self.builtSandbox()
    defer { sandbox.remove() }
    let run = try Repro(["figure", "1", "--force"], in: sandbox, slow: true)
    try run.waitUntilRunning(sandbox)
    let children = run.children
    try #require(children.count == 1)
    kill(children[0], SIGKILL)

    #expect(run.finish() == 1)
    #expect(run.log.contains("✗ figure1 failed: figure1 was killed by signal 9"), "\(run.log)")
    #expect(sandbox.lockBytes() == lock)
    #expect(sandbox.outputs(of: "figure1") == outputs)
  }

  @Test func anExperimentWithoutGnuplotFailsWithThatMessage() throws {
    let (sandbox, lock, outputs) = try Self.builtSandbox()
    defer { sandbox.remove() }
    let run = try Repro(["figure", "1"], in: sandbox, environment: ["GNUPLOT": "/nonexistent/gnuplot"])

    #expect(run.finish() == 1)
    #expect(run.log.contains("✗ figure1 failed: outputs written but the images were not rendered (gnuplot missing)"), "\(run.log)")
    #expect(sandbox.lockBytes() == lock)
    #expect(sandbox.outputs(of: "figure1") == outputs)
  }

  // MARK: Issue 11, items 1 and 8: the results store changes while, or between, runs

  /// The 14 B visual-reasoning rows the paper did not publish, as a reviewer would ingest them.
  static func rows14b(in sandbox: Sandbox) throws -> URL {
    let url = sandbox.root.appendingPathComponent("rows14b.csv")
    let rows = [(1, 0.4602), (4, 0.4707), (16, 0.4895), (36, 0.5013), (64, 0.5063), (144, 0.5213), (576, 0.5355)]
    let text = "suite,llm_params_billion,visual_tokens,metric,value,source_note\n"
      + rows.map { "visual-reasoning,14,\($0.0),avg_accuracy,\($0.1),test" }.joined(separator: "\n") + "\n"
    try Data(text.utf8).write(to: url)
    return url
  }

  /// What `git checkout -- paper-artifacts` does after an ingest.
  static func undoIngest(_ sandbox: Sandbox) throws {
    try FileManager.default.removeItem(at: sandbox.layout.seedDirectory.appendingPathComponent("ingested"))
    let rebuild = try Repro(["data", "rebuild"], in: sandbox)
    #expect(rebuild.finish() == 0, "\(rebuild.log)")
  }

  /// Item 1, the hostile user's recipe: an ingest while a run is under way. The second target
  /// starts seconds after the run fingerprinted the data; before the fix it read the ingested
  /// rows and recorded the old fingerprint, so after the ingest was undone `status` called its
  /// outputs (made from the 14 B rows) up to date. Now the ingest waits for the run, and in any
  /// case a target records what it read: after the race and the undo, an incremental run
  /// equals a forced one, byte for byte. Run at several moments of the race.
  @Test(arguments: [0.5, 3.0, 6.0])
  func anIngestDuringARunNeverLeavesAnOutputThatDisagreesWithItsLockEntry(_ delay: Double) throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let rows = try Self.rows14b(in: sandbox)
    let run = try Repro(["figure", "1", "4", "--force", "-j", "1"], in: sandbox, slow: true)
    try run.waitUntilRunning(sandbox)
    Thread.sleep(forTimeInterval: delay)
    let ingest = try Repro(["ingest", rows.path], in: sandbox)
    #expect(ingest.finish() == 0, "\(ingest.log)")
    #expect(ingest.log.contains("waiting for another repro to finish (pid \(run.process.processIdentifier))"), "\(ingest.log)")
    #expect(run.finish() == 0, "\(run.log)")

    try Self.undoIngest(sandbox)
    let incremental = try Repro(["figure", "1", "4"], in: sandbox)
    #expect(incremental.finish() == 0, "\(incremental.log)")
    let lock = sandbox.lockBytes()
    let outputs = ["figure1", "figure4"].map { sandbox.outputs(of: $0) }
    let forced = try Repro(["figure", "1", "4", "--force"], in: sandbox)
    #expect(forced.finish() == 0, "\(forced.log)")
    #expect(sandbox.lockBytes() == lock)
    #expect(["figure1", "figure4"].map { sandbox.outputs(of: $0) } == outputs)
  }

  /// Every command that writes the results store holds the run lock, or stops with `--no-wait`.
  @Test func ingestAndRebuildWaitForARunningRepro() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let rows = try Self.rows14b(in: sandbox)
    var held: RunLock? = try RunLock(in: sandbox.figures, wait: false)
    for arguments in [["ingest", rows.path, "--no-wait"], ["data", "rebuild", "--no-wait"]] {
      let impatient = try Repro(arguments, in: sandbox)
      #expect(impatient.finish() != 0)
      #expect(impatient.log.contains("another repro is running (pid \(getpid()))"), "\(impatient.log)")
    }
    #expect(!FileManager.default.fileExists(atPath: sandbox.layout.seedDirectory.appendingPathComponent("ingested").path))
    let patient = try Repro(["ingest", rows.path], in: sandbox)
    Thread.sleep(forTimeInterval: 1)
    #expect(patient.process.isRunning)
    held = nil
    #expect(patient.finish() == 0, "\(patient.log)")
    #expect(held == nil)
    #expect(patient.log.contains("waiting for another repro to finish"))
  }

  /// Item 8: each output names only the data it read, so after an ingest that changes rows a
  /// target does not read, the incremental run (which leaves that target alone) and a forced
  /// run write the same bytes.
  @Test func afterAnIngestAnIncrementalRunEqualsAForcedOneByteForByte() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let driver = try Driver.standard(layout: sandbox.layout, binDirectory: Self.binDirectory, experiments: [.table1, .figure3b])
    #expect(Set(try driver.run(RunOptions()).built) == ["figure3b", "table1"])
    try ResultIngest(layout: sandbox.layout).ingest(try Self.rows14b(in: sandbox))

    let incremental = try driver.run(RunOptions())
    #expect(incremental.databaseRebuild == nil)
    #expect(incremental.results.map(\.outcome) == [.upToDate, .upToDate])
    let lock = sandbox.lockBytes()
    let outputs = ["figure3b", "table1"].map { sandbox.outputs(of: $0) }
    #expect(Set(try driver.run(RunOptions(force: true)).built) == ["figure3b", "table1"])
    #expect(sandbox.lockBytes() == lock)
    #expect(["figure3b", "table1"].map { sandbox.outputs(of: $0) } == outputs)
  }

  /// Issue 11, item 11: a fresh clone's first `./repro all` finds everything up to date and says
  /// why, and how to regenerate anyway; later no-op runs print only their summary line.
  @Test func aFreshCheckoutsFirstRunSaysWhyNothingRan() throws {
    let (sandbox, _, _) = try Self.builtSandbox()
    defer { sandbox.remove() }
    try FileManager.default.removeItem(at: sandbox.figures.appendingPathComponent(RunLock.fileName))
    let first = try Repro(["figure", "1"], in: sandbox)
    #expect(first.finish() == 0)
    #expect(first.log.contains("nothing to do: 1 target up to date"), "\(first.log)")
    #expect(first.log.contains("already match their inputs") && first.log.contains("./repro all --force"), "\(first.log)")
    let second = try Repro(["figure", "1"], in: sandbox)
    #expect(second.finish() == 0)
    #expect(!second.log.contains("already match their inputs"), "\(second.log)")
  }

  /// Issue 14, item 7: `figure N` says where its outputs are, and `status --why` shows the
  /// fingerprints it compared even when nothing is stale.
  @Test func figurePrintsItsOutputsAndStatusWhyShowsTheFingerprints() throws {
    let (sandbox, _, outputs) = try Self.builtSandbox()
    defer { sandbox.remove() }
    let figure = try Repro(["figure", "1"], in: sandbox)
    #expect(figure.finish() == 0)
    #expect(figure.log.contains("figure1 outputs (Figures/figure1/):\n"), "\(figure.log)")
    for file in outputs.keys { #expect(figure.log.contains("  Figures/figure1/\(file)\n"), "\(file): \(figure.log)") }
    let status = try Repro(["status", "--why", "1"], in: sandbox)
    #expect(status.finish() == 0)
    let entry = try #require(try sandbox.lockFile().targets["figure1"])
    #expect(status.log.hasPrefix("figure1  up to date\n"), "\(status.log)")
    #expect(status.log.contains("    = code: \(entry.inputs.code.prefix(12))"), "\(status.log)")
    #expect(status.log.contains("    = data results:visual-reasoning: \(entry.inputs.data["results:visual-reasoning"]!.prefix(12))"), "\(status.log)")
    #expect(status.log.contains("    = outputs: \(entry.outputDigest.prefix(12)) (\(outputs.count) files)"), "\(status.log)")
  }

  @Test func aSecondReproWaitsForTheFirstOrStops() throws {
    let (sandbox, lock, _) = try Self.builtSandbox()
    defer { sandbox.remove() }
    let first = try Repro(["figure", "1", "--force"], in: sandbox, slow: true)
    try first.waitUntilRunning(sandbox)

    let impatient = try Repro(["figure", "1", "--no-wait"], in: sandbox)
    #expect(impatient.finish() != 0)
    #expect(impatient.log.contains("another repro is running (pid \(first.process.processIdentifier))"), "\(impatient.log)")
    let patient = try Repro(["figure", "1"], in: sandbox)
    #expect(patient.finish() == 0)
    #expect(patient.log.contains("waiting for another repro to finish"), "\(patient.log)")
    #expect(patient.log.contains("nothing to do: 1 target up to date"), "\(patient.log)")
    #expect(first.finish() == 0)
    #expect(sandbox.lockBytes() == lock)
  }
}
