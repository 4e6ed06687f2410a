import Foundation
import GoldenFiles
import Sweep
import Testing

@testable import Sweep

/// The generated job-array script: deterministic text, checked against a golden file, and the
/// parsing of what Slurm's commands print.
struct SlurmArrayScriptTests {
  /// A lab's sweep at a fixed (nonexistent) path, so the script's absolute paths are stable.
  static let definition = SweepDefinition(
    name: "mini-train",
    command: ["python3", "-m", "minivlm.train", "--config", "{config}", "--out", "{out}", "--tag={cell}:{seed}", "it's"],
    directory: "Training", environment: ["OMP_NUM_THREADS": "1", "PYTHONHASHSEED": "0"], results: "mini/cells",
    outputs: ["{cell}.safetensors", "{cell}.json"],
    digests: DigestRecord(record: "{cell}.json", field: "checkpoint_sha256", file: "{cell}.safetensors"),
    slurm: SlurmOptions(partition: "cpu", time: "1:00:00", cpusPerTask: 1, mem: "2G"),
    cells: [
      SweepCell(name: "reasoning-pool-d32l2-v1-s0", parameters: ["seed": "0"], config: .object(["width": .integer(32), "visual_tokens": .integer(1)])),
      SweepCell(name: "reasoning-pool-d32l2-v16-s0", parameters: ["seed": "0"], config: .object(["width": .integer(32), "visual_tokens": .integer(16)])),
      SweepCell(name: "ocr-pool-d64l3-v144-s1", parameters: ["seed": "1"], config: .object(["width": .integer(64), "visual_tokens": .integer(144)])),
    ])

  static func dryRun(_ options: SlurmOptions = SlurmOptions()) throws -> (SlurmArrayScript, URL, String) {
    let driver = try SweepDriver(definition: definition, baseDirectory: URL(fileURLWithPath: "/lab/vlm"), scheduler: NoScheduler())
    guard case .dryRun(let script, let url, let command) = try driver.submit(options, dryRun: true) else {
      Issue.record("expected a dry run")
      throw CancellationError()
    }
    return (script, url, command)
  }

  @Test func theScriptMatchesItsGoldenFile() throws {
    let (script, url, command) = try Self.dryRun(SlurmOptions(time: "30", maxRunning: 2, directives: ["--account=vision"]))
    try Golden.expect(script.text, matches: "array.sh")
    try Golden.expect(script.cellList, matches: "cells.txt")
    #expect(url.path == "/lab/vlm/mini/cells/.sweep/arrays/001/array.sh")
    #expect(command == "sbatch /lab/vlm/mini/cells/.sweep/arrays/001/array.sh")
  }

  @Test func theSameCellsGiveTheSameBytes() throws {
    #expect(try Self.dryRun().0 == Self.dryRun().0)
  }

  @Test func theScriptRunsTheSameArgumentsAsALocalRun() throws {
    let plan = try SweepPlan(Self.definition, baseDirectory: URL(fileURLWithPath: "/lab/vlm"))
    let cell = plan.cells[2]
    let local = cell.arguments.map { $0.resolved(out: "/tmp/out dir", config: "/c/\(cell.name).json") }
    #expect(local == ["python3", "-m", "minivlm.train", "--config", "/c/ocr-pool-d64l3-v144-s1.json", "--out", "/tmp/out dir", "--tag=ocr-pool-d64l3-v144-s1:1", "it's"])
    // bash itself expands the script's words: they must give the same vector.
    let words = cell.arguments.map { $0.bashWord(outVariable: "staging", config: "/c/\(cell.name).json") }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", "staging='/tmp/out dir'; command=(\(words.joined(separator: " "))); printf '%s\\n' \"${command[@]}\""]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(output.split(separator: "\n").map(String.init) == local)
  }

  @Test func sbatchSquueAndSacctRepliesAreParsed() {
    #expect(SlurmCommands.parseJobID("1234\n") == "1234")
    #expect(SlurmCommands.parseJobID("1234;cluster\n") == "1234")
    #expect(SlurmCommands.parseJobID("sbatch: error: x\n") == nil)
    let queue = "77|0|RUNNING\n77|1|PENDING\n12|N/A|RUNNING\n78|3|RUNNING\ngarbage\n"
    #expect(SlurmCommands.parseTasks(queue, jobs: ["77", "12"]) == [ArrayTask(jobID: "77", index: 0): "RUNNING", ArrayTask(jobID: "77", index: 1): "PENDING"])
    let accounting = "77_0|COMPLETED|0:0\n77_1|CANCELLED by 0|0:15\n77_[2-4]|PENDING|0:0\n"
    #expect(SlurmCommands.parseAccounting(accounting) == [
      ArrayTask(jobID: "77", index: 0): "COMPLETED (exit code 0:0)", ArrayTask(jobID: "77", index: 1): "CANCELLED by 0 (exit code 0:15)",
    ])
  }

  /// docs/cluster.md shows a sweep and "the script it generates": it must be.
  @Test func theClusterGuideShowsTheScriptItsSweepGenerates() throws {
    let guide = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("docs/cluster.md")
    let text = try String(contentsOf: guide, encoding: .utf8)
    func block(after marker: String) throws -> String {
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
      let start = try #require(lines.firstIndex { $0.hasPrefix(marker) }, "docs/cluster.md lost its '\(marker)' marker")
      let open = try #require(lines[start...].firstIndex { $0.hasPrefix("```") })
      let close = try #require(lines[(open + 1)...].firstIndex { $0.hasPrefix("```") })
      return lines[(open + 1)..<close].joined(separator: "\n") + "\n"
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sweep-guide-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("qwen14b-eval.json")
    try Data(try block(after: "<!-- sweep-example: definition").utf8).write(to: file)
    guard case .dryRun(let script, _, _) = try SweepDriver.load(file, scheduler: NoScheduler()).submit(dryRun: true) else {
      Issue.record("expected a dry run")
      return
    }
    let shown = try block(after: "<!-- sweep-example: script")
    #expect(script.text == shown, "docs/cluster.md must show the script `repro sweep submit --dry-run` prints for its example")
  }

  @Test func moreStaleCellsThanOneArrayHoldsIsAnError() throws {
    var definition = Self.definition
    definition.cells = (0..<1001).map { SweepCell(name: "c\($0)", parameters: ["seed": "0"], config: .null) }
    let driver = try SweepDriver(definition: definition, baseDirectory: URL(fileURLWithPath: "/lab/vlm"), scheduler: NoScheduler())
    #expect(throws: SweepError.tooManyCells(count: 1001, limit: 1000)) { try driver.submit(dryRun: true) }
  }
}
