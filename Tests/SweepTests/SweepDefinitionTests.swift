import Foundation
import ReproDriver
import Sweep
import Testing

/// Reading and checking sweep definitions: every mistake is an error that names the fix.
struct SweepDefinitionTests {
  static let example = """
    {
      "name": "lab-grid",
      "command": ["python3", "-m", "lab.train", "--config", "{config}", "--seed", "{seed}", "--out", "{out}"],
      "directory": "code",
      "environment": {"OMP_NUM_THREADS": "1"},
      "results": "runs/cells",
      "outputs": ["{cell}.safetensors", "{cell}.json"],
      "digests": {"record": "{cell}.json", "field": "checkpoint.sha256", "file": "{cell}.safetensors"},
      "slurm": {"partition": "cpu", "time": "2:00:00", "cpusPerTask": 2, "mem": "4G"},
      "cells": [
        {"name": "d32-v16-s0", "parameters": {"seed": "0"}, "config": {"width": 32, "visual_tokens": 16}},
        {"name": "d64-v16-s0", "parameters": {"seed": "0"}, "config": {"width": 64, "visual_tokens": 16}}
      ]
    }
    """

  func load(_ text: String) throws -> SweepDriver {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sweep-definition-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("sweep.json")
    try Data(text.utf8).write(to: file)
    return try SweepDriver.load(file, scheduler: NoScheduler())
  }

  func error(_ text: String) -> String {
    do {
      _ = try load(text)
      return "no error"
    } catch {
      return "\(error)"
    }
  }

  @Test func theExampleLoadsWithPathsRelativeToTheSweepFile() throws {
    let driver = try load(Self.example)
    #expect(driver.definition.cells.map(\.name) == ["d32-v16-s0", "d64-v16-s0"])
    #expect(driver.folders.results.path.hasSuffix("/runs/cells"))
    #expect(driver.folders.work.path.hasSuffix("/runs/cells/.sweep"))
    #expect(driver.definition.slurm?.cpusPerTask == 2)
  }

  @Test func unknownKeysAreRejectedNotIgnored() {
    let misspelt = Self.example.replacingOccurrences(of: "\"outputs\"", with: "\"outptus\"")
    #expect(error(misspelt).contains("unknown key 'outptus'"))
    let cellKey = Self.example.replacingOccurrences(of: "\"parameters\": {\"seed\": \"0\"}, \"config\": {\"width\": 32", with: "\"params\": {\"seed\": \"0\"}, \"config\": {\"width\": 32")
    #expect(error(cellKey).contains("unknown key 'params'"))
    let slurmKey = Self.example.replacingOccurrences(of: "\"cpusPerTask\"", with: "\"cpus\"")
    #expect(error(slurmKey).contains("unknown key 'cpus'"))
  }

  @Test func placeholdersMustNameSomethingTheCellDefines() {
    let unknown = Self.example.replacingOccurrences(of: "{seed}", with: "{sede}")
    let message = error(unknown)
    #expect(message.contains("'{sede}'"))
    #expect(message.contains("{seed}"), "the message lists the known placeholders")
    let brace = Self.example.replacingOccurrences(of: "\"{seed}\"", with: "\"{ seed}\"")
    #expect(error(brace).contains("write '{{' for a literal brace"))
  }

  @Test func badValuesAreErrorsThatNameTheField() {
    let cases: [(String, String, String)] = [
      ("\"name\": \"d64-v16-s0\"", "\"name\": \"d32-v16-s0\"", "listed twice"),
      ("\"name\": \"d64-v16-s0\"", "\"name\": \"../x\"", "not a cell name"),
      ("\"name\": \"lab-grid\"", "\"name\": \"lab grid\"", "name:"),
      ("\"outputs\": [\"{cell}.safetensors\", \"{cell}.json\"]", "\"outputs\": []", "outputs:"),
      ("\"outputs\": [\"{cell}.safetensors\", \"{cell}.json\"]", "\"outputs\": [\"../{cell}.json\"]", "inside the cell's folder"),
      ("\"outputs\": [\"{cell}.safetensors\", \"{cell}.json\"]", "\"outputs\": [\"{out}/x\"]", "'{out}'"),
      (", \"config\": {\"width\": 64, \"visual_tokens\": 16}", "", "uses {config} but the cell has no config"),
      ("\"cpusPerTask\": 2", "\"cpusPerTask\": 0", "--cpus-per-task '0'"),
      ("\"time\": \"2:00:00\"", "\"time\": \"2h\"", "--time '2h'"),
      ("\"mem\": \"4G\"", "\"mem\": \"4GB\"", "--mem '4GB'"),
      ("\"OMP_NUM_THREADS\"", "\"OMP-THREADS\"", "environment"),
      ("\"field\": \"checkpoint.sha256\"", "\"field\": \"checkpoint..sha256\"", "digests.field"),
    ]
    for (find, replace, expected) in cases {
      let text = Self.example.replacingOccurrences(of: find, with: replace)
      #expect(text != Self.example, "the edit '\(find)' must apply")
      #expect(error(text).contains(expected), "\(replace): \(error(text))")
    }
  }

  @Test func brokenJSONNamesWhereItBroke() {
    #expect(error("{\"name\": \"x\"}").contains("missing key"))
    #expect(error(Self.example.replacingOccurrences(of: "\"cpusPerTask\": 2", with: "\"cpusPerTask\": \"2\"")).contains("slurm.cpusPerTask"))
  }

  @Test func slurmTimeMemoryAndCountsAreRangeChecked() {
    let good = ["30", "1:30", "2:00:00", "1-12", "1-12:30", "3-00:00:00"]
    for time in good { #expect(throws: Never.self, "\(time)") { try SlurmOptions(time: time).validate() } }
    let bad = ["0", "", "1:60", "25:00:61", "1-24", "x", "1-2-3", "1:2:3:4", "0:00"]
    for time in bad { #expect(throws: SweepError.self, "\(time)") { try SlurmOptions(time: time).validate() } }
    for mem in ["1", "500M", "4G", "2T", "1024K"] { #expect(throws: Never.self) { try SlurmOptions(mem: mem).validate() } }
    for mem in ["0", "0G", "-1", "4 G", "4g", "G", "4GB"] { #expect(throws: SweepError.self, "\(mem)") { try SlurmOptions(mem: mem).validate() } }
    #expect(throws: Never.self) { try SlurmOptions(cpusPerTask: 1024, maxRunning: 1000).validate() }
    #expect(throws: SweepError.self) { try SlurmOptions(cpusPerTask: 1025).validate() }
    #expect(throws: SweepError.self) { try SlurmOptions(maxRunning: 0).validate() }
    #expect(throws: SweepError.self) { try SlurmOptions(partition: "a b").validate() }
    #expect(throws: SweepError.self) { try SlurmOptions(directives: ["--gres=gpu:1\n#SBATCH --x"]).validate() }
    #expect(throws: Never.self) { try SlurmOptions(directives: ["--gres=gpu:1", "--exclusive"]).validate() }
  }

  @Test func commandLineOptionsOverrideTheDefinitionsSlurmDefaults() {
    let defaults = SlurmOptions(partition: "cpu", time: "10", cpusPerTask: 2)
    let merged = defaults.overridden(by: SlurmOptions(time: "20", mem: "1G"))
    #expect(merged == SlurmOptions(partition: "cpu", time: "20", cpusPerTask: 2, mem: "1G"))
  }
}
