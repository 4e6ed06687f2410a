/// The design knobs of the OCR family; ``default`` is the current version's setting.
///
/// The knobs act on perception: a larger alphabet has more near-identical glyph pairs, jitter
/// moves each glyph within its cell so no patch sees a fixed piece of it, blanks vary the number
/// of glyphs per row, noise blurs the strokes.
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

  public init(gridSide: Int, alphabetSize: Int, blankPercent: Int, jitter: Bool, noise: Int, questionsPerImage: Int) {
    self.gridSide = gridSide
    self.alphabetSize = alphabetSize
    self.blankPercent = blankPercent
    self.jitter = jitter
    self.noise = noise
    self.questionsPerImage = questionsPerImage
  }

  /// Generator versions 1 and 2: a 6 × 6 grid of all sixteen glyphs, a quarter blank, jittered, no noise.
  public static let `default` = OCRParameters(
    gridSide: 6, alphabetSize: 16, blankPercent: 25, jitter: true, noise: 0, questionsPerImage: 10)

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

  /// Checks every knob against its documented range.
  public func validate() throws(MiniTasksError) {
    try MiniTasksError.check("gridSide", gridSide, within: 2...MiniVocabulary.maximumGridSide)
    try MiniTasksError.check("alphabetSize", alphabetSize, within: 2...GlyphFont.characters.count)
    try MiniTasksError.check("blankPercent", blankPercent, within: 0...75)
    try MiniTasksError.check("noise", noise, within: 0...64)
    try MiniTasksError.check("questionsPerImage", questionsPerImage, within: 1...40)
  }

  enum CodingKeys: String, CodingKey {
    case gridSide = "grid_side"
    case alphabetSize = "alphabet_size"
    case blankPercent = "blank_percent"
    case jitter, noise
    case questionsPerImage = "questions_per_image"
  }
}
