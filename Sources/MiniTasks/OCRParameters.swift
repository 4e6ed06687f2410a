/// The design knobs of the OCR family; ``default`` is the current version's setting.
///
/// The knobs act on perception: a larger alphabet has more near-identical glyph pairs, jitter
/// moves each glyph within its cell so no patch sees a fixed piece of it, blanks vary the number
/// of glyphs per row, noise blurs the strokes, highlights tint cells with a coarse colour the
/// questions can name (docs/miniature-vlm.md §4.1 says why version 3 asks through them).
public struct OCRParameters: Hashable, Sendable, Codable {
  /// Cells per side of the glyph grid (2…6); the grid is centred, 8 × 8 pixels per cell.
  public var gridSide: Int
  /// Glyphs in use, the first of ``GlyphFont/characters`` (2…16).
  public var alphabetSize: Int
  /// Percent chance that a cell is blank (0…75).
  public var blankPercent: Int
  /// Whether each glyph sits at a random offset in its cell (``jitterX`` pixels right, ``jitterY``
  /// down) instead of at (1, 0).
  public var jitter: Bool
  /// Each channel of each pixel gets uniform noise in `-noise…noise` (0…64).
  public var noise: Int
  /// Questions per image (1…40); their types go round-robin over all images.
  public var questionsPerImage: Int
  /// Highlight colours in use, the first of ``ObjectColour/allCases`` (0…6): each glyph cell's
  /// background is tinted with one, drawn uniformly; 0 draws no highlights (versions 1 and 2).
  public var highlightColours: Int
  /// How strongly a highlight tints its cell, in percent of the way from white to the colour
  /// (1…100); black ink stays black.
  public var highlightPercent: Int
  /// The question types asked, in the order of their index in `question_types` (at least one,
  /// no repeats; the highlight questions need highlights).
  public var questionTypes: [OCRQuestionType]

  public init(
    gridSide: Int, alphabetSize: Int, blankPercent: Int, jitter: Bool, noise: Int, questionsPerImage: Int,
    highlightColours: Int, highlightPercent: Int, questionTypes: [OCRQuestionType]
  ) {
    self.gridSide = gridSide
    self.alphabetSize = alphabetSize
    self.blankPercent = blankPercent
    self.jitter = jitter
    self.noise = noise
    self.questionsPerImage = questionsPerImage
    self.highlightColours = highlightColours
    self.highlightPercent = highlightPercent
    self.questionTypes = questionTypes
  }

  /// Generator version 3: a 4 × 4 grid of all sixteen glyphs, a quarter blank, jittered, no
  /// noise, each glyph's cell tinted 40 % towards one of the six colours; the questions read the
  /// glyph in a highlight colour, or name a glyph and ask its highlight.
  ///
  /// Versions 1 and 2 (a 6 × 6 grid, no highlights, `glyph_at`/`count_in_row`/`column_of`) were
  /// never learned by the TokenPacker-style cells (docs/miniature-vlm.md §4).
  public static let `default` = OCRParameters(
    gridSide: 4, alphabetSize: 16, blankPercent: 25, jitter: true, noise: 0, questionsPerImage: 10,
    highlightColours: 6, highlightPercent: 40, questionTypes: [.glyphOfHighlight, .highlightOfGlyph])

  /// Side of a cell in pixels.
  public static let cellSide = 8
  /// Horizontal offsets of a jittered glyph in its cell: at most 2 of the 3 spare pixels, so
  /// glyphs of neighbouring cells in a row never touch (reading, not segmenting, is the task).
  public static let jitterX = 0...2
  /// Vertical offsets of a jittered glyph: the one spare pixel (rows may touch).
  public static let jitterY = 0...1

  /// Patch classes: blank, then one class per (glyph, quadrant of its cell).
  public var patchLabelClasses: Int { 1 + 4 * alphabetSize }

  /// Pixels between the image's edge and the grid (a multiple of the patch side, so every cell
  /// is exactly 2 × 2 patches).
  public var marginPixels: Int { (MiniTasks.imageSide - gridSide * Self.cellSide) / 2 }

  /// The background of a cell highlighted in `colour`: ``highlightPercent`` of the way from
  /// white to the colour, rounded down.
  public func tint(_ colour: ObjectColour) -> (UInt8, UInt8, UInt8) {
    let towards = { (value: UInt8) in UInt8(255 - highlightPercent * (255 - Int(value)) / 100) }
    let (r, g, b) = colour.rgb
    return (towards(r), towards(g), towards(b))
  }

  /// Checks every knob against its documented range.
  public func validate() throws(MiniTasksError) {
    try MiniTasksError.check("gridSide", gridSide, within: 2...MiniVocabulary.maximumGridSide)
    try MiniTasksError.check("alphabetSize", alphabetSize, within: 2...GlyphFont.characters.count)
    try MiniTasksError.check("blankPercent", blankPercent, within: 0...75)
    try MiniTasksError.check("noise", noise, within: 0...64)
    try MiniTasksError.check("questionsPerImage", questionsPerImage, within: 1...40)
    try MiniTasksError.check("highlightColours", highlightColours, within: 0...ObjectColour.allCases.count)
    try MiniTasksError.check("highlightPercent", highlightPercent, within: 1...100)
    try MiniTasksError.check("questionTypes.count", questionTypes.count, within: 1...OCRQuestionType.allCases.count)
    if Set(questionTypes).count != questionTypes.count {
      throw .invalidParameter(name: "questionTypes", reason: "a type is listed twice")
    }
    if highlightColours == 0, let type = questionTypes.first(where: \.needsHighlights) {
      throw .invalidParameter(name: "questionTypes", reason: "\(type.rawValue) needs highlightColours ≥ 1")
    }
    // With one colour every glyph shares it, so no highlight is ever held by exactly one glyph and
    // the redraw loop would never end; with two or more a grid admits the question with
    // probability > 0 (blankPercent ≤ 75 leaves glyphs).
    if highlightColours == 1, questionTypes.contains(.glyphOfHighlight) {
      throw .invalidParameter(name: "questionTypes", reason: "glyph_of_highlight needs highlightColours ≥ 2")
    }
  }

  enum CodingKeys: String, CodingKey {
    case gridSide = "grid_side"
    case alphabetSize = "alphabet_size"
    case blankPercent = "blank_percent"
    case jitter, noise
    case questionsPerImage = "questions_per_image"
    case highlightColours = "highlight_colours"
    case highlightPercent = "highlight_percent"
    case questionTypes = "question_types"
  }
}
