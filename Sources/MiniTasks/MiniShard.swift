import Foundation
import Safetensors

/// The `mini_tasks` metadata of a shard (docs/miniature-vlm.md §1), as JSON.
public struct ShardMetadata: Hashable, Sendable, Codable {
  /// Always ``MiniTasks/format``.
  public var format: String
  public var family: TaskFamily
  public var generatorVersion: Int
  public var split: DataSplit
  public var seed: UInt64
  /// Index of the shard within its split.
  public var shard: Int
  /// Token strings; index = id; `vocabulary[0] == "<pad>"`.
  public var vocabulary: [String]
  /// Question type names; a question's type is an index into this list.
  public var questionTypes: [String]
  /// Tokens per question, `Q`.
  public var questionTokens: Int
  /// Number of classes in `patch_labels`.
  public var patchLabelClasses: Int

  public init(
    family: TaskFamily, generatorVersion: Int, split: DataSplit, seed: UInt64, shard: Int, vocabulary: [String],
    questionTypes: [String], questionTokens: Int, patchLabelClasses: Int
  ) {
    self.format = MiniTasks.format
    self.family = family
    self.generatorVersion = generatorVersion
    self.split = split
    self.seed = seed
    self.shard = shard
    self.vocabulary = vocabulary
    self.questionTypes = questionTypes
    self.questionTokens = questionTokens
    self.patchLabelClasses = patchLabelClasses
  }

  /// The safetensors metadata key.
  public static let key = "mini_tasks"

  enum CodingKeys: String, CodingKey {
    case format, family, split, seed, shard, vocabulary
    case generatorVersion = "generator_version"
    case questionTypes = "question_types"
    case questionTokens = "question_tokens"
    case patchLabelClasses = "patch_label_classes"
  }
}

/// One shard of miniature-task data in typed form: images, patch labels and questions.
///
/// This is what the Swift engine evaluates on: `MiniShard(contentsOf:)` reads a shard and checks
/// everything the format promises (tensor names, dtypes and shapes, the metadata, every id inside
/// the vocabulary, every type and image index in range), so a consumer can index without checks.
public struct MiniShard: Hashable, Sendable {
  public var metadata: ShardMetadata
  /// `imageCount × 48 × 48 × 3` pixels, row-major, channels last.
  public var images: [UInt8]
  /// `imageCount × 144` patch classes.
  public var patchLabels: [UInt8]
  /// `questionCount × Q` token ids.
  public var questions: [Int32]
  /// `questionCount` answer ids.
  public var answers: [Int32]
  /// `questionCount` indices into `metadata.questionTypes`.
  public var questionTypes: [Int32]
  /// `questionCount` indices of the image (in this shard) each question is about.
  public var imageIndex: [Int32]

  public var imageCount: Int { images.count / MiniTasks.imageBytes }
  public var questionCount: Int { answers.count }

  /// The pixels of image `index`.
  public func image(_ index: Int) -> ArraySlice<UInt8> {
    images[(index * MiniTasks.imageBytes)..<((index + 1) * MiniTasks.imageBytes)]
  }

  /// The patch labels of image `index`.
  public func patchLabels(ofImage index: Int) -> ArraySlice<UInt8> {
    let patches = MiniTasks.patchGridSide * MiniTasks.patchGridSide
    return patchLabels[(index * patches)..<((index + 1) * patches)]
  }

  /// Question `index` with its answer and type.
  public func question(_ index: Int) -> MiniQuestion {
    let q = metadata.questionTokens
    return MiniQuestion(
      tokens: Array(questions[(index * q)..<((index + 1) * q)]), answer: answers[index], type: Int(questionTypes[index]))
  }

  /// A shard holding `examples`, in order; questions keep the order of their images.
  public init(metadata: ShardMetadata, examples: [MiniExample]) {
    self.metadata = metadata
    images = examples.flatMap(\.image)
    patchLabels = examples.flatMap(\.patchLabels)
    questions = examples.flatMap { $0.questions.flatMap(\.tokens) }
    answers = examples.flatMap { $0.questions.map(\.answer) }
    questionTypes = examples.flatMap { $0.questions.map { Int32($0.type) } }
    imageIndex = examples.enumerated().flatMap { index, example in example.questions.map { _ in Int32(index) } }
  }

  /// The safetensors file's bytes (deterministic: the same shard gives the same bytes).
  public func encoded() throws -> Data {
    let side = MiniTasks.imageSide
    let patches = MiniTasks.patchGridSide * MiniTasks.patchGridSide
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let json = String(decoding: try encoder.encode(metadata), as: UTF8.self)
    return try SafetensorsWriter.encode(
      [
        .init(name: "images", shape: [imageCount, side, side, 3], uint8s: images),
        .init(name: "patch_labels", shape: [imageCount, patches], uint8s: patchLabels),
        .init(name: "questions", shape: [questionCount, metadata.questionTokens], int32s: questions),
        .init(name: "answers", shape: [questionCount], int32s: answers),
        .init(name: "question_types", shape: [questionCount], int32s: questionTypes),
        .init(name: "image_index", shape: [questionCount], int32s: imageIndex),
      ], metadata: [ShardMetadata.key: json])
  }
}
