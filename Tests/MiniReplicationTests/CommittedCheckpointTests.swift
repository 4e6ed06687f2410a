import Foundation
import MiniTasks
import MiniVLM
import Testing

@testable import MiniReplication

/// The committed miniature checkpoints, checked in CI without torch: each one's record says the
/// Swift engine agreed with PyTorch, and the engine, run here on the regenerated held-out set,
/// agrees again with the predictions PyTorch stored beside the checkpoint.
@Suite struct CommittedCheckpointTests {
  static let layout = MiniLayout(root: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent())

  /// Every committed cell checkpoint (none is fine: then there is nothing to check).
  static var checkpoints: [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: layout.cellsDirectory.path)) ?? []
    return names.filter { $0.hasSuffix(".safetensors") && !$0.hasSuffix(".predictions.safetensors") }.sorted()
      .map { layout.cellsDirectory.appendingPathComponent($0) }
  }

  @Test func everyCommittedCheckpointHasARecordThatNamesItAndAPassingParityCheck() throws {
    for checkpoint in Self.checkpoints {
      let record = try TrainingRecord.read(checkpoint.deletingPathExtension().appendingPathExtension("json"))
      let sha = try MiniVLM.sha256(of: checkpoint)
      #expect((record["checkpoint"] as? [String: Any])?["sha256"] as? String == sha, "\(checkpoint.lastPathComponent)")
      let parity = try #require(record["parity"] as? [String: Any], "\(checkpoint.lastPathComponent): run `./repro mini eval --record`")
      #expect(parity["checkpoint_sha256"] as? String == sha, "parity was checked on another checkpoint")
      #expect(parity["passes"] as? Bool == true)
      #expect((parity["questions"] as? Int ?? 0) >= 4_000)
    }
  }

  /// Every `.safetensors` file the project commits (checkpoints, parity predictions, the tower,
  /// the engine's fixtures; they live in the visible folders of `paper-artifacts/` and `Tests/`) stays within issue
  /// 12's limit: a cell trained past it fails here, before it is committed and reaches a clone,
  /// and the message says by how much.
  @Test func theSafetensorsInTheTreeStayWithinTheBudget() throws {
    let root = Self.layout.root
    var bytes = 0
    var files = 0
    for folder in ["paper-artifacts", "Tests"] {
      // Hidden folders hold what is generated and git-ignored (the engine's synthetic weights in
      // paper-artifacts/.inference-weights), not committed.
      let enumerator = try #require(FileManager.default.enumerator(
        at: root.appendingPathComponent(folder), includingPropertiesForKeys: [.fileSizeKey], options: [.skipsHiddenFiles]))
      for case let url as URL in enumerator where url.pathExtension == "safetensors" {
        bytes += try #require(try url.resourceValues(forKeys: [.fileSizeKey]).fileSize)
        files += 1
      }
    }
    #expect(files > Self.checkpoints.count, "the cells' files and the fixtures are counted")
    #expect(bytes <= MiniGrid.checkpointBudgetBytes,
            "the .safetensors files take \(bytes) bytes, \(bytes - MiniGrid.checkpointBudgetBytes) past the budget of \(MiniGrid.checkpointBudgetBytes)")
  }

  /// How far the engine's per-question cross-entropy may be from PyTorch's. The continuous
  /// compressors agree to 1e-3 nats. The PruMerge-style cells differ by more (up to 0.06 nats over
  /// a grid's 4,000 questions in the committed records) while their answers still agree (the
  /// parity rule, checked above). The likely cause, not traced question by question: the compressor
  /// keeps the top-V patches by an attention score, and where two scores nearly tie a different
  /// summation order keeps the other patch. A broken selection would move every question, far
  /// past this bound.
  static func crossEntropyTolerance(_ compressor: MiniCompressorKind) -> Double {
    compressor == .prumerge ? 0.1 : 1e-3
  }

  /// Regenerates the held-out shard from its seed (only the eval split is read) and compares the
  /// engine's answers with PyTorch's on the first questions of every committed checkpoint.
  @Test func theEngineStillAnswersAsPyTorchDidOnTheRegeneratedHeldOutSet() throws {
    let checkpoints = Self.checkpoints
    guard !checkpoints.isEmpty else { return }
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("mini-parity-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: scratch) }
    var sets: [String: MiniEvalSet] = [:]
    let questions = 500
    for checkpoint in checkpoints {
      let model = try MiniVLM.load(checkpoint: checkpoint, tower: nil)
      let family = model.configuration.family
      if sets[family] == nil {
        let generator = MiniTaskGenerator.standard(try #require(TaskFamily(rawValue: family)))
        let plan = try MiniDatasetPlan(generator: generator, trainQuestions: 10)
        try MiniDataset.write(plan, into: scratch)
        let shard = scratch.appendingPathComponent(family).appendingPathComponent(plan.shardName(.eval, 0))
        sets[family] = try MiniEvalSet.load(shard, family: family)
      }
      let set = try #require(sets[family])
      let trainer = try TrainerPredictions(contentsOf: TrainerPredictions.url(beside: checkpoint))
      #expect(trainer.evalShardSHA256 == set.sources.first?.sha256,
              "the regenerated eval shard differs from the one the checkpoint was evaluated on: generator changed?")
      let evaluation = try model.evaluate(set.requests(questions), threads: 2)
      let subset = TrainerPredictions(
        predictions: Array(trainer.predictions.prefix(questions)), margins: Array(trainer.margins.prefix(questions)),
        crossEntropies: Array(trainer.crossEntropies.prefix(questions)), evalShardSHA256: trainer.evalShardSHA256, cell: trainer.cell)
      let agreement = try PredictionAgreement(evaluation, questions: 0..<questions, trainer: subset)
      #expect(agreement.passes, "\(checkpoint.lastPathComponent): \(agreement.disagreements.count) disagreements")
      #expect(agreement.maxCrossEntropyDifference < Self.crossEntropyTolerance(model.configuration.compressor),
              "\(checkpoint.lastPathComponent)")
    }
  }
}
