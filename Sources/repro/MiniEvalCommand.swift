import ArgumentParser
import Foundation
import MiniReplication
import MiniVLM

/// `repro mini eval`: a trained miniature checkpoint on a held-out set — accuracy and
/// cross-entropy, and agreement with the trainer's own predictions when they sit beside it.
struct MiniEvalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval",
    abstract: "Evaluate a trained miniature checkpoint: accuracy and cross-entropy, overall and per question type.",
    discussion: """
      If CHECKPOINT's <cell>.predictions.safetensors (written by the trainer) sits beside it, the \
      engine's answers are compared with PyTorch's on that eval shard: the run fails (exit 1) \
      unless at least 99.9 % of the argmax answers are identical and every difference is a near \
      tie (top-two logit margin below 1e-3).
      """)

  @Argument(help: "A cell checkpoint (<cell>.safetensors, docs/miniature-vlm.md §3).")
  var checkpoint: String

  @Option(help: "The vision tower file (default: the one beside the checkpoint or in its parent whose SHA-256 the checkpoint names).")
  var tower: String?

  @Option(help: "An eval shard, or a directory of them (default: .mini-data/ in the project).")
  var data: String?

  @Option(help: "Questions per LM batch (\(MiniVLM.batchRange.lowerBound)…\(MiniVLM.batchRange.upperBound)).")
  var batch = MiniVLM.defaultBatch

  @Option(help: "Threads (\(MiniVLM.threadRange.lowerBound)…\(MiniVLM.threadRange.upperBound)); results do not depend on it.")
  var threads = ProcessInfo.processInfo.activeProcessorCount

  @Flag(help: "Print JSON (with every question's prediction, margin and cross-entropy).")
  var json = false

  @Flag(help: "Write the agreement with PyTorch into the cell's training record (<cell>.json beside the checkpoint).")
  var record = false

  func validate() throws {
    guard MiniVLM.batchRange.contains(batch) else { throw ValidationError("--batch must be in \(MiniVLM.batchRange)") }
    guard MiniVLM.threadRange.contains(threads) else { throw ValidationError("--threads must be in \(MiniVLM.threadRange)") }
  }

  struct Report: Encodable {
    var cell: String
    var compressor: String
    var visualTokens: Int
    var questionTokens: Int
    var nonEmbeddingParameters: Int
    var data: [String]
    var questions: Int
    var images: Int
    var overall: MiniEvaluation.Summary
    var byType: [MiniEvaluation.Summary]
    var predictions: [Int]
    var margins: [Float]
    var crossEntropies: [Double]
    var seconds: Double
    var threads: Int
    var batch: Int
    var agreement: PredictionAgreement?
    var predictionsFile: String?
  }

  func run() throws {
    let checkpointURL = URL(fileURLWithPath: checkpoint)
    let model = try MiniVLM.load(checkpoint: checkpointURL, tower: tower.map { URL(fileURLWithPath: $0) })
    let configuration = model.configuration
    let dataURL = try data.map { URL(fileURLWithPath: $0) } ?? MiniDataDirectory.locate()
    let set = try MiniEvalSet.load(dataURL, family: configuration.family)
    let start = ContinuousClock.now
    let evaluation = try model.evaluate(set, batch: batch, threads: threads)
    let elapsed = ContinuousClock.now - start
    let predictionsURL = TrainerPredictions.url(beside: checkpointURL)
    var agreement: PredictionAgreement?
    if FileManager.default.fileExists(atPath: predictionsURL.path) {
      let trainer = try TrainerPredictions(contentsOf: predictionsURL)
      guard let source = set.sources.first(where: { $0.sha256 == trainer.evalShardSHA256 }) else {
        throw ValidationError("\(predictionsURL.path) answers the eval shard with SHA-256 \(trainer.evalShardSHA256), "
          + "which is not among the evaluated shards (\(set.sources.map(\.path).joined(separator: ", "))); pass that shard with --data")
      }
      agreement = try PredictionAgreement(evaluation, questions: source.questions, trainer: trainer)
      if record, let agreement {
        let recordURL = checkpointURL.deletingPathExtension().appendingPathExtension("json")
        try TrainingRecord.recordParity(
          agreement, checkpointSHA256: try MiniVLM.sha256(of: checkpointURL), evalShardSHA256: source.sha256, in: recordURL)
      }
    } else if record {
      throw ValidationError("--record needs the trainer's \(predictionsURL.lastPathComponent) beside the checkpoint")
    }
    let report = Report(
      cell: configuration.cell, compressor: configuration.compressor.rawValue, visualTokens: configuration.visualTokens,
      questionTokens: configuration.questionTokens, nonEmbeddingParameters: configuration.nonEmbeddingParameterCount,
      data: set.sources.map(\.path), questions: set.questionCount, images: set.imageCount, overall: evaluation.overall,
      byType: evaluation.byType, predictions: evaluation.predictions, margins: evaluation.margins,
      crossEntropies: evaluation.crossEntropies, seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18,
      threads: threads, batch: batch, agreement: agreement, predictionsFile: agreement == nil ? nil : predictionsURL.path)
    if json {
      try printJSON(report)
    } else {
      print(Self.text(report))
    }
    if let agreement, !agreement.passes { throw ExitCode(1) }
  }

  static func text(_ report: Report) -> String {
    func percent(_ x: Double) -> String { String(format: "%.2f %%", 100 * x) }
    var lines = [
      "cell \(report.cell): \(report.compressor), V = \(report.visualTokens), Q = \(report.questionTokens), "
        + "N = \(report.nonEmbeddingParameters) non-embedding LM parameters",
      "data: \(report.questions) questions about \(report.images) images from \(report.data.joined(separator: ", "))",
      "accuracy \(percent(report.overall.accuracy)) (\(report.overall.correct)/\(report.overall.questions)), "
        + "mean cross-entropy \(String(format: "%.4f", report.overall.meanCrossEntropy)) nats",
    ]
    for summary in report.byType {
      lines.append("  \(summary.type.padding(toLength: 18, withPad: " ", startingAt: 0)) \(String(format: "%6d", summary.questions)) questions  "
        + "accuracy \(percent(summary.accuracy))  cross-entropy \(String(format: "%.4f", summary.meanCrossEntropy))")
    }
    lines.append("evaluated in \(String(format: "%.2f", report.seconds)) s (\(report.threads) threads, batch \(report.batch))")
    if let agreement = report.agreement, let file = report.predictionsFile {
      let worst = agreement.disagreements.map { max($0.engineMargin, $0.pytorchMargin) }.max()
      lines.append("agreement with PyTorch (\(file)): \(agreement.identical)/\(agreement.questions) identical argmax "
        + "(\(percent(agreement.identicalShare)), rule ≥ 99.9 %); \(agreement.disagreements.count) differences"
        + (worst.map { String(format: ", largest margin among them %.2e (rule < 1e-3)", $0) } ?? "")
        + String(format: "; max cross-entropy difference %.2e", agreement.maxCrossEntropyDifference)
        + (agreement.passes ? ": PASS" : ": FAIL"))
    } else {
      lines.append("no <cell>.predictions.safetensors beside the checkpoint: agreement with PyTorch not checked")
    }
    return lines.joined(separator: "\n")
  }
}
