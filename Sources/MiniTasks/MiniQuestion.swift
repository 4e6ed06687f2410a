/// One question about one image: `Q` token ids, the single answer token and its type.
public struct MiniQuestion: Hashable, Sendable {
  /// Token ids, always ``MiniTasks/questionTokens`` of them, never `<pad>`.
  public var tokens: [Int32]
  /// The answer's token id.
  public var answer: Int32
  /// Index of the question type in the family's `question_types`.
  public var type: Int

  public init(tokens: [Int32], answer: Int32, type: Int) {
    self.tokens = tokens
    self.answer = answer
    self.type = type
  }
}

/// One generated image with its per-patch labels and its questions.
public struct MiniExample: Hashable, Sendable {
  /// Pixels, `48 × 48 × 3`, row-major, channels last.
  public var image: [UInt8]
  /// Per-patch classes, row-major over the 12 × 12 grid of 4 × 4 patches.
  public var patchLabels: [UInt8]
  public var questions: [MiniQuestion]
}

/// Constants of the format shared by every family (docs/miniature-vlm.md §1).
public enum MiniTasks {
  /// The value of the metadata's `format`.
  public static let format = "mini-tasks/1"
  /// Image side in pixels.
  public static let imageSide = 48
  /// Patch side in pixels; the image is a 12 × 12 grid of patches.
  public static let patchSide = 4
  /// Patches per image side.
  public static let patchGridSide = imageSide / patchSide
  /// Bytes of one image.
  public static let imageBytes = imageSide * imageSide * 3
  /// Tokens per question, `Q`, the same for every question of every family:
  /// `[asked, relation, reference, ?]`.
  public static let questionTokens = 4
}
