import Foundation
import SeededRandom
import Testing

@testable import MiniTasks

/// The token strings of a question, for the independent solver.
private func words(_ question: MiniQuestion) -> [String] {
  question.tokens.map { MiniVocabulary.tokens[Int($0)] }
}

private let reasoning = try! ReasoningTask()
private let ocr = try! OCRTask()

@Suite("Vocabulary and parameters")
struct VocabularyTests {
  @Test func idsNameTheTokensTheyClaim() {
    let tokens = MiniVocabulary.tokens
    #expect(tokens[0] == "<pad>")
    #expect(Set(tokens).count == tokens.count)
    #expect(tokens.count == 61)
    #expect(tokens[Int(MiniVocabulary.id(.questionMark))] == "?")
    #expect(tokens[Int(MiniVocabulary.id(.sameShape))] == "same-shape")
    #expect(tokens[Int(MiniVocabulary.id(ObjectColour.yellow))] == "yellow")
    #expect(tokens[Int(MiniVocabulary.id(ObjectShape.triangle))] == "triangle")
    #expect((0...6).map { tokens[Int(MiniVocabulary.id(count: $0))] } == ["0", "1", "2", "3", "4", "5", "6"])
    #expect(tokens[Int(MiniVocabulary.id(glyph: 11))] == "'B'")
    #expect(tokens[Int(MiniVocabulary.id(row: 0))] == "row1")
    #expect(tokens[Int(MiniVocabulary.id(column: 5))] == "col6")
    #expect(Int(MiniVocabulary.id(column: 5)) == tokens.count - 1)
  }

  @Test func defaultsAreValidAndKnobsAreRangeChecked() throws {
    try ReasoningParameters.default.validate()
    try OCRParameters.default.validate()
    var crowded = ReasoningParameters.default
    crowded.objectCount = 4...7
    #expect(throws: MiniTasksError.outOfRange(name: "objectCount", value: "4...7", range: "2...6")) {
      try ReasoningTask(parameters: crowded)
    }
    var tiny = OCRParameters.default
    tiny.alphabetSize = 17
    #expect(throws: MiniTasksError.self) { try OCRTask(parameters: tiny) }
    #expect(throws: MiniTasksError.self) { try MiniDatasetPlan(generator: .standard(.ocr), trainQuestions: 5) }
    #expect(throws: MiniTasksError.self) { try MiniDatasetPlan(generator: .standard(.ocr), seed: 1 << 40) }
  }

  @Test func patchLabelClassesFollowTheKnobs() {
    #expect(ReasoningParameters.default.patchLabelClasses == 19)
    #expect(OCRParameters.default.patchLabelClasses == 65)
  }

  @Test func fontGlyphsAreFiveBySevenAndAllDifferent() {
    #expect(GlyphFont.rows.count == GlyphFont.characters.count)
    for rows in GlyphFont.rows {
      #expect(rows.count == GlyphFont.height)
      #expect(rows.allSatisfy { $0.count == GlyphFont.width && $0.allSatisfy { "#.".contains($0) } })
    }
    #expect(Set(GlyphFont.bitmaps).count == GlyphFont.bitmaps.count)
    // Some pairs differ in very few pixels: that is the point of the OCR family.
    let differences = zip(GlyphFont.bitmaps[8], GlyphFont.bitmaps[11]).count { $0 != $1 }
    #expect(differences <= 4)
  }
}

@Suite("Reasoning family")
struct ReasoningTests {
  static let images = 0..<300
  /// The question type each `asked relation` pair belongs to.
  static let typeNames = [
    "shape of": "shape_of", "side of": "side_of", "level of": "level_of", "shape closest": "shape_closest",
    "colour furthest": "colour_furthest", "count same-shape": "count_same_shape", "count of": "count_shape",
  ]

  @Test func everyAnswerAgreesWithTheIndependentSolver() {
    var checked = 0
    for index in Self.images {
      let (scene, example) = reasoning.example(index: index, split: .train, seed: 3, questionCount: 10)
      for question in example.questions {
        #expect(question.tokens.count == MiniTasks.questionTokens)
        #expect(!question.tokens.contains(0))
        let expected = IndependentSolver.answer(words(question), scene: scene)
        #expect(expected == MiniVocabulary.tokens[Int(question.answer)], "image \(index): \(words(question))")
        #expect(ReasoningTests.typeNames[words(question)[0] + " " + words(question)[1]]
          == ReasoningQuestionType.allCases[question.type].rawValue)
        checked += 1
      }
    }
    #expect(checked == 3000)
  }

  @Test func scenesRespectTheirParameters() {
    for index in Self.images {
      let scene = reasoning.example(index: index, split: .eval, seed: 1, questionCount: 1).scene
      #expect((2...4).contains(scene.objects.count))
      #expect(Set(scene.objects.map(\.colour)).count == scene.objects.count)
      for (i, a) in scene.objects.enumerated() {
        #expect((10...12).contains(a.side))
        #expect(a.left >= 0 && a.top >= 0 && a.left + a.side <= 48 && a.top + a.side <= 48)
        for b in scene.objects[(i + 1)...] {
          let apart = a.left + a.side + 2 <= b.left || b.left + b.side + 2 <= a.left
            || a.top + a.side + 2 <= b.top || b.top + b.side + 2 <= a.top
          #expect(apart, "objects \(a) and \(b) overlap or touch")
        }
      }
    }
  }

  @Test func pixelsShowTheSceneDescription() {
    for index in 0..<100 {
      let (scene, example) = reasoning.example(index: index, split: .train, seed: 1, questionCount: 1)
      let image = example.image
      func pixel(_ x: Int, _ y: Int) -> [UInt8] { Array(image[(3 * (48 * y + x))..<(3 * (48 * y + x) + 3)]) }
      for object in scene.objects {
        let (r, g, b) = object.colour.rgb
        #expect(pixel(object.left + object.side / 2, object.top + object.side / 2) == [r, g, b], "\(object)")
        // A square fills its box; a circle leaves its corners white; a triangle its top corners.
        let corner = pixel(object.left, object.top)
        #expect(corner == (object.shape == .square ? [r, g, b] : [255, 255, 255]), "\(object)")
      }
      for y in 0..<48 {
        for x in 0..<48 where !scene.objects.contains(where: {
          (($0.left)..<($0.left + $0.side)).contains(x) && (($0.top)..<($0.top + $0.side)).contains(y)
        }) {
          #expect(pixel(x, y) == [255, 255, 255])
        }
      }
    }
  }

  @Test func patchLabelsNameTheObjectAtEachPatchCentre() {
    for index in 0..<100 {
      let (scene, example) = reasoning.example(index: index, split: .train, seed: 2, questionCount: 1)
      for row in 0..<12 {
        for column in 0..<12 {
          let (x, y) = (Double(4 * column + 2), Double(4 * row + 2))
          let covering = scene.objects.first { o in
            let (left, top, side) = (Double(o.left), Double(o.top), Double(o.side))
            let (cx, cy) = (left + side / 2, top + side / 2)
            guard x >= left, x < left + side, y >= top, y < top + side else { return false }
            switch o.shape {
            case .square: return true
            case .circle: return (x - cx) * (x - cx) + (y - cy) * (y - cy) <= side * side / 4
            case .triangle: return abs(x - cx) <= (y - top) / 2
            }
          }
          let expected = covering.map { 1 + 3 * ObjectColour.allCases.firstIndex(of: $0.colour)! + ObjectShape.allCases.firstIndex(of: $0.shape)! } ?? 0
          #expect(Int(example.patchLabels[12 * row + column]) == expected)
        }
      }
    }
  }
}

@Suite("OCR family")
struct OCRTests {
  /// Versions 1 and 2 of the OCR family: a 6 × 6 grid, no highlights, position-addressed questions
  /// (still selectable as parameters, so their answer code stays checked).
  static let version2 = OCRParameters(
    gridSide: 6, alphabetSize: 16, blankPercent: 25, jitter: true, noise: 0, questionsPerImage: 10,
    highlightColours: 0, highlightPercent: 40, questionTypes: [.glyphAt, .countInRow, .columnOf])

  @Test func everyAnswerAgreesWithTheIndependentSolver() throws {
    for task in [ocr, try OCRTask(parameters: Self.version2)] {
      var asked = Set<Int>()
      for index in 0..<300 {
        let (grid, example) = task.example(index: index, split: .train, seed: 3, questionCount: 10)
        for question in example.questions {
          asked.insert(question.type)
          #expect(question.tokens.count == MiniTasks.questionTokens)
          #expect(!question.tokens.contains(0))
          #expect(IndependentSolver.answer(words(question), grid: grid) == MiniVocabulary.tokens[Int(question.answer)],
                  "image \(index): \(words(question))")
        }
      }
      #expect(asked == Set(task.parameters.questionTypes.indices))
    }
  }

  @Test func everyGlyphCellShowsTheFontBitmapOnItsHighlight() {
    let side = OCRParameters.default.gridSide, margin = OCRParameters.default.marginPixels
    var highlights = Set<ObjectColour>()
    for index in 0..<100 {
      let (grid, example) = ocr.example(index: index, split: .eval, seed: 1, questionCount: 1)
      #expect(grid.side == side && grid.cells.count == side * side)
      for row in 0..<side {
        for column in 0..<side {
          let cell = grid.cell(row: row, column: column)
          // At most 2 of the 3 spare pixels to the right: neighbouring glyphs in a row never touch.
          #expect((0...2).contains(cell.offsetX) && (0...1).contains(cell.offsetY))
          // A glyph cell always has a highlight, a blank cell never.
          #expect((cell.glyph == nil) == (cell.highlight == nil))
          if let highlight = cell.highlight { highlights.insert(highlight) }
          let paper: [UInt8] = cell.highlight.map { colour in
            let (r, g, b) = OCRParameters.default.tint(colour)
            return [r, g, b]
          } ?? [255, 255, 255]
          for dy in 0..<8 {
            for dx in 0..<8 {
              let offset = 3 * (48 * (margin + 8 * row + dy) + margin + 8 * column + dx)
              let pixel = Array(example.image[offset..<(offset + 3)])
              let (gx, gy) = (dx - cell.offsetX, dy - cell.offsetY)
              let ink = cell.glyph.map { glyph in
                (0..<5).contains(gx) && (0..<7).contains(gy) && GlyphFont.rows[glyph][gy].dropFirst(gx).first == "#"
              } ?? false
              #expect(pixel == (ink ? [0, 0, 0] : paper), "image \(index) cell \(row),\(column) pixel \(dx),\(dy)")
            }
          }
        }
      }
    }
    #expect(highlights == Set(ObjectColour.allCases))
  }

  @Test func aHighlightIsTintedTowardsItsColourAndStaysApartFromInkAndPaper() {
    let parameters = OCRParameters.default
    // Red is (220, 30, 30): 40 % of the way from white is 255 − 0.4 · (35, 225, 225), rounded down.
    let red = parameters.tint(.red)
    #expect([red.0, red.1, red.2] == [241, 165, 165])
    let tints: [[UInt8]] = ObjectColour.allCases.map { colour in
      let (r, g, b) = parameters.tint(colour)
      return [r, g, b]
    }
    #expect(Set(tints).count == tints.count)
    #expect(tints.allSatisfy { $0 != [255, 255, 255] && $0 != [0, 0, 0] })
  }

  @Test func highlightKnobsAreChecked() throws {
    var none = OCRParameters.default
    none.highlightColours = 0
    #expect(throws: MiniTasksError.self) { try OCRTask(parameters: none) }
    var twice = OCRParameters.default
    twice.questionTypes = [.glyphOfHighlight, .glyphOfHighlight]
    #expect(throws: MiniTasksError.self) { try OCRTask(parameters: twice) }
    var empty = OCRParameters.default
    empty.questionTypes = []
    #expect(throws: MiniTasksError.self) { try OCRTask(parameters: empty) }
    var single = OCRParameters.default
    single.highlightColours = 1
    #expect(throws: MiniTasksError.invalidParameter(name: "questionTypes", reason: "glyph_of_highlight needs highlightColours ≥ 2")) {
      try OCRTask(parameters: single)
    }
    single.questionTypes = [.highlightOfGlyph]
    _ = try OCRTask(parameters: single)
    var harsh = OCRParameters.default
    harsh.highlightPercent = 0
    #expect(throws: MiniTasksError.self) { try OCRTask(parameters: harsh) }
  }

  @Test func patchLabelsNameTheGlyphAndQuadrant() {
    let side = OCRParameters.default.gridSide, marginPatches = OCRParameters.default.marginPixels / 4
    let (grid, example) = ocr.example(index: 7, split: .train, seed: 1, questionCount: 1)
    for patchRow in 0..<12 {
      for patchColumn in 0..<12 {
        let (r, c) = (patchRow - marginPatches, patchColumn - marginPatches)
        let inside = (0..<(2 * side)).contains(r) && (0..<(2 * side)).contains(c)
        let glyph = inside ? grid.cells[(r / 2) * side + c / 2].glyph : nil
        let expected = glyph.map { 1 + 4 * $0 + 2 * (r % 2) + c % 2 } ?? 0
        #expect(Int(example.patchLabels[12 * patchRow + patchColumn]) == expected)
      }
    }
  }

  @Test func aSmallerGridIsCentredAndLabelledOnItsOwnPatches() throws {
    var parameters = OCRParameters.default
    parameters.gridSide = 2
    let task = try OCRTask(parameters: parameters)
    let (grid, example) = task.example(index: 0, split: .train, seed: 1, questionCount: 3)
    // A 2 × 2 grid of 8-pixel cells leaves 16 pixels (4 patches) on every side.
    #expect(example.patchLabels[0..<48].allSatisfy { $0 == 0 })
    let first = grid.cells[0].glyph.map { UInt8(1 + 4 * $0) } ?? 0
    #expect(example.patchLabels[4 * 12 + 4] == first)
    #expect(example.image[0..<(3 * 48 * 16)].allSatisfy { $0 == 255 })
  }

  @Test func noiseStaysWithinItsAmplitudeAndKeepsInkReadable() throws {
    var parameters = OCRParameters.default
    parameters.noise = 40
    let noisy = try OCRTask(parameters: parameters)
    let (grid, example) = noisy.example(index: 3, split: .train, seed: 1, questionCount: 1)
    let clean = ocr.render(grid)
    #expect(example.image != clean)
    #expect(zip(example.image, clean).allSatisfy { abs(Int($0) - Int($1)) <= 40 })
  }
}

@Suite("Question balance")
struct BalanceTests {
  /// Majority-answer accuracy per type over `images` images.
  static func majority(_ generator: MiniTaskGenerator, images: Int) -> [Double] {
    var tally = AnswerTally(questionTypes: generator.family.questionTypes)
    for index in 0..<images {
      for question in generator.example(index: index, split: .eval, seed: 1, questionCount: 10).questions {
        tally.add(question)
      }
    }
    return tally.baselines.map(\.accuracy)
  }

  @Test func typesGoRoundRobinAndNoAnswerDominates() {
    for family in TaskFamily.allCases {
      let generator = MiniTaskGenerator.standard(family)
      var perType = [Int](repeating: 0, count: family.questionTypes.count)
      for index in 0..<50 {
        for question in generator.example(index: index, split: .train, seed: 1, questionCount: 10).questions {
          perType[question.type] += 1
        }
      }
      #expect(perType.max()! - perType.min()! <= 1, "\(family): \(perType)")
      let baselines = Self.majority(generator, images: 400)
      #expect(baselines.allSatisfy { $0 < 0.6 }, "\(family): \(baselines)")
    }
  }

  @Test func questionsOfOneImageAreDistinctWhereTheSceneAllows() {
    for index in 0..<100 {
      let questions = reasoning.example(index: index, split: .train, seed: 1, questionCount: 10).example.questions
      #expect(Set(questions.map(\.tokens)).count == questions.count)
    }
  }
}

@Suite("Seeds")
struct SeedTests {
  @Test func trainAndEvalNeverShareAGeneratorStream() {
    var seen: [UInt64: String] = [:]
    for seed: UInt64 in [0, 1, 2] {
      for family in TaskFamily.allCases {
        for split in DataSplit.allCases {
          for index in 0..<5_000 {
            var rng = ImageStream.generator(family: family, split: split, seed: seed, index: index)
            let first = rng.next()
            let name = "\(family)/\(split)/\(seed)/\(index)"
            #expect(seen[first] == nil, "\(name) starts like \(seen[first] ?? "")")
            seen[first] = name
          }
        }
      }
    }
  }

  @Test func anImageDependsOnlyOnItsOwnStream() {
    let generator = MiniTaskGenerator.standard(.reasoning)
    let alone = generator.example(index: 41, split: .train, seed: 9, questionCount: 10)
    #expect(alone == generator.example(index: 41, split: .train, seed: 9, questionCount: 10))
    #expect(alone != generator.example(index: 41, split: .eval, seed: 9, questionCount: 10))
    #expect(alone != generator.example(index: 41, split: .train, seed: 10, questionCount: 10))
  }
}
