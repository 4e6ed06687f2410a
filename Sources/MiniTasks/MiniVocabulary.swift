/// The one token vocabulary of both task families: question words, references and answers.
///
/// Defined once, here, and written into every shard's metadata (`vocabulary`, index = id), so the
/// trainer and the engine never hard-code an id. Token 0 is `<pad>` and never appears in a
/// question. Counts are bare digits (`0`…`6`); glyphs of the OCR font are quoted (`'7'`, `'B'`), so
/// "how many '2' in row 3" and its answer `2` are different tokens; rows and columns are
/// 1-based (`row1`…`row6`, `col1`…`col6`). Changing this list changes every shard: bump
/// ``TaskFamily/generatorVersion``.
public enum MiniVocabulary {
  /// Every token string; a token's id is its index.
  public static let tokens: [String] =
    Word.allCases.map(\.rawValue)
    + ObjectColour.allCases.map(\.rawValue)
    + ObjectShape.allCases.map(\.rawValue)
    + (0...maximumCount).map { String($0) }
    + GlyphFont.characters.map { "'\($0)'" }
    + (1...maximumGridSide).map { "row\($0)" }
    + (1...maximumGridSide).map { "col\($0)" }

  /// The largest count any question can have as its answer (objects in a scene, cells in a row).
  public static let maximumCount = 6
  /// The largest glyph grid: 6 cells of 8 pixels fill the 48-pixel image.
  public static let maximumGridSide = 6

  /// Fixed words of the question grammar and the place answers.
  public enum Word: String, CaseIterable, Sendable {
    case pad = "<pad>"
    case questionMark = "?"
    // What is asked (the first token of a question).
    case shape, colour, side, level, count, glyph, column
    // Relations (the second token of a reasoning question).
    case of, closest, furthest
    case sameShape = "same-shape"
    // Place answers: `side` → left/right, `level` → top/bottom.
    case left, right, top, bottom
  }

  /// Number of tokens.
  public static var count: Int { tokens.count }

  public static func id(_ word: Word) -> Int32 { Int32(Word.allCases.firstIndex(of: word)!) }

  public static func id(_ colour: ObjectColour) -> Int32 {
    Int32(Word.allCases.count + ObjectColour.allCases.firstIndex(of: colour)!)
  }

  public static func id(_ shape: ObjectShape) -> Int32 {
    Int32(Word.allCases.count + ObjectColour.allCases.count + shape.rawIndex)
  }

  /// The id of the answer "`value`" to a counting question.
  public static func id(count value: Int) -> Int32 {
    precondition((0...maximumCount).contains(value), "count \(value) outside the vocabulary")
    return Int32(Word.allCases.count + ObjectColour.allCases.count + ObjectShape.allCases.count + value)
  }

  /// The id of glyph `index` of ``GlyphFont/characters``.
  public static func id(glyph index: Int) -> Int32 {
    precondition(GlyphFont.characters.indices.contains(index), "glyph \(index) outside the font")
    return id(count: maximumCount) + 1 + Int32(index)
  }

  /// The id of row `index` (0-based) of the glyph grid.
  public static func id(row index: Int) -> Int32 {
    precondition((0..<maximumGridSide).contains(index), "row \(index) outside the vocabulary")
    return id(glyph: GlyphFont.characters.count - 1) + 1 + Int32(index)
  }

  /// The id of column `index` (0-based) of the glyph grid.
  public static func id(column index: Int) -> Int32 {
    precondition((0..<maximumGridSide).contains(index), "column \(index) outside the vocabulary")
    return id(row: maximumGridSide - 1) + 1 + Int32(index)
  }

  /// The tokens of `ids` joined by spaces, for people (contact sheet, messages).
  public static func text(_ ids: some Sequence<Int32>) -> String {
    ids.map { tokens.indices.contains(Int($0)) ? tokens[Int($0)] : "<\($0)?>" }.joined(separator: " ")
  }
}
