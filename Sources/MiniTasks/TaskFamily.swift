/// The two miniature task families: one that composes a few coarse visual facts, one that needs
/// fine visual detail (docs/miniature-vlm.md).
public enum TaskFamily: String, CaseIterable, Codable, Sendable {
  /// Sort-of-CLEVR-like scenes of coloured shapes; questions about shapes, sides and relations.
  case reasoning
  /// A grid of bitmap glyphs; questions that need reading particular glyphs.
  case ocr

  /// The family's constant in the image-stream derivation (never change: it would change the data).
  var streamKey: UInt64 {
    switch self {
    case .reasoning: 1
    case .ocr: 2
    }
  }

  /// The version of the family's generator and its default parameters: any change to what it
  /// produces for the same seed (pixels, questions, vocabulary, defaults) bumps it. Kept per
  /// family, so a change to one family's data leaves the other's manifest, and every cell
  /// trained on it, untouched. Reasoning: version 2 (larger, fewer objects; docs §4). OCR:
  /// version 3 (a 4 × 4 grid with highlights; versions 1 and 2 were never learned, docs §4).
  public var generatorVersion: Int {
    switch self {
    case .reasoning: 2
    case .ocr: 3
    }
  }

  /// The question types of the family's standard generator, in the order of their index in
  /// `question_types`.
  public var questionTypes: [String] { MiniTaskGenerator.standard(self).questionTypes }
}

/// Which set an image belongs to; train and eval images come from disjoint generator streams.
public enum DataSplit: String, CaseIterable, Codable, Sendable {
  case train
  case eval

  /// The split's constant in the image-stream derivation (never change: it would change the data).
  var streamKey: UInt64 {
    switch self {
    case .train: 1
    case .eval: 2
    }
  }
}
