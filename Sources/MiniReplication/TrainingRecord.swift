import Foundation
import MiniVLM

/// A cell's training record (`<cell>.json`), written by the trainer and completed by Swift: the
/// inputs fingerprint when the cell is installed, and the engine's agreement with PyTorch once
/// `repro mini eval --record` has checked it.
///
/// The record is the trainer's JSON object; Swift adds keys without reinterpreting the rest, and
/// writes it back with sorted keys so the same content gives the same bytes.
public enum TrainingRecord {
  public static func read(_ url: URL) throws -> [String: Any] {
    guard let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] else {
      throw MiniReplicationError.incompleteOutput(what: "training", missing: "a JSON object in \(url.lastPathComponent)")
    }
    return object
  }

  /// Sorted keys, indented, trailing newline, written atomically.
  public static func write(_ record: [String: Any], to url: URL) throws {
    let data = try JSONSerialization.data(withJSONObject: record, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    try (data + Data("\n".utf8)).write(to: url, options: .atomic)
  }

  /// Records the Swift engine's agreement with the trainer's predictions, for the checkpoint
  /// with SHA-256 `checkpointSHA256`.
  public static func recordParity(_ agreement: PredictionAgreement, checkpointSHA256: String, evalShardSHA256: String, in url: URL) throws {
    var record = try read(url)
    record["parity"] = parityEntry(agreement, checkpointSHA256: checkpointSHA256, evalShardSHA256: evalShardSHA256)
    try write(record, to: url)
  }

  /// The record's `parity` entry for `agreement`.
  static func parityEntry(_ agreement: PredictionAgreement, checkpointSHA256: String, evalShardSHA256: String) -> [String: Any] {
    [
      "engine": "Swift MiniVLM (repro mini eval)",
      "checkpoint_sha256": checkpointSHA256,
      "eval_shard_sha256": evalShardSHA256,
      "questions": agreement.questions,
      "identical": agreement.identical,
      "identical_share": agreement.identicalShare,
      "disagreements": agreement.disagreements.count,
      "max_cross_entropy_difference": agreement.maxCrossEntropyDifference,
      "rule": "≥ \(PredictionAgreement.requiredIdenticalShare * 100) % identical argmax; differences only where the top-two margin < \(PredictionAgreement.tieMargin)",
      "passes": agreement.passes,
    ]
  }
}
