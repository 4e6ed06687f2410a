import Foundation
import MiniTasks
import Safetensors

extension MiniEvalSet {
  /// The questions of one shard written by `repro mini data`.
  public init(_ shard: MiniShard, path: String, sha256: String) {
    self.init(
      imageSide: MiniTasks.imageSide, pixels: shard.images, questionTokens: shard.metadata.questionTokens,
      questions: shard.questions.map(Int.init), answers: shard.answers.map(Int.init),
      questionTypes: shard.questionTypes.map(Int.init), imageIndex: shard.imageIndex.map(Int.init),
      typeNames: shard.metadata.questionTypes)
    sources = [Source(path: path, sha256: sha256, family: shard.metadata.family.rawValue, split: shard.metadata.split.rawValue,
                      questions: 0..<shard.questionCount)]
  }

  /// The held-out questions of `family` at `path`: one shard file, or a directory holding
  /// `<family>-eval-NNN.safetensors` directly or under `<family>/` (as `repro mini data` writes
  /// them), concatenated in file-name order.
  public static func load(_ path: URL, family: String) throws(MiniVLMError) -> MiniEvalSet {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory) else {
      throw .unreadable(path: path.path, reason: "no such file or directory; generate the data with `repro mini data` or pass --data")
    }
    var files = [path]
    if isDirectory.boolValue {
      files = []
      for folder in [path, path.appendingPathComponent(family, isDirectory: true)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        files += names.filter { $0.hasPrefix("\(family)-eval-") && $0.hasSuffix(".safetensors") }.sorted()
          .map { folder.appendingPathComponent($0) }
        if !files.isEmpty { break }
      }
      guard !files.isEmpty else {
        throw .unreadable(path: path.path, reason: "no \(family)-eval-NNN.safetensors shards in it or in \(family)/; "
          + "generate them with `repro mini data --family \(family)`")
      }
    }
    var sets: [MiniEvalSet] = []
    for file in files {
      let shard: MiniShard
      do {
        shard = try MiniShard(contentsOf: file)
      } catch {
        throw .unreadable(path: file.path, reason: error.description)
      }
      guard shard.metadata.family.rawValue == family else {
        throw .incompatibleData(reason: "\(file.path) holds \(shard.metadata.family.rawValue) questions; the checkpoint is a \(family) model")
      }
      sets.append(MiniEvalSet(shard, path: file.path, sha256: try MiniVLM.sha256(of: file)))
    }
    return try concatenating(sets)
  }
}

/// PyTorch's answers to an eval shard, as the trainer writes them beside a checkpoint
/// (`<cell>.predictions.safetensors`, docs/miniature-vlm.md §3).
public struct TrainerPredictions: Sendable, Equatable {
  public static let format = "mini-vlm-predictions/1"

  public var predictions: [Int]
  public var margins: [Float]
  public var crossEntropies: [Float]
  /// The SHA-256 of the eval shard the predictions answer.
  public var evalShardSHA256: String
  public var cell: String

  public init(predictions: [Int], margins: [Float], crossEntropies: [Float], evalShardSHA256: String, cell: String) {
    (self.predictions, self.margins, self.crossEntropies) = (predictions, margins, crossEntropies)
    (self.evalShardSHA256, self.cell) = (evalShardSHA256, cell)
  }

  /// Where the trainer puts the predictions of `checkpoint` (`DIR/<cell>.safetensors`).
  public static func url(beside checkpoint: URL) -> URL {
    checkpoint.deletingPathExtension().appendingPathExtension("predictions.safetensors")
  }

  public init(contentsOf url: URL) throws(MiniVLMError) {
    let file = try MiniVLM.open(url)
    struct Header: Decodable {
      var format: String
      var cell: String
      var evalShardSHA256: String
      enum CodingKeys: String, CodingKey { case format, cell, evalShardSHA256 = "eval_shard_sha256" }
    }
    guard let json = file.metadata[MiniVLM.metadataKey] else { throw .missingMetadata(path: url.path, expectedFormat: Self.format) }
    guard let header = try? JSONDecoder().decode(Header.self, from: Data(json.utf8)) else {
      throw .malformedMetadata(path: url.path, reason: "expected format, cell and eval_shard_sha256")
    }
    guard header.format == Self.format else { throw .wrongFormat(path: url.path, found: header.format, expected: Self.format) }
    do {
      predictions = try file.int32s("prediction").map(Int.init)
      margins = try file.floats("margin")
      crossEntropies = try file.floats("cross_entropy")
    } catch {
      throw .unreadable(path: url.path, reason: "\(error)")
    }
    guard margins.count == predictions.count, crossEntropies.count == predictions.count else {
      throw .unreadable(path: url.path, reason: "prediction, margin and cross_entropy differ in length")
    }
    (evalShardSHA256, cell) = (header.evalShardSHA256.lowercased(), header.cell)
  }
}

/// How far the engine's answers agree with PyTorch's on the same questions, and whether that
/// meets the acceptance rule: at least 99.9 % identical argmax, and every disagreement a near
/// tie (top-two margin below 10⁻³ on both sides), where rounding may legitimately flip it.
public struct PredictionAgreement: Sendable, Equatable, Codable {
  public static let requiredIdenticalShare = 0.999
  public static let tieMargin: Float = 1e-3

  public struct Disagreement: Sendable, Equatable, Codable {
    public var question: Int
    public var engine: Int
    public var pytorch: Int
    public var engineMargin: Float
    public var pytorchMargin: Float
  }

  public var questions: Int
  public var identical: Int
  public var identicalShare: Double
  public var disagreements: [Disagreement]
  /// The largest difference of per-question cross-entropy (nats): PyTorch's is stored in F32.
  public var maxCrossEntropyDifference: Double
  public var passes: Bool

  /// Compares `evaluation`'s questions `range` (one shard's) with `trainer`'s, question by question.
  public init(_ evaluation: MiniEvaluation, questions range: Range<Int>, trainer: TrainerPredictions) throws(MiniVLMError) {
    guard range.count == trainer.predictions.count else {
      throw .incompatibleData(reason: "the predictions file answers \(trainer.predictions.count) questions, the shard holds \(range.count)")
    }
    var disagreements: [Disagreement] = []
    var crossEntropy = 0.0
    for (offset, question) in range.enumerated() {
      crossEntropy = max(crossEntropy, abs(evaluation.crossEntropies[question] - Double(trainer.crossEntropies[offset])))
      guard evaluation.predictions[question] != trainer.predictions[offset] else { continue }
      disagreements.append(Disagreement(
        question: offset, engine: evaluation.predictions[question], pytorch: trainer.predictions[offset],
        engineMargin: evaluation.margins[question], pytorchMargin: trainer.margins[offset]))
    }
    questions = range.count
    identical = range.count - disagreements.count
    identicalShare = range.isEmpty ? 1 : Double(identical) / Double(range.count)
    self.disagreements = disagreements
    maxCrossEntropyDifference = crossEntropy
    passes = identicalShare >= Self.requiredIdenticalShare
      && disagreements.allSatisfy { max($0.engineMargin, $0.pytorchMargin) < Self.tieMargin }
  }
}
