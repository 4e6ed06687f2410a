import Foundation
import Testing

@testable import ReproDriver
import ExperimentRegistry

/// Each cause of staleness reruns exactly the targets it should, for the reason it should.
@Suite struct StalenessTests {
  @Test func firstRunBuildsEverythingAndTheSecondNothing() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let runner = FakeRunner()
    let driver = try makeDriver(sandbox, runner: runner)

    let first = try driver.run(RunOptions())
    #expect(first.succeeded)
    #expect(first.built == ["exp-a", "exp-b", "exp-c", "exp-d"])
    #expect(first.reasons("exp-c") == [.neverBuilt])
    let second = try driver.run(RunOptions())
    #expect(second.results.map(\.outcome) == Array(repeating: .upToDate, count: 4))
    #expect(runner.runs.count == 4)
    #expect(try driver.status().results.allSatisfy { $0.outcome == .upToDate })
  }

  @Test func changingOneDataRowRerunsOnlyItsReadersAndWhatReadsThem() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let driver = try makeDriver(sandbox)
    _ = try driver.run(RunOptions())
    try sandbox.editSeed("ocr_avg_accuracy.csv") { $0.replacingOccurrences(of: "0.5,4,0.1182958067", with: "0.5,4,0.1182958068") }

    let status = try driver.status()
    #expect(status.databaseRebuild?.hasPrefix("seed files changed (") == true)
    #expect(status.reasons("exp-b") == [.dataChanged(selections: ["results:ocr"])])
    #expect(status.reasons("exp-d") == [.upstreamStale(targets: ["exp-b"])])
    #expect(status.outcome(of: "exp-a") == .upToDate)
    #expect(status.outcome(of: "exp-c") == .upToDate)

    let run = try driver.run(RunOptions())
    #expect(run.databaseRebuild != nil)
    #expect(run.built == ["exp-b", "exp-d"])
    #expect(run.reasons("exp-d") == [.upstreamChanged(targets: ["exp-b"])])
  }

  @Test func aSeedEditThatChangesNoRowReadRerunsNothing() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let runner = FakeRunner()
    let driver = try makeDriver(sandbox, runner: runner)
    _ = try driver.run(RunOptions())
    // The header comment goes into `source.note`, which no sample target reads.
    try sandbox.editSeed("visual_reasoning_avg_accuracy.csv") { "# An extra header line.\n" + $0 }

    let run = try driver.run(RunOptions())
    #expect(run.databaseRebuild != nil)
    #expect(run.built.isEmpty)
    #expect(runner.runs.count == 4)
  }

  @Test func touchingFilesWithoutChangingThemRerunsNothing() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let runner = FakeRunner()
    let driver = try makeDriver(sandbox, runner: runner)
    _ = try driver.run(RunOptions())
    let lock = sandbox.lockBytes()
    Thread.sleep(forTimeInterval: 0.01)
    try sandbox.touchAll(under: sandbox.root)

    let run = try driver.run(RunOptions())
    #expect(run.results.allSatisfy { $0.outcome == .upToDate })
    #expect(runner.runs.count == 4)
    #expect(sandbox.lockBytes() == lock)
  }

  @Test func changingAParameterRerunsTheTargetAndOnlyDownstreamTargetsWhoseInputsChanged() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    _ = try makeDriver(sandbox).run(RunOptions())
    let driver = try makeDriver(sandbox, sampleExperiments(aMethod: "paper-grid"))

    let status = try driver.status()
    #expect(status.reasons("exp-a") == [.parametersChanged([.init(name: "method", old: "least-squares", new: "paper-grid")])])
    #expect(status.reasons("exp-c") == [.upstreamStale(targets: ["exp-a"])])
    #expect(status.outcome(of: "exp-b") == .upToDate)

    let run = try driver.run(RunOptions())
    #expect(run.built == ["exp-a", "exp-c", "exp-d"])
    #expect(try sandbox.lockFile().targets["exp-a"]?.parameters == ["method": "paper-grid"])
  }

  @Test func changingCodeRerunsTheTargetAndNamesTheFile() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let code = FakeCode()
    let driver = try makeDriver(sandbox, code: code)
    _ = try driver.run(RunOptions())
    code.set("exp-b", files: ["Experiments/exp-b/main.swift": ContentHash.of(text: "edited")])

    #expect(try driver.status().reasons("exp-b") == [.codeChanged(files: ["Experiments/exp-b/main.swift"])])
    // b's code changed but its outputs did not: d stays up to date (early cutoff).
    #expect(try driver.run(RunOptions()).built == ["exp-b"])
  }

  @Test func changingGnuplotRerunsOnlyTargetsThatDrawImages() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let gnuplot = Setting("gnuplot 5.4 patchlevel 4")
    let driver = try makeDriver(sandbox, gnuplot: gnuplot)
    _ = try driver.run(RunOptions())
    #expect(try sandbox.lockFile().targets["exp-a"]?.inputs.gnuplot == "gnuplot 5.4 patchlevel 4")
    #expect(try sandbox.lockFile().targets["exp-b"]?.inputs.gnuplot == nil)
    gnuplot.value = "gnuplot 6.0 patchlevel 0"

    let run = try driver.run(RunOptions())
    #expect(run.reasons("exp-a") == [.gnuplotChanged(from: "gnuplot 5.4 patchlevel 4", to: "gnuplot 6.0 patchlevel 0")])
    #expect(run.built == ["exp-a"])
  }

  @Test func anOutputEditedByHandIsRebuiltAndNothingDownstream() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let driver = try makeDriver(sandbox)
    _ = try driver.run(RunOptions())
    let original = sandbox.outputs(of: "exp-a")
    try Data("edited\n".utf8).write(to: sandbox.figures.appendingPathComponent("exp-a/out.txt"))
    try Data("stray\n".utf8).write(to: sandbox.figures.appendingPathComponent("exp-a/notes.txt"))

    #expect(try driver.status().reasons("exp-a") == [.outputEdited(files: ["notes.txt", "out.txt"])])
    let run = try driver.run(RunOptions())
    #expect(run.built == ["exp-a"])
    #expect(sandbox.outputs(of: "exp-a") == original)
  }

  @Test func aMissingOutputIsRebuilt() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let driver = try makeDriver(sandbox)
    _ = try driver.run(RunOptions())
    try FileManager.default.removeItem(at: sandbox.figures.appendingPathComponent("exp-b/summary.json"))
    #expect(try driver.status().reasons("exp-b") == [.outputMissing(files: ["summary.json"])])
    try FileManager.default.removeItem(at: sandbox.figures.appendingPathComponent("exp-b"))
    #expect(try driver.status().reasons("exp-b") == [.outputMissing(files: ["out.txt", "summary.json"])])

    #expect(try driver.run(RunOptions()).built == ["exp-b"])
  }

  @Test func figureRunsTheNamedTargetsAndOnlyTheirStaleUpstreams() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    _ = try makeDriver(sandbox).run(RunOptions())
    let driver = try makeDriver(sandbox, sampleExperiments(aMethod: "robust", bQ: "0"))

    let run = try driver.run(RunOptions(targets: ["c"]))
    #expect(run.results.map(\.experiment.executable) == ["exp-a", "exp-c"])
    #expect(run.built == ["exp-a", "exp-c"])
    #expect(try driver.status(["exp-b"]).reasons("exp-b") == [.parametersChanged([.init(name: "Q", old: "0,50", new: "0")])])
  }

  @Test func forceRerunsTheNamedTargetsButNotTheirUpToDateUpstreams() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let driver = try makeDriver(sandbox)
    _ = try driver.run(RunOptions())
    let lock = sandbox.lockBytes()

    let run = try driver.run(RunOptions(targets: ["exp-c"], force: true))
    #expect(run.built == ["exp-c"])
    #expect(run.reasons("exp-c") == [.forced])
    #expect(sandbox.lockBytes() == lock)
  }

  @Test func aDryRunRunsAndWritesNothing() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let runner = FakeRunner()
    _ = try makeDriver(sandbox, runner: runner).run(RunOptions())
    let lock = sandbox.lockBytes()
    let driver = try makeDriver(sandbox, sampleExperiments(aMethod: "robust"), runner: runner)

    let report = try driver.run(RunOptions(dryRun: true))
    #expect(report.reasons("exp-a").map(\.cause) == ["parameters changed"])
    #expect(report.reasons("exp-d") == [.upstreamStale(targets: ["exp-c"])])
    #expect(runner.runs.count == 4)
    #expect(sandbox.lockBytes() == lock)
  }

  @Test func cleanRemovesOutputsAndLockEntries() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let driver = try makeDriver(sandbox)
    _ = try driver.run(RunOptions())

    #expect(try driver.clean(["a"]) == ["exp-a"])
    #expect(!FileManager.default.fileExists(atPath: sandbox.figures.appendingPathComponent("exp-a").path))
    #expect(try sandbox.lockFile().targets.keys.sorted() == ["exp-b", "exp-c", "exp-d"])
    let status = try driver.status()
    #expect(status.reasons("exp-a") == [.neverBuilt])
    #expect(try driver.run(RunOptions()).built == ["exp-a"])

    #expect(try driver.clean() == ["exp-a", "exp-b", "exp-c", "exp-d"])
    #expect(try sandbox.lockFile().targets.isEmpty)
    #expect(try driver.clean() == [])
  }

  @Test func entriesOfUnregisteredExperimentsAreDroppedByAFullRun() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    _ = try makeDriver(sandbox).run(RunOptions())
    let driver = try makeDriver(sandbox, Array(sampleExperiments().prefix(2)))

    let run = try driver.run(RunOptions())
    #expect(run.prunedEntries == ["exp-c", "exp-d"])
    #expect(try sandbox.lockFile().targets.keys.sorted() == ["exp-a", "exp-b"])
  }
}
