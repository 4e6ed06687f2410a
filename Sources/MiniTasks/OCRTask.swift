import SeededRandom

/// The OCR question types, in the order of their index in `question_types`.
public enum OCRQuestionType: String, CaseIterable, Codable, Sendable {
  /// `glyph row<r> col<c> ?` → the glyph in that cell (only non-blank cells are asked about).
  case glyphAt = "glyph_at"
  /// `count row<r> '<g>' ?` → how many times glyph g occurs in row r (0 if never).
  case countInRow = "count_in_row"
  /// `column row<r> '<g>' ?` → the column of glyph g in row r (asked only where it occurs once).
  case columnOf = "column_of"
  /// `glyph of <colour> ?` → the glyph whose cell is highlighted in that colour (asked only
  /// where exactly one glyph has that highlight).
  case glyphOfHighlight = "glyph_of_highlight"
  /// `colour of '<g>' ?` → the highlight of glyph g's cell (asked only where g occurs once).
  case highlightOfGlyph = "highlight_of_glyph"

  /// Whether the type asks about highlights, so it needs ``OCRParameters/highlightColours`` ≥ 1.
  public var needsHighlights: Bool { self == .glyphOfHighlight || self == .highlightOfGlyph }
}

/// The OCR family: a grid of small glyphs whose questions each need one or a few glyphs read.
///
/// The language side is trivial (find the cell with a highlight, or the glyph named, and read
/// the other); the difficulty is telling 5 × 7 glyphs apart, and keeping each glyph bound to its
/// own highlight, after the image has been compressed into a few visual tokens.
public struct OCRTask: Sendable {
  public let parameters: OCRParameters

  public init(parameters: OCRParameters = .default) throws(MiniTasksError) {
    try parameters.validate()
    self.parameters = parameters
  }

  /// The pixels of `grid`: black ink on white, glyph `g` of cell (r, c) drawn with its top-left
  /// pixel at `(margin + 8c + offsetX, margin + 8r + offsetY)`, on its whole 8 × 8 cell tinted
  /// with its highlight (if any).
  public func render(_ grid: GlyphGrid) -> [UInt8] {
    var image = Pixels.blank()
    let margin = parameters.marginPixels
    let side = OCRParameters.cellSide
    for row in 0..<grid.side {
      for column in 0..<grid.side {
        let cell = grid.cell(row: row, column: column)
        guard let glyph = cell.glyph else { continue }
        if let highlight = cell.highlight {
          let tint = parameters.tint(highlight)
          for y in 0..<side {
            for x in 0..<side { Pixels.set(&image, x: margin + side * column + x, y: margin + side * row + y, tint) }
          }
        }
        let left = margin + OCRParameters.cellSide * column + cell.offsetX
        let top = margin + OCRParameters.cellSide * row + cell.offsetY
        for (i, ink) in GlyphFont.bitmaps[glyph].enumerated() where ink {
          Pixels.set(&image, x: left + i % GlyphFont.width, y: top + i / GlyphFont.width, (0, 0, 0))
        }
      }
    }
    return image
  }

  /// Per-patch classes: 0 for patches outside the grid or in a blank cell, else
  /// `1 + glyph · 4 + quadrant`, where quadrant = 2 · (lower half) + (right half) of the cell.
  /// Every cell is exactly 2 × 2 patches, so each patch is one quadrant of one cell.
  public func patchLabels(_ grid: GlyphGrid) -> [UInt8] {
    var labels = [UInt8](repeating: 0, count: MiniTasks.patchGridSide * MiniTasks.patchGridSide)
    let marginPatches = parameters.marginPixels / MiniTasks.patchSide
    for row in 0..<(2 * grid.side) {
      for column in 0..<(2 * grid.side) {
        guard let glyph = grid.cell(row: row / 2, column: column / 2).glyph else { continue }
        let quadrant = 2 * (row % 2) + column % 2
        labels[(marginPatches + row) * MiniTasks.patchGridSide + marginPatches + column] = UInt8(1 + glyph * 4 + quadrant)
      }
    }
    return labels
  }

  /// Every question of type `type` that `grid` admits, with its answer.
  func candidates(_ type: OCRQuestionType, _ grid: GlyphGrid) -> [QuestionSampling.Candidate] {
    typealias V = MiniVocabulary
    let questionMark = V.id(.questionMark)
    var candidates: [QuestionSampling.Candidate] = []
    switch type {
    case .glyphOfHighlight:
      let highlights = grid.cells.compactMap(\.highlight)
      for cell in grid.cells {
        guard let glyph = cell.glyph, let highlight = cell.highlight, highlights.count(where: { $0 == highlight }) == 1 else {
          continue
        }
        candidates.append(.init(tokens: [V.id(.glyph), V.id(.of), V.id(highlight), questionMark], answer: V.id(glyph: glyph)))
      }
      return candidates
    case .highlightOfGlyph:
      let glyphs = grid.cells.compactMap(\.glyph)
      for cell in grid.cells {
        guard let glyph = cell.glyph, let highlight = cell.highlight, glyphs.count(where: { $0 == glyph }) == 1 else { continue }
        candidates.append(.init(tokens: [V.id(.colour), V.id(.of), V.id(glyph: glyph), questionMark], answer: V.id(highlight)))
      }
      return candidates
    case .glyphAt, .countInRow, .columnOf:
      return rowCandidates(type, grid)
    }
  }

  /// Every question of a row-addressed type (versions 1 and 2) that `grid` admits.
  private func rowCandidates(_ type: OCRQuestionType, _ grid: GlyphGrid) -> [QuestionSampling.Candidate] {
    typealias V = MiniVocabulary
    let questionMark = V.id(.questionMark)
    var candidates: [QuestionSampling.Candidate] = []
    for row in 0..<grid.side {
      let glyphs = grid.glyphs(inRow: row)
      switch type {
      case .glyphAt:
        for (column, glyph) in glyphs.enumerated() {
          guard let glyph else { continue }
          candidates.append(.init(
            tokens: [V.id(.glyph), V.id(row: row), V.id(column: column), questionMark], answer: V.id(glyph: glyph)))
        }
      case .countInRow:
        for glyph in 0..<parameters.alphabetSize {
          candidates.append(.init(
            tokens: [V.id(.count), V.id(row: row), V.id(glyph: glyph), questionMark],
            answer: V.id(count: glyphs.count { $0 == glyph })))
        }
      case .columnOf:
        for glyph in 0..<parameters.alphabetSize {
          let columns = glyphs.indices.filter { glyphs[$0] == glyph }
          guard columns.count == 1 else { continue }
          candidates.append(.init(
            tokens: [V.id(.column), V.id(row: row), V.id(glyph: glyph), questionMark], answer: V.id(column: columns[0])))
        }
      case .glyphOfHighlight, .highlightOfGlyph:
        preconditionFailure("\(type.rawValue) is not addressed by row")
      }
    }
    return candidates
  }

  /// Image `index` of `split` under `seed`, with `questionCount` questions: the grid (for tests
  /// and the contact sheet) and the example as it is stored.
  public func example(
    index: Int, split: DataSplit, seed: UInt64, questionCount: Int
  ) -> (grid: GlyphGrid, example: MiniExample) {
    generate(index: index, split: split, seed: seed, questionCount: questionCount)
  }
}

extension OCRTask: SceneTask {
  static let family = TaskFamily.ocr
  var questionsPerImage: Int { parameters.questionsPerImage }
  var noise: Int { parameters.noise }
  var questionTypeCount: Int { parameters.questionTypes.count }
  /// A uniformly random grid, redrawn until every asked type has a question about it.
  func randomScene(using rng: inout SplitMix64) -> GlyphGrid {
    while true {
      let grid = GlyphGrid.random(parameters, using: &rng)
      if parameters.questionTypes.allSatisfy({ !candidates($0, grid).isEmpty }) { return grid }
    }
  }
  func candidates(type: Int, _ grid: GlyphGrid) -> [QuestionSampling.Candidate] {
    candidates(parameters.questionTypes[type], grid)
  }
}
