import SeededRandom

/// One cell of the glyph grid: a glyph (or blank) and where the glyph sits inside the cell.
public struct GlyphCell: Hashable, Sendable, Codable {
  /// Index into ``GlyphFont/characters``, or nil for a blank cell.
  public var glyph: Int?
  /// Pixels from the cell's left edge to the glyph's (0…2).
  public var offsetX: Int
  /// Pixels from the cell's top edge to the glyph's (0…1).
  public var offsetY: Int
  /// The colour the cell's background is tinted with, or nil (blank cells never have one).
  public var highlight: ObjectColour?

  public init(glyph: Int?, offsetX: Int, offsetY: Int, highlight: ObjectColour? = nil) {
    self.glyph = glyph
    self.offsetX = offsetX
    self.offsetY = offsetY
    self.highlight = highlight
  }
}

/// An OCR scene: a square grid of cells, row-major.
public struct GlyphGrid: Hashable, Sendable, Codable {
  public var side: Int
  public var cells: [GlyphCell]

  public init(side: Int, cells: [GlyphCell]) {
    self.side = side
    self.cells = cells
  }

  public func cell(row: Int, column: Int) -> GlyphCell { cells[row * side + column] }

  /// The glyphs of row `row`, left to right (nil for blanks).
  public func glyphs(inRow row: Int) -> [Int?] { (0..<side).map { cell(row: row, column: $0).glyph } }

  /// A uniformly random grid under `parameters`: per cell, blank or a glyph, its offset, then
  /// its highlight (drawn only for a glyph, and only when highlights are in use). The task redraws
  /// until every asked question type has a candidate.
  public static func random(_ parameters: OCRParameters, using rng: inout SplitMix64) -> GlyphGrid {
    let cells = (0..<(parameters.gridSide * parameters.gridSide)).map { _ in
      let blank = rng.nextIndex(below: 100) < parameters.blankPercent
      let glyph = blank ? nil : rng.nextIndex(below: parameters.alphabetSize)
      let (x, y) = parameters.jitter
        ? (rng.nextInt(in: OCRParameters.jitterX), rng.nextInt(in: OCRParameters.jitterY))
        : (1, 0)
      let highlight = glyph == nil || parameters.highlightColours == 0
        ? nil : ObjectColour.allCases[rng.nextIndex(below: parameters.highlightColours)]
      return GlyphCell(glyph: glyph, offsetX: x, offsetY: y, highlight: highlight)
    }
    return GlyphGrid(side: parameters.gridSide, cells: cells)
  }
}
