import VLM

/// Why a miniature checkpoint, tower or evaluation set was refused; every message names the file
/// and what would fix it.
public enum MiniVLMError: Error, Equatable, CustomStringConvertible {
  case unreadable(path: String, reason: String)
  case missingMetadata(path: String, expectedFormat: String)
  case malformedMetadata(path: String, reason: String)
  case wrongFormat(path: String, found: String, expected: String)
  case invalidConfiguration(path: String, field: String, reason: String)
  case towerNotFound(checkpoint: String, sha256: String, searched: [String])
  case towerDigestMismatch(tower: String, found: String, expected: String)
  case visionMismatch(tower: String, checkpoint: String)
  case weights(path: String, WeightsError)
  case unexpectedTensors(path: String, names: [String])
  case tiedHeadDiffers(path: String)
  case incompatibleData(reason: String)

  public var description: String {
    switch self {
    case .unreadable(let path, let reason):
      return "cannot read \(path): \(reason)"
    case .missingMetadata(let path, let format):
      return "\(path) has no mini_vlm metadata; expected a \(format) file written by the trainer (Training/)"
    case .malformedMetadata(let path, let reason):
      return "the mini_vlm metadata of \(path) is not valid JSON for docs/miniature-vlm.md §3: \(reason)"
    case .wrongFormat(let path, let found, let expected):
      return "\(path) has format \"\(found)\"; this engine reads \"\(expected)\" (pass a cell checkpoint as CHECKPOINT and the vision tower with --tower)"
    case .invalidConfiguration(let path, let field, let reason):
      return "\(path): \(field) \(reason)"
    case .towerNotFound(let checkpoint, let sha256, let searched):
      return "no vision tower with SHA-256 \(sha256) (named by \(checkpoint)) in \(searched.joined(separator: ", ")); pass it with --tower FILE"
    case .towerDigestMismatch(let tower, let found, let expected):
      return "vision tower \(tower) has SHA-256 \(found) but the checkpoint was trained on \(expected); pass the tower it was trained with"
    case .visionMismatch(let tower, let checkpoint):
      return "the vision configuration of \(tower) differs from the one recorded in \(checkpoint)"
    case .weights(let path, let error):
      return "\(path): \(error)"
    case .unexpectedTensors(let path, let names):
      return "\(path) holds tensors its configuration does not use (\(names.prefix(5).joined(separator: ", "))"
        + (names.count > 5 ? ", … \(names.count) in all" : "") + "): the metadata does not describe these weights"
    case .tiedHeadDiffers(let path):
      return "\(path): tied_embeddings is true but language_model.lm_head.weight differs from model.embed_tokens.weight"
    case .incompatibleData(let reason):
      return "the evaluation data does not fit the model: \(reason)"
    }
  }
}
