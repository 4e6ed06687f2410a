import Foundation
import MiniTasks
import ReproDriver
import Sweep
import Testing

@testable import MiniReplication

/// The miniature grid as a sweep (`mini train --slurm`, `mini collect`), without torch or Slurm:
/// the "trainer" is a shell script that writes a committed cell's files, run through the same
/// sweep machinery an array task goes through (`runLocally` runs the array's command and
/// verification), then installed as a local run installs.
@Suite struct GridSweepTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let committed = MiniLayout(root: repository)
  let cell = MiniGrid.smoke.cells[0]

  /// A scratch project with the committed vision tower, a manifest, empty shards and a training
  /// code folder, plus a fake trainer that copies the committed files of `cell` into `--out`,
  /// with `edit` applied to the copied checkpoint (to test rejection).
  func scratch(edit: String = "") throws -> (GridSweep, URL) {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("mini-sweep-\(UUID().uuidString)")
    let layout = MiniLayout(root: root)
    let files = FileManager.default
    for folder in [layout.artifactsDirectory, layout.familyData(.reasoning), layout.trainingDirectory.appendingPathComponent("minivlm")] {
      try files.createDirectory(at: folder, withIntermediateDirectories: true)
    }
    try files.copyItem(at: Self.committed.visionTower, to: layout.visionTower)
    try MiniManifest.currentGeneratorStamp(.reasoning).write(to: layout.familyData(.reasoning).appendingPathComponent(MiniDataset.manifestName))
    for split in ["train-000", "eval-000"] {
      try Data().write(to: layout.familyData(.reasoning).appendingPathComponent("reasoning-\(split).safetensors"))
    }
    try Data("print(1)".utf8).write(to: layout.trainingDirectory.appendingPathComponent("minivlm/train.py"))
    let sources = Self.committed.cellFiles(cell).map(\.path)
    for source in sources { try #require(files.fileExists(atPath: source), "the committed smoke cell \(source) is missing") }
    // Called as `python -m minivlm.train --config CONFIG --out OUT --feature-cache FOLDER`.
    let trainer = root.appendingPathComponent("fake-python")
    let script = """
      #!/bin/sh
      set -eu
      [ "$1 $2 $3 $5 $7" = "-m minivlm.train --config --out --feature-cache" ] || { echo "unexpected arguments: $*" >&2; exit 2; }
      [ -f "$4" ] || { echo "no config at $4" >&2; exit 2; }
      [ "$OMP_NUM_THREADS" = 1 ] || exit 3
      cp \(sources.map { "'\($0)'" }.joined(separator: " ")) "$6/"
      \(edit)
      """
    try script.write(to: trainer, atomically: true, encoding: .utf8)
    try files.setAttributes([.posixPermissions: 0o755], ofItemAtPath: trainer.path)
    return (GridSweep(training: CellTraining(layout: layout, grid: MiniGrid.smoke), python: trainer), root)
  }

  @Test func aCellIsTheTrainersCommandWithItsInputsAndAbsoluteDataPaths() throws {
    let (sweep, root) = try scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    let definition = try sweep.definition(of: [cell])
    #expect(definition.command == [sweep.python.path, "-m", "minivlm.train", "--config", "{config}", "--out", "{out}",
                                   "--feature-cache", sweep.training.layout.featureCache.path])
    #expect(definition.directory == sweep.training.layout.trainingDirectory.path)
    #expect(definition.environment?["OMP_NUM_THREADS"] == "1")
    #expect(definition.outputs == ["{cell}.safetensors", "{cell}.predictions.safetensors", "{cell}.json"])
    #expect(definition.slurm?.cpusPerTask == 1, "the trainer is single-threaded")
    let only = try #require(definition.cells.first)
    #expect(only.name == cell.name)
    #expect(only.parameters?["inputs"] == (try sweep.training.inputsFingerprint(cell)))
    let config = try #require(try JSONSerialization.jsonObject(with: try JSONEncoder().encode(only.config)) as? [String: Any])
    let data = try #require(config["data"] as? [String: Any])
    #expect(data["vision_tower"] as? String == sweep.training.layout.visionTower.standardizedFileURL.path)
    #expect((data["train_shards"] as? [String])?.allSatisfy { $0.hasPrefix("/") } == true)
  }

  @Test func aCellTrainedThroughTheSweepIsVerifiedAndInstalledAsALocalRunIs() throws {
    let (sweep, root) = try scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(try sweep.stale([cell]) == [cell])
    let driver = try sweep.driver(of: [cell], scheduler: NoSlurm())
    let run = try driver.runLocally(jobs: 1)
    #expect(run.failed.isEmpty, "\(run.results)")
    #expect(run.status.state(of: cell.name) == .complete)
    #expect(try sweep.installComplete([cell], status: run.status) == [cell])
    #expect(try sweep.training.staleness(cell) == nil, "an installed cell is up to date")
    #expect(try sweep.stale([cell]).isEmpty)
    let installed = try Data(contentsOf: sweep.training.layout.checkpoint(cell))
    #expect(installed == (try Data(contentsOf: Self.committed.checkpoint(cell))))
    let record = try TrainingRecord.read(sweep.training.layout.record(cell))
    #expect(record["resolved_paths"] == nil)
    let config = try #require(record["config"] as? [String: Any])
    let data = try JSONSerialization.data(withJSONObject: config, options: [.sortedKeys])
    #expect(!String(decoding: data, as: UTF8.self).contains(root.path), "an installed record names no absolute path")
    #expect(NSDictionary(dictionary: config) == NSDictionary(dictionary: try #require(
      try JSONSerialization.jsonObject(with: try sweep.training.config(cell)) as? [String: Any])), "the record keeps the local config")
    // Installing again changes nothing.
    #expect(try sweep.installComplete([cell], status: try driver.status()) == [cell])
    #expect(try sweep.training.staleness(cell) == nil)
  }

  @Test func aCorruptCheckpointIsRejectedAndNothingIsInstalled() throws {
    let (sweep, root) = try scratch(edit: "printf x >> \"$6/\(cell.name).safetensors\"")
    defer { try? FileManager.default.removeItem(at: root) }
    let driver = try sweep.driver(of: [cell], scheduler: NoSlurm())
    let run = try driver.runLocally(jobs: 1)
    let failure = try #require(run.failed.first)
    guard case .failed(let reason, _) = failure.outcome else { Issue.record("not a failure"); return }
    #expect(reason.contains("SHA-256"), "\(reason)")
    #expect(try sweep.installComplete([cell], status: run.status).isEmpty)
    #expect(try sweep.training.staleness(cell) == "never trained")
  }

  @Test func aResultTrainedFromOlderInputsIsNotInstalled() throws {
    let (sweep, root) = try scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    _ = try sweep.driver(of: [cell], scheduler: NoSlurm()).runLocally(jobs: 1)
    try Data("print(2)".utf8).write(to: sweep.training.layout.trainingDirectory.appendingPathComponent("minivlm/train.py"))
    let status = try sweep.driver(of: [cell], scheduler: NoSlurm()).status()
    guard case .missing(let reason) = try #require(status.state(of: cell.name)) else {
      Issue.record("a result of other inputs must not count: \(status.cells)")
      return
    }
    #expect(reason.contains("parameters"), "\(reason)")
    #expect(try sweep.installComplete([cell], status: status).isEmpty)
  }
}

/// A scheduler that is not there: no `sbatch`, no `squeue`.
struct NoSlurm: SlurmScheduler {
  var canSubmit: Bool { false }
  func submit(script: URL) throws -> String { throw SweepError.schedulerFailed(command: "sbatch", status: "absent", message: "") }
  func queuedTasks(of jobs: [String]) throws -> [ArrayTask: String]? { nil }
  func endedTasks(of jobs: [String]) -> [ArrayTask: String]? { nil }
  func submitCommand(for script: URL) -> String { "sbatch \(script.path)" }
}

/// docs/cluster.md shows the job array `mini train --slurm --dry-run` writes for the smoke grid:
/// generated here in a scratch checkout, whose path stands in for `/home/lab/repro`.
@Suite struct GridSweepGuideTests {
  @Test func theGuideShowsTheScriptTheSmokeGridSubmits() throws {
    let (fake, root) = try GridSweepTests().scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    let layout = fake.training.layout
    let sweep = GridSweep(training: fake.training, python: PythonTrainer.interpreter(layout: layout, environment: [:]))
    let options = SlurmOptions(partition: "cpu", time: "1:00:00", mem: "2G")
    guard case .dryRun(let script, _, _) = try sweep.driver(of: MiniGrid.smoke.cells, scheduler: NoSlurm()).submit(options, dryRun: true) else {
      Issue.record("expected a dry run")
      return
    }
    let generated = script.text.replacingOccurrences(of: layout.root.standardizedFileURL.path, with: "/home/lab/repro")
    let guide = GridSweepTests.repository.appendingPathComponent("docs/cluster.md")
    let lines = try String(contentsOf: guide, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
    let marker = try #require(lines.firstIndex { $0.hasPrefix("<!-- mini-example: script") }, "docs/cluster.md lost its mini-example marker")
    let open = try #require(lines[marker...].firstIndex { $0.hasPrefix("```") })
    let close = try #require(lines[(open + 1)...].firstIndex { $0.hasPrefix("```") })
    let shown = lines[(open + 1)..<close].joined(separator: "\n") + "\n"
    // The README shows an excerpt: each line, "…" aside, is a line of the script, in order.
    let readme = try String(contentsOf: GridSweepTests.repository.appendingPathComponent("README.md"), encoding: .utf8)
      .split(separator: "\n", omittingEmptySubsequences: false)
    let excerptMarker = try #require(readme.firstIndex { $0.hasPrefix("<!-- mini-example: excerpt") }, "README.md lost its mini-example excerpt")
    let excerptOpen = try #require(readme[excerptMarker...].firstIndex { $0.hasPrefix("```") })
    let excerptClose = try #require(readme[(excerptOpen + 1)...].firstIndex { $0.hasPrefix("```") })
    var scriptLines = generated.split(separator: "\n", omittingEmptySubsequences: false)[...]
    for line in readme[(excerptOpen + 1)..<excerptClose] where line != "…" {
      let found = scriptLines.firstIndex(of: line)
      #expect(found != nil, "README.md's script excerpt has a line the generated script does not (in this order): \(line)")
      if let found { scriptLines = scriptLines[(found + 1)...] }
    }
    if generated != shown {
      let update = FileManager.default.temporaryDirectory.appendingPathComponent("mini-example-script.sh")
      try generated.write(to: update, atomically: true, encoding: .utf8)
      Issue.record("docs/cluster.md must show the script `repro mini train --all --slurm --dry-run` writes; the current one is in \(update.path)")
    }
  }
}

@Suite struct GridSweepFollowUpTests {
  /// `status` and `collect` follow a submission with the interpreter it used, so a result is not
  /// called "never run" because they were started without the submitter's `REPRO_PYTHON`.
  @Test func statusAndCollectUseTheInterpreterOfTheLastSubmission() throws {
    let (sweep, root) = try GridSweepTests().scratch()
    defer { try? FileManager.default.removeItem(at: root) }
    let unrecorded = GridSweep.following(sweep.training, environment: [:])
    #expect(unrecorded.python == sweep.training.layout.trainingDirectory.appendingPathComponent(".venv/bin/python"))
    try sweep.recordInterpreter()
    #expect(GridSweep.following(sweep.training, environment: [:]).python == sweep.python)
    #expect(GridSweep.following(sweep.training, environment: ["REPRO_PYTHON": "/elsewhere/python"]).python == sweep.python)
  }
}
