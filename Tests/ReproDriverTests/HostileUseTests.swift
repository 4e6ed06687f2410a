import Foundation
import GRDB
import ResultsStore
import Testing

@testable import ReproDriver
import ExperimentRegistry

/// Issue 11: what broke under hostile use, at the driver's level (the end-to-end versions, with
/// the real `repro`, are in ``EndToEndTests``).
@Suite struct HostileUseTests {
  /// The rows a writer that ignores the run lock changes mid-run: one visual-reasoning value.
  static func changeVisualReasoning(_ sandbox: Sandbox, to value: String) throws {
    try sandbox.editSeed("visual_reasoning_avg_accuracy.csv") { text in
      text.replacing(#/\n0\.5,1,[0-9.]+/#, with: "\n0.5,1,\(value)")
    }
    try ResultsDatabase.rebuild(seedDirectory: sandbox.layout.seedDirectory, database: sandbox.layout.databaseURL)
  }

  /// Item 1: the data changes between the driver's fingerprint and the experiment's read. The
  /// lock must record what the experiment read, so that after the change is undone (`git
  /// checkout -- paper-artifacts`) the target is stale, not "up to date" with outputs made
  /// from data that is gone. Repeated, since it is a race in real life.
  @Test(arguments: 1...5)
  func aTargetRecordsTheDataItReadNotTheDataTheDriverSawBeforeStartingIt(_ round: Int) throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    _ = try makeDriver(sandbox).run(RunOptions())
    let runner = FakeRunner()
    runner.hook("exp-a") { _, _ in try Self.changeVisualReasoning(sandbox, to: "0.\(round)") }
    let raced = try makeDriver(sandbox, runner: runner).run(RunOptions(targets: ["a"], force: true))
    #expect(raced.built == ["exp-a"])
    let outputs = String(decoding: try #require(sandbox.outputs(of: "exp-a")["out.txt"]), as: UTF8.self)
    #expect(outputs.contains("\"avg_accuracy\"\t0.\(round)\t"), "the experiment read the new row")
    #expect(try makeDriver(sandbox).status(["a"]).outcome(of: "exp-a") == .upToDate)

    try Self.changeVisualReasoning(sandbox, to: "0.3855")  // the shipped value: the change undone
    let status = try makeDriver(sandbox).status(["a"])
    #expect(status.reasons("exp-a") == [.dataChanged(selections: ["results:visual-reasoning"])])
    _ = try makeDriver(sandbox).run(RunOptions(targets: ["a"]))
    let incremental = sandbox.outputs(of: "exp-a")
    _ = try makeDriver(sandbox).run(RunOptions(targets: ["a"], force: true))
    #expect(sandbox.outputs(of: "exp-a") == incremental)
  }

  @Test func anExperimentThatReadsUndeclaredDataFailsItsTarget() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    final class Sneaky: TargetRunner, @unchecked Sendable {
      let inner: FakeRunner
      let layout: ProjectLayout
      init(_ inner: FakeRunner, _ layout: ProjectLayout) { (self.inner, self.layout) = (inner, layout) }
      func run(_ experiment: Experiment, root: URL, staging: URL, control: RunControl) throws -> [String: String] {
        var read = try inner.run(experiment, root: root, staging: staging, control: control)
        if experiment.executable == "exp-b" { read["table1"] = "0" }
        return read
      }
      func cancelAll() {}
    }
    let driver = try Driver(
      layout: sandbox.layout, experiments: sampleExperiments(), code: FakeCode(), runner: Sneaky(FakeRunner(), sandbox.layout),
      gnuplotVersion: { "gnuplot 5.4" })
    let run = try driver.run(RunOptions())
    guard case .failed(_, let failure) = run.outcome(of: "exp-b") else {
      Issue.record("exp-b should fail, got \(String(describing: run.outcome(of: "exp-b")))")
      return
    }
    #expect(failure.message.contains("read data it does not declare (table1)"))
    #expect(try sandbox.lockFile().targets["exp-b"] == nil)
  }

  /// Items 3 and 4: `repro all` rebuilds a damaged or hand-edited shipped database from its
  /// seeds, as it does a missing one, and says so; `status` says it would.
  @Test(arguments: ["damaged", "edited"])
  func aRunRebuildsADamagedOrHandEditedDatabaseFromItsSeeds(_ harm: String) throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let driver = try makeDriver(sandbox)
    _ = try driver.run(RunOptions())
    let pristine = try Data(contentsOf: sandbox.layout.databaseURL)
    if harm == "damaged" {
      var bytes = pristine
      for index in (bytes.count / 2)..<(bytes.count / 2 + 4096) { bytes[index] = UInt8(truncatingIfNeeded: index &* 131) }
      try bytes.write(to: sandbox.layout.databaseURL)
    } else {
      try DatabaseQueue(path: sandbox.layout.databaseURL.path).write { db in
        try db.execute(sql: "UPDATE result SET value = 0.9 WHERE suiteId = 'visual-reasoning' AND visualTokens = 576")
      }
    }
    let expected = harm == "damaged" ? "results.sqlite is damaged" : "results.sqlite differs from its seed files in result"
    let status = try driver.status()
    #expect(status.databaseRebuild?.hasPrefix(expected) == true, "\(String(describing: status.databaseRebuild))")
    #expect(status.results.allSatisfy { $0.outcome == .upToDate })

    let run = try driver.run(RunOptions())
    #expect(run.databaseRebuild?.hasPrefix(expected) == true)
    #expect(run.built.isEmpty)
    _ = try ResultsDatabase.openReadOnly(sandbox.layout)
    #expect(try driver.status().databaseRebuild == nil)
  }
}
