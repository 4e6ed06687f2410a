import Foundation
import Testing

@testable import ReproDriver
import ExperimentRegistry

/// Failures, interruptions, concurrency and determinism leave the project consistent.
@Suite struct RobustnessTests {
  struct Boom: Error, CustomStringConvertible {
    var description: String { "boom" }
  }

  @Test func aThrowingTargetKeepsItsPreviousStateAndTheOthersFinish() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    _ = try makeDriver(sandbox).run(RunOptions())
    let before = try sandbox.lockFile()
    let outputsBefore = sandbox.outputs(of: "exp-a")
    let runner = FakeRunner()
    runner.hook("exp-a") { staging, _ in
      try Data("half written".utf8).write(to: staging.appendingPathComponent("out.txt"))
      throw TargetFailure(message: "exp-a exited with status 1", log: "error: boom\n")
    }
    let driver = try makeDriver(sandbox, sampleExperiments(aMethod: "robust", bQ: "0"), runner: runner)

    let run = try driver.run(RunOptions())
    #expect(!run.succeeded)
    #expect(run.outcome(of: "exp-a") == .failed(
      [.parametersChanged([.init(name: "method", old: "least-squares", new: "robust")])],
      TargetFailure(message: "exp-a exited with status 1", log: "error: boom\n")))
    #expect(run.built == ["exp-b"])
    #expect(run.outcome(of: "exp-c") == .skipped(failedUpstream: ["exp-a"]))
    #expect(run.outcome(of: "exp-d") == .skipped(failedUpstream: ["exp-c"]))
    let after = try sandbox.lockFile()
    #expect(after.targets["exp-a"] == before.targets["exp-a"])
    #expect(after.targets["exp-b"] != before.targets["exp-b"])
    #expect(sandbox.outputs(of: "exp-a") == outputsBefore)
    #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.figures.appendingPathComponent(".staging").path).isEmpty)
  }

  @Test func anInterruptedRunKeepsFinishedTargetsAndLeavesTheRestAsTheyWere() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    _ = try makeDriver(sandbox).run(RunOptions())
    let before = try sandbox.lockFile()
    let runner = FakeRunner()
    runner.hook("exp-c") { _, control in
      control.interrupt(signal: SIGINT)
      throw TargetFailure(message: "exp-c was killed by signal 2")
    }
    let driver = try makeDriver(sandbox, sampleExperiments(aMethod: "robust", bQ: "0"), runner: runner)

    let run = try driver.run(RunOptions(jobs: 1))
    #expect(run.interruptedBy == SIGINT)
    #expect(run.built == ["exp-a", "exp-b"])
    #expect(run.outcome(of: "exp-c") == .interrupted)
    #expect(run.outcome(of: "exp-d") == .interrupted)
    let after = try sandbox.lockFile()
    #expect(after.targets["exp-c"] == before.targets["exp-c"])
    #expect(after.targets["exp-d"] == before.targets["exp-d"])
    // Nothing is half done: what remains stale is so for its inputs, never for edited outputs.
    let status = try driver.status()
    #expect(status.reasons("exp-c") == [.upstreamChanged(targets: ["exp-a"])])
    #expect(status.reasons("exp-d") == [.upstreamChanged(targets: ["exp-b"]), .upstreamStale(targets: ["exp-c"])])
    let resumed = try makeDriver(sandbox, sampleExperiments(aMethod: "robust", bQ: "0"))
    #expect(try resumed.run(RunOptions()).built == ["exp-c", "exp-d"])
  }

  @Test func outputsReplacedWithoutTheirLockEntryAreSeenAsStaleAndRepaired() throws {
    // What a SIGKILL between swapping a target's outputs and writing its entry leaves behind.
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    _ = try makeDriver(sandbox).run(RunOptions())
    let lockBefore = sandbox.lockBytes()
    let driver = try makeDriver(sandbox, sampleExperiments(aMethod: "robust"))
    let runner = FakeRunner()
    let staged = sandbox.root.appendingPathComponent("staged")
    try FileManager.default.createDirectory(at: staged, withIntermediateDirectories: true)
    _ = try runner.run(driver.graph.experiment(named: "a"), root: sandbox.root, staging: staged, control: RunControl())
    try FileManager.default.removeItem(at: sandbox.figures.appendingPathComponent("exp-a"))
    try FileManager.default.moveItem(at: staged, to: sandbox.figures.appendingPathComponent("exp-a"))
    #expect(sandbox.lockBytes() == lockBefore)

    let status = try driver.status()
    #expect(status.reasons("exp-a").map(\.cause) == ["parameters changed", "output edited by hand"])
    #expect(try driver.run(RunOptions()).built == ["exp-a", "exp-c", "exp-d"])
    #expect(try driver.status().results.allSatisfy { $0.outcome == .upToDate })
  }

  @Test func theLockFileIsByteIdenticalAcrossRunsAndSandboxes() throws {
    let first = try Sandbox()
    let second = try Sandbox()
    defer {
      first.remove()
      second.remove()
    }
    _ = try makeDriver(first).run(RunOptions())
    _ = try makeDriver(second).run(RunOptions(jobs: 1))
    let bytes = try #require(first.lockBytes())
    #expect(second.lockBytes() == bytes)
    _ = try makeDriver(first).run(RunOptions(force: true))
    #expect(first.lockBytes() == bytes)

    let text = String(decoding: bytes, as: UTF8.self)
    #expect(!text.contains(first.root.path))
    #expect(!text.contains(NSTemporaryDirectory()))
    #expect(text.contains("\"alpha\" : 0.07712345678901233"))
    #expect(text.contains("\"seed\" : 18446744073709551615"))
    #expect(text.hasSuffix("}\n"))
    #expect(try LockFile.load(from: first.lockURL).encoded() == bytes)
  }

  @Test func parallelAndSerialRunsWriteTheSameBytes() throws {
    let serial = try Sandbox()
    let parallel = try Sandbox()
    defer {
      serial.remove()
      parallel.remove()
    }
    let runner = FakeRunner()
    runner.delay("exp-a", seconds: 0.2)
    let started = ContinuousClock.now
    let report = try makeDriver(parallel, runner: runner).run(RunOptions(jobs: 4))
    #expect(report.succeeded)
    // The two roots start first, in either order: threads race to log their start.
    #expect(Set(runner.runs.prefix(2)) == ["exp-a", "exp-b"])
    _ = try makeDriver(serial).run(RunOptions(jobs: 1))

    #expect(parallel.lockBytes() == serial.lockBytes())
    for name in ["exp-a", "exp-b", "exp-c", "exp-d"] {
      #expect(parallel.outputs(of: name) == serial.outputs(of: name))
    }
    #expect(ContinuousClock.now - started < .seconds(10))
  }

  @Test func independentTargetsRunConcurrently() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let runner = FakeRunner()
    runner.delay("exp-a", seconds: 1)
    runner.delay("exp-b", seconds: 1)
    let clock = ContinuousClock()
    let elapsed = try clock.measure { _ = try makeDriver(sandbox, runner: runner).run(RunOptions(jobs: 2)) }
    #expect(elapsed < .milliseconds(1900))
  }

  @Test func aSecondRunWaitsForTheRunLockOrStops() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let driver = try makeDriver(sandbox)
    var held: RunLock? = try RunLock(in: sandbox.figures, wait: false)

    #expect(throws: DriverError.busy(holder: "pid \(getpid())")) { try driver.run(RunOptions(waitForLock: false)) }
    #expect(throws: DriverError.busy(holder: "pid \(getpid())")) { try driver.clean(waitForLock: false) }

    let waited = Setting("")
    let done = DispatchSemaphore(value: 0)
    let progress = Recorder { event in if case .waitingForLock(let holder) = event { waited.value = holder } }
    Thread {
      _ = try? driver.run(RunOptions(), progress: progress)
      done.signal()
    }.start()
    #expect(done.wait(timeout: .now() + 0.3) == .timedOut)
    held = nil
    #expect(done.wait(timeout: .now() + 10) == .success)
    #expect(waited.value == "pid \(getpid())")
    #expect(held == nil)
    #expect(try sandbox.lockFile().targets.count == 4)
  }

  @Test func abandonedStagingFoldersAreRemovedButLiveOnesKept() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let staging = sandbox.figures.appendingPathComponent(".staging")
    let dead = staging.appendingPathComponent("exp-a.2147483646")
    let live = staging.appendingPathComponent("figure1.\(getpid())")
    for folder in [dead, live] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
    try Data().write(to: staging.appendingPathComponent("exp-a.2147483646.log"))

    _ = try makeDriver(sandbox).run(RunOptions())
    #expect(try FileManager.default.contentsOfDirectory(atPath: staging.path) == ["figure1.\(getpid())"])
  }
}

/// A progress reporter that hands every event to a closure.
struct Recorder: ProgressReporter {
  let record: @Sendable (ProgressEvent) -> Void
  func report(_ event: ProgressEvent) { record(event) }
}
