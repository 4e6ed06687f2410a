import Foundation
import Safetensors

extension MiniShard {
  /// Reads and validates the shard at `url`.
  public init(contentsOf url: URL) throws(MiniTasksError) {
    let data: Data
    do {
      data = try Data(contentsOf: url, options: .alwaysMapped)
    } catch {
      throw .invalidShard(file: url.path, reason: "cannot read it: \(error.localizedDescription)")
    }
    try self.init(data: data, file: url.path)
  }

  /// Parses and validates `data`, the contents of a shard; `file` names it in errors.
  ///
  /// Checks, in order: a valid safetensors file; the `mini_tasks` metadata (format, every key,
  /// a vocabulary starting with `<pad>`); exactly the six tensors with their dtypes and shapes;
  /// question tokens in `1..<vocabulary size` (never `<pad>`), answers likewise, types inside
  /// `question_types`, image indices inside the shard, patch labels below `patch_label_classes`.
  public init(data: Data, file: String) throws(MiniTasksError) {
    func fail(_ reason: String) -> MiniTasksError { .invalidShard(file: file, reason: reason) }
    let safetensors: SafetensorsFile
    do {
      safetensors = try SafetensorsFile(data: data)
    } catch {
      throw fail("\(error)")
    }
    let metadata = try Self.metadata(safetensors.metadata, fail: fail)

    let expected: [(String, SafetensorsDType)] = [
      ("images", .u8), ("patch_labels", .u8), ("questions", .i32), ("answers", .i32), ("question_types", .i32),
      ("image_index", .i32),
    ]
    let unexpected = Set(safetensors.names).subtracting(expected.map(\.0))
    guard unexpected.isEmpty else { throw fail("unexpected tensors \(unexpected.sorted())") }
    for (name, dtype) in expected {
      guard let info = safetensors.tensors[name] else { throw fail("tensor \(name) is missing") }
      guard info.dtype == dtype else {
        throw fail("tensor \(name) has dtype \(info.dtype.rawValue), expected \(dtype.rawValue)")
      }
    }
    let imageShape = safetensors.tensors["images"]!.shape
    let side = MiniTasks.imageSide
    guard imageShape.count == 4, Array(imageShape.dropFirst()) == [side, side, 3] else {
      throw fail("images has shape \(imageShape), expected [n_images, \(side), \(side), 3]")
    }
    let n = imageShape[0]
    let m = safetensors.tensors["answers"]!.shape.first ?? -1
    let q = metadata.questionTokens
    let shapes: [(String, [Int], String)] = [
      ("patch_labels", [n, MiniTasks.patchGridSide * MiniTasks.patchGridSide], "[n_images, 144]"),
      ("questions", [m, q], "[n_questions, \(q)]"),
      ("answers", [m], "[n_questions]"),
      ("question_types", [m], "[n_questions]"),
      ("image_index", [m], "[n_questions]"),
    ]
    for (name, shape, spelled) in shapes where safetensors.tensors[name]!.shape != shape {
      throw fail("\(name) has shape \(safetensors.tensors[name]!.shape), expected \(spelled) = \(shape)")
    }

    do {
      images = try safetensors.uint8s("images")
      patchLabels = try safetensors.uint8s("patch_labels")
      questions = try safetensors.int32s("questions")
      answers = try safetensors.int32s("answers")
      questionTypes = try safetensors.int32s("question_types")
      imageIndex = try safetensors.int32s("image_index")
    } catch {
      throw fail("\(error)")
    }
    self.metadata = metadata

    let vocabulary = Int32(metadata.vocabulary.count)
    try Self.check(questions, "questions", in: 1..<vocabulary, meaning: "a token id other than <pad> (0)", fail: fail)
    try Self.check(answers, "answers", in: 1..<vocabulary, meaning: "a token id other than <pad> (0)", fail: fail)
    try Self.check(
      questionTypes, "question_types", in: 0..<Int32(metadata.questionTypes.count), meaning: "an index into question_types",
      fail: fail)
    try Self.check(imageIndex, "image_index", in: 0..<Int32(n), meaning: "an image of this shard", fail: fail)
    if let bad = patchLabels.firstIndex(where: { Int($0) >= metadata.patchLabelClasses }) {
      throw fail("patch_labels[\(bad)] = \(patchLabels[bad]) is not below patch_label_classes = \(metadata.patchLabelClasses)")
    }
  }

  private static func metadata(
    _ pairs: [String: String], fail: (String) -> MiniTasksError
  ) throws(MiniTasksError) -> ShardMetadata {
    guard let json = pairs[ShardMetadata.key] else {
      throw fail("the safetensors metadata has no key \(ShardMetadata.key) (keys: \(pairs.keys.sorted()))")
    }
    // Check the format first, so a future format is named as such rather than as a decoding error.
    if let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
      let format = object["format"] as? String, format != MiniTasks.format
    {
      throw fail("metadata format is \"\(format)\", this reader understands \"\(MiniTasks.format)\"")
    }
    let metadata: ShardMetadata
    do {
      metadata = try JSONDecoder().decode(ShardMetadata.self, from: Data(json.utf8))
    } catch {
      throw fail("metadata \(ShardMetadata.key) is not the documented JSON object: \(describe(error))")
    }
    guard metadata.format == MiniTasks.format else { throw fail("metadata has no format \"\(MiniTasks.format)\"") }
    guard metadata.vocabulary.first == MiniVocabulary.Word.pad.rawValue else {
      throw fail("vocabulary must start with \(MiniVocabulary.Word.pad.rawValue) (id 0)")
    }
    guard Set(metadata.vocabulary).count == metadata.vocabulary.count else { throw fail("vocabulary has duplicate tokens") }
    guard !metadata.questionTypes.isEmpty else { throw fail("question_types is empty") }
    guard metadata.questionTokens >= 1 else { throw fail("question_tokens = \(metadata.questionTokens) is not positive") }
    guard (1...256).contains(metadata.patchLabelClasses) else {
      throw fail("patch_label_classes = \(metadata.patchLabelClasses) does not fit the U8 labels (1…256)")
    }
    return metadata
  }

  private static func check(
    _ values: [Int32], _ name: String, in range: Range<Int32>, meaning: String, fail: (String) -> MiniTasksError
  ) throws(MiniTasksError) {
    if let bad = values.firstIndex(where: { !range.contains($0) }) {
      throw fail("\(name)[\(bad)] = \(values[bad]) is not \(meaning) (\(range.lowerBound)…\(range.upperBound - 1))")
    }
  }

  private static func describe(_ error: any Error) -> String {
    switch error {
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
      DecodingError.dataCorrupted(let context):
      let path = context.codingPath.map(\.stringValue).joined(separator: ".")
      return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
    case DecodingError.keyNotFound(let key, _):
      return "key \(key.stringValue) is missing"
    default:
      return "\(error)"
    }
  }
}
