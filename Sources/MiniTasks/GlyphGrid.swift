import SeededRandom

/// One cell of the glyph grid: a glyph (or blank) and where the glyph sits inside the cell.
public struct GlyphCell: Hashable, Sendable, Codable {
  /// Index into ``GlyphFont/characters``, or nil for a blank cell.
  public var glyph: Int?
  /// Pixels from the cell's left edge to the glyph's (0…2).
  public var offsetX: Int
  /// Pixels from the cell's top edge to the glyph's (0…1).
  public var offsetY: Int

  public init(glyph: Int?, offsetX: Int, offsetY: Int) {
    self.glyph = glyph
    self.offsetX = offsetX
    self.offsetY = offsetY
  }
}

/// An OCR scene: a square grid of cells, row-major.
///
/// Generated grids admit every question type: at least one glyph, and at least one row in which
/// some glyph occurs exactly once (for "which column holds").
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

  /// A uniformly random grid under `parameters`, redrawn until it admits every question type.
  public static func random(_ parameters: OCRParameters, using rng: inout SplitMix64) -> GlyphGrid {
    while true {
      let cells = (0..<(parameters.gridSide * parameters.gridSide)).map { _ in
        let blank = rng.nextIndex(below: 100) < parameters.blankPercent
        let glyph = blank ? nil : rng.nextIndex(below: parameters.alphabetSize)
        let (x, y) = parameters.jitter
          ? (rng.nextInt(in: OCRParameters.jitterX), rng.nextInt(in: OCRParameters.jitterY))
          : (1, 0)
        return GlyphCell(glyph: glyph, offsetX: x, offsetY: y)
      }
      let grid = GlyphGrid(side: parameters.gridSide, cells: cells)
      let someUnique = (0..<grid.side).contains { row in
        let glyphs = grid.glyphs(inRow: row).compactMap { $0 }
        return glyphs.contains { glyph in glyphs.count { $0 == glyph } == 1 }
      }
      if someUnique { return grid }
    }
  }
}
