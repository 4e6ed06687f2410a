import Foundation
import ReproDriver
import Sweep
import Testing

/// Local runs, and the array's submit → status → collect cycle with a scheduler that runs the
/// generated script with bash in this process.
struct SweepDriverTests {
  static let cells = [("a", 3), ("b", 5), ("c", 4)]

  @Test func aLocalRunComputesEveryCellOnceAndIsANoOpTheSecondTime() throws {
    let sweep = try ToySweep()
    defer { sweep.remove() }
    let driver = try sweep.driver(ToySweep.definition(Self.cells))
    let first = try driver.runLocally(jobs: 2)
    #expect(first.results.map(\.cell) == ["a", "b", "c"])
    #expect(first.failed.isEmpty, "\(first.failed)")
    #expect(first.status.isComplete)
    let cache = sweep.cache()
    #expect(cache.keys.sorted() == ["a/.sweep-cell.json", "a/record.json", "a/result.txt", "b/.sweep-cell.json", "b/record.json", "b/result.txt", "c/.sweep-cell.json", "c/record.json", "c/result.txt"])
    let second = try driver.runLocally(jobs: 2)
    #expect(second.results.isEmpty)
    #expect(sweep.cache() == cache)
  }

  @Test func theArrayGivesTheSameCacheAsALocalRun() throws {
    let local = try ToySweep()
    let array = try ToySweep()
    defer {
      local.remove()
      array.remove()
    }
    _ = try local.driver(ToySweep.definition(Self.cells)).runLocally(jobs: 2)
    let slurm = FakeSlurm()
    let driver = try array.driver(ToySweep.definition(Self.cells), scheduler: slurm)
    guard case .submitted(let script, _, let jobID) = try driver.submit() else {
      Issue.record("expected a submission")
      return
    }
    #expect(script.cells == ["a", "b", "c"])
    #expect(try driver.status().cells.map(\.state.label) == ["queued", "queued", "queued"])
    #expect(try slurm.runQueued().values.allSatisfy { $0 == 0 })
    #expect(try driver.status().cells.map(\.state.label) == ["landed", "landed", "landed"])
    #expect(array.cache().isEmpty, "nothing enters the cache before collect")
    let collected = try driver.collect()
    #expect(collected.collected == ["a", "b", "c"])
    #expect(collected.status.isComplete)
    #expect(array.cache() == local.cache())
    let again = try driver.collect()
    #expect(again.collected.isEmpty && again.status.isComplete && array.cache() == local.cache(), "collect is idempotent")
    guard case .nothingToDo = try driver.submit() else {
      Issue.record("a complete sweep submits nothing")
      return
    }
    #expect(slurm.submitted.count == 1)
    #expect(FileManager.default.fileExists(atPath: driver.folders.log(submission: 1, jobID: jobID, task: 2).path))
  }

  @Test func aKilledTaskIsReportedWithItsLogAndOnlyItIsResubmitted() throws {
    let sweep = try ToySweep()
    defer { sweep.remove() }
    let slurm = FakeSlurm()
    let driver = try sweep.driver(ToySweep.definition(Self.cells), scheduler: slurm)
    guard case .submitted(_, _, let jobID) = try driver.submit() else {
      Issue.record("expected a submission")
      return
    }
    slurm.cancel(ArrayTask(jobID: jobID, index: 1))
    slurm.accounting = [ArrayTask(jobID: jobID, index: 1): "CANCELLED by 0 (exit code 0:15)"]
    try slurm.runQueued()
    let report = try driver.collect()
    #expect(report.collected == ["a", "c"])
    guard case .failed(let task, let reason, let log) = report.status.state(of: "b") else {
      Issue.record("b must be failed, is \(String(describing: report.status.state(of: "b")))")
      return
    }
    #expect(task == ArrayTask(jobID: jobID, index: 1))
    #expect(reason.hasPrefix("CANCELLED by 0"))
    #expect(log.path.hasSuffix(".sweep/arrays/001/logs/\(jobID)_1.out"))
    #expect(report.status.summary == "2 complete, 1 failed")

    guard case .submitted(let again, let script, let secondJob) = try driver.submit() else {
      Issue.record("expected a resubmission")
      return
    }
    #expect(again.cells == ["b"])
    #expect(script.path.hasSuffix("arrays/002/array.sh"))
    #expect(try driver.status().state(of: "b")?.label == "queued")
    guard case .nothingToDo = try driver.submit() else {
      Issue.record("a queued cell is not submitted twice")
      return
    }
    try slurm.runQueued()
    #expect(try driver.collect().status.isComplete)
    #expect(slurm.submitted.map(\.cells) == [["a", "b", "c"], ["b"]])
    #expect(secondJob != jobID)
  }

  @Test func resultsThatFailVerificationNeverEnterTheCache() throws {
    let sweep = try ToySweep()
    defer { sweep.remove() }
    let slurm = FakeSlurm()
    let driver = try sweep.driver(ToySweep.definition(Self.cells), scheduler: slurm)
    _ = try driver.submit()
    try slurm.runQueued()
    // A result truncated after the task wrote its record: the digest no longer matches.
    let landed = driver.folders.work.appendingPathComponent("landed/b/result.txt")
    try Data("truncated".utf8).write(to: landed)
    let report = try driver.collect()
    #expect(report.collected == ["a", "c"])
    #expect(report.rejected.map(\.cell) == ["b"])
    #expect(report.rejected.first?.reason.contains("result.txt has SHA-256") == true)
    #expect(!FileManager.default.fileExists(atPath: driver.folders.result(of: "b").path))
    guard case .failed(_, let reason, _) = report.status.state(of: "b") else {
      Issue.record("a rejected cell is failed")
      return
    }
    #expect(reason.contains("results rejected"))
    guard case .submitted(let script, _, _) = try driver.submit() else {
      Issue.record("the rejected cell is resubmitted")
      return
    }
    #expect(script.cells == ["b"])
  }

  @Test func theCallersVerifierCanRejectACell() throws {
    let sweep = try ToySweep()
    defer { sweep.remove() }
    struct Refused: Error, CustomStringConvertible { var description: String { "the checkpoint does not load" } }
    let driver = try sweep.driver(ToySweep.definition(Self.cells)) { cell, _ in
      if cell.name == "c" { throw Refused() }
    }
    let report = try driver.runLocally(jobs: 1)
    #expect(report.failed.map(\.cell) == ["c"])
    guard case .failed(let reason, let log) = report.failed.first?.outcome else { return }
    #expect(reason == "results rejected: the checkpoint does not load")
    #expect(FileManager.default.fileExists(atPath: log.path))
    #expect(sweep.cache().keys.contains("a/result.txt") && !sweep.cache().keys.contains("c/result.txt"))
  }

  @Test func aChangedCellIsStaleAndOnlyItReruns() throws {
    let sweep = try ToySweep()
    defer { sweep.remove() }
    _ = try sweep.driver(ToySweep.definition(Self.cells)).runLocally(jobs: 2)
    let changed = try sweep.driver(ToySweep.definition([("a", 3), ("b", 6), ("c", 4)]))
    guard case .missing(let reason) = try changed.status().state(of: "b") else {
      Issue.record("b must be stale")
      return
    }
    #expect(reason == "definition changed since it ran (parameters)")
    let rerun = try changed.runLocally(jobs: 2)
    #expect(rerun.results.map(\.cell) == ["b"])
    #expect(rerun.status.isComplete)
  }

  @Test func aFailingCommandFailsItsCellOnlyAndLeavesNoStaging() throws {
    let sweep = try ToySweep()
    defer { sweep.remove() }
    var definition = ToySweep.definition(Self.cells)
    definition.cells[1].parameters = ["rounds": "not-a-number"]
    let driver = try sweep.driver(definition)
    let report = try driver.runLocally(jobs: 2)
    #expect(report.failed.map(\.cell) == ["b"])
    #expect(report.status.cells(labelled: "complete") == ["a", "c"])
    let staging = (try? FileManager.default.contentsOfDirectory(atPath: driver.folders.work.appendingPathComponent("staging").path)) ?? []
    #expect(staging.isEmpty)
  }

  @Test func withoutSbatchTheScriptIsWrittenWithTheCommandToRun() throws {
    let sweep = try ToySweep()
    defer { sweep.remove() }
    let driver = try sweep.driver(ToySweep.definition(Self.cells))
    guard case .written(let script, let url, let command) = try driver.submit() else {
      Issue.record("expected the script to be written")
      return
    }
    #expect(try String(contentsOf: url, encoding: .utf8) == script.text)
    #expect(command == "sbatch \(url.path)")
    #expect(try driver.status().cells.map(\.state.label) == ["submitted", "submitted", "submitted"])
    #expect(throws: SweepError.self) { try driver.runLocally(jobs: 0) }
    #expect(throws: SweepError.self) { try driver.runLocally(jobs: 257) }
  }

  @Test func anUnknownProgramIsAnErrorThatSaysWhere() throws {
    let sweep = try ToySweep()
    defer { sweep.remove() }
    var definition = ToySweep.definition([("a", 1)])
    definition.command[0] = "no-such-program-xyz"
    let report = try sweep.driver(definition).runLocally(jobs: 1)
    guard case .failed(let reason, _) = report.failed.first?.outcome else {
      Issue.record("expected a failure")
      return
    }
    #expect(reason.contains("'no-such-program-xyz' was not found"))
  }
}
