import ArgumentParser
import Foundation
import InferenceCost
import MiniTasks
import MiniVLM
import ResultsStore
import SeededRandom

/// `repro bench mini`: the Swift engine's batch evaluation of a miniature checkpoint against
/// PyTorch eager (the trainer's `bench.py`) on the same checkpoint, questions, batch size and
/// thread count, in one run.
struct BenchMiniCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mini",
    abstract: "Time miniature-checkpoint evaluation, Swift against PyTorch eager, in the same run.",
    discussion: """
      Both sides answer the first --batch questions of an eval shard, image to answer, the tower \
      once per question (as Training/minivlm/bench.py does), after one warm-up; medians of \
      --repeats runs. Without --checkpoint the committed QueCC parity fixture is timed on \
      random questions. PyTorch runs under --python, $\(TorchReference.environmentVariable) or \
      the training virtualenv; without torch only the Swift side is reported.
      """)

  @Option(help: "A cell checkpoint (default: Tests/MiniVLMTests/Fixtures/quecc.safetensors).")
  var checkpoint: String?

  @Option(help: "Its vision tower (default: found beside the checkpoint by SHA-256).")
  var tower: String?

  @Option(help: "An eval shard (default: .mini-data/<family>/; random questions for the fixture).")
  var data: String?

  @Option(help: "Questions per timed batch (1…4096).")
  var batch = 64

  @Option(help: "Threads on both sides (1…64).")
  var threads = 1

  @Option(help: "Timed repeats per side (3…1000; the median is reported).")
  var repeats = 7

  @Option(help: "Python interpreter with torch (default: $\(TorchReference.environmentVariable), else the training virtualenv, else python3).")
  var python: String?

  @Flag(help: "Print JSON.")
  var json = false

  func validate() throws {
    guard (1...4096).contains(batch) else { throw ValidationError("--batch must be in 1…4096") }
    guard (1...64).contains(threads) else { throw ValidationError("--threads must be in 1…64") }
    guard (3...1000).contains(repeats) else { throw ValidationError("--repeats must be in 3…1000") }
  }

  struct Side: Encodable {
    var medianSeconds: Double
    var towerMedianSeconds: Double
    var examplesPerSecond: Double
  }

  struct Report: Encodable {
    var cell: String
    var checkpoint: String
    var questions: Int
    var threads: Int
    var repeats: Int
    var swift: Side
    var pytorch: Side?
    var pytorchCellMedianSeconds: Double?
    var pytorchOverSwift: Double?
    var towerPytorchOverSwift: Double?
    var torchVersion: String?
    var pytorchUnavailable: String?
    var loadAverageBefore: Double?
    var loadAverageAfter: Double?
    var machine: String
  }

  func run() throws {
    let root = try ProjectLayout.locate().root
    let fixtures = root.appendingPathComponent("Tests/MiniVLMTests/Fixtures", isDirectory: true)
    let checkpointURL = checkpoint.map { URL(fileURLWithPath: $0) } ?? fixtures.appendingPathComponent("quecc.safetensors")
    let towerURL = tower.map { URL(fileURLWithPath: $0) } ?? (checkpoint == nil ? fixtures.appendingPathComponent("tower.safetensors") : nil)
    let model = try MiniVLM.load(checkpoint: checkpointURL, tower: towerURL)
    let resolvedTower = try towerURL ?? MiniVLM.locateTower(for: checkpointURL, sha256: model.configuration.visionTowerSHA256)
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("bench-mini-\(UUID().uuidString)", isDirectory: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let shardURL: URL
    if let data {
      shardURL = try Self.firstShard(URL(fileURLWithPath: data), family: model.configuration.family)
    } else if checkpoint == nil {
      shardURL = try Self.randomShard(for: model.configuration, questions: batch, in: scratch)
    } else {
      shardURL = try Self.firstShard(MiniDataDirectory.locate(), family: model.configuration.family)
    }
    let set = try MiniEvalSet.load(shardURL, family: model.configuration.family)
    guard set.questionCount >= batch else {
      throw ValidationError("\(shardURL.path) has \(set.questionCount) questions, fewer than --batch \(batch)")
    }
    let requests = set.requests(batch)
    let loadBefore = Machine.loadAverage()

    // Swift: warm-up, then the pipeline and the tower alone, `repeats` times each.
    _ = try model.evaluate(requests, threads: threads)
    let pipeline = try BenchFit.median(repeats) { _ = try model.evaluate(requests, threads: threads) }
    let towerOnly = try BenchFit.median(repeats) { _ = model.encodeImages(requests, threads: threads) }
    var report = Report(
      cell: model.configuration.cell, checkpoint: checkpointURL.path, questions: batch, threads: threads, repeats: repeats,
      swift: Side(medianSeconds: pipeline, towerMedianSeconds: towerOnly, examplesPerSecond: Double(batch) / pipeline),
      machine: Machine.current.summary)

    let reference = TorchReference(python: python, projectRoot: root)
    switch reference.runJSON(
      ["-m", "minivlm.bench", "--tower", resolvedTower.path, "--checkpoint", checkpointURL.path, "--eval-shard", shardURL.path,
       "--batch-size", String(batch), "--threads", String(threads), "--repeats", String(repeats)],
      environment: ["PYTHONPATH": root.appendingPathComponent("Training").path])
    {
    case .success(let reply):
      guard let median = reply["median_seconds"] as? Double, let tower = reply["median_tower_seconds"] as? Double else {
        report.pytorchUnavailable = "bench.py replied without median_seconds / median_tower_seconds"
        break
      }
      report.pytorch = Side(medianSeconds: median, towerMedianSeconds: tower, examplesPerSecond: Double(batch) / median)
      report.pytorchCellMedianSeconds = reply["median_cell_seconds"] as? Double
      report.pytorchOverSwift = median / pipeline
      report.towerPytorchOverSwift = tower / towerOnly
      report.torchVersion = reply["torch_version"] as? String
    case .failure(let reason):
      report.pytorchUnavailable = reason.description
    }
    report.loadAverageBefore = loadBefore
    report.loadAverageAfter = Machine.loadAverage()
    if json {
      try printJSON(report)
    } else {
      print(Self.text(report))
    }
  }

  static func text(_ report: Report) -> String {
    func ms(_ seconds: Double?) -> String { seconds.map { String(format: "%9.2f ms", $0 * 1e3) } ?? "        -   " }
    func ratio(_ value: Double?) -> String { value.map { String(format: "%.2f×", $0) } ?? "-" }
    var lines = [
      "machine: \(report.machine); 1-min load \(report.loadAverageBefore.map { String(format: "%.2f", $0) } ?? "?") before, "
        + "\(report.loadAverageAfter.map { String(format: "%.2f", $0) } ?? "?") after",
      "\(report.cell) (\(report.checkpoint)): \(report.questions) questions, image to answer, \(report.threads) threads, "
        + "median of \(report.repeats)",
      "                         Swift        PyTorch eager   PyTorch / Swift",
      "  image to answer  \(ms(report.swift.medianSeconds))   \(ms(report.pytorch?.medianSeconds))   \(ratio(report.pytorchOverSwift))",
      "  tower alone      \(ms(report.swift.towerMedianSeconds))   \(ms(report.pytorch?.towerMedianSeconds))   \(ratio(report.towerPytorchOverSwift))",
      "  examples/s       \(String(format: "%9.0f   ", report.swift.examplesPerSecond))  "
        + (report.pytorch.map { String(format: "%9.0f   ", $0.examplesPerSecond) } ?? "       -    "),
    ]
    if let unavailable = report.pytorchUnavailable {
      lines.append("PyTorch reference not run: \(unavailable)")
    } else if let version = report.torchVersion {
      lines.append("torch \(version); target PyTorch / Swift ≥ 1.0 (aim 2.0): \(report.pytorchOverSwift.map { $0 >= 1 ? "met" : "NOT met" } ?? "-")")
    }
    return lines.joined(separator: "\n")
  }

  /// The first eval shard of `family` at `path` (a shard, or a directory as `repro mini data` writes it).
  static func firstShard(_ path: URL, family: String) throws -> URL {
    let set = try MiniEvalSet.load(path, family: family)
    return URL(fileURLWithPath: set.sources[0].path)
  }

  /// A shard of `questions` random questions (one image each) in the model's vocabulary, with
  /// the manifest the trainer's reader checks shards against: a workload for a fixture that
  /// has no data of its own. Timing does not depend on what the pictures show.
  static func randomShard(for configuration: MiniCellConfiguration, questions: Int, in directory: URL) throws -> URL {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    var generator = SplitMix64(seed: 1)
    func next(_ bound: Int) -> Int { Int(generator.nextUnitDouble() * Double(bound)) }
    let Q = configuration.questionTokens, vocabulary = configuration.language.vocabularySize
    let family = TaskFamily(rawValue: configuration.family) ?? .reasoning
    let metadata = ShardMetadata(
      family: family, generatorVersion: family.generatorVersion, split: .eval,
      seed: 1, shard: 0, vocabulary: ["<pad>"] + (1..<vocabulary).map { "t\($0)" }, questionTypes: ["random"],
      questionTokens: Q, patchLabelClasses: 1)
    var shard = MiniShard(metadata: metadata, examples: [])
    shard.images = (0..<(questions * MiniTasks.imageBytes)).map { _ in UInt8(next(256)) }
    shard.patchLabels = [UInt8](repeating: 0, count: questions * MiniTasks.patchGridSide * MiniTasks.patchGridSide)
    shard.questions = (0..<(questions * Q)).map { _ in Int32(1 + next(vocabulary - 1)) }
    shard.answers = (0..<questions).map { _ in Int32(1 + next(vocabulary - 1)) }
    shard.questionTypes = [Int32](repeating: 0, count: questions)
    shard.imageIndex = (0..<questions).map(Int32.init)
    let url = directory.appendingPathComponent("\(configuration.family)-eval-000.safetensors")
    try shard.encoded().write(to: url)
    let shards = [["file": url.lastPathComponent, "sha256": try MiniVLM.sha256(of: url)]]
    let manifest: [String: Any] = ["splits": [["split": "eval", "shards": shards]]]
    try JSONSerialization.data(withJSONObject: manifest).write(to: directory.appendingPathComponent("manifest.json"))
    return url
  }
}
