import Gnuplot
import Testing

@testable import MiniTasks

@Suite("Contact sheet")
struct ContactSheetTests {
  @Test func everyImageIsDrawnFromItsBytesWithItsQuestions() throws {
    let generator = MiniTaskGenerator.standard(.ocr)
    let examples = (0..<4).map { ($0, generator.example(index: $0, split: .eval, seed: 1, questionCount: 10)) }
    let text = try ContactSheet(family: .ocr, examples: examples, title: "test").script(name: "sheet").text
    #expect(text.contains("plot for [i=0:3] $images index i"))
    #expect(text.contains("with rgbimage"))
    #expect(text.components(separatedBy: "# image ").count == 5)
    // Pixel (0, 0) of image 0 is the first data row: x, y, red, green, blue.
    let first = examples[0].1.image.prefix(3).map { Double($0).description }.joined(separator: " ")
    #expect(text.contains("# x y red green blue\n# image 0\n0.0 0.0 \(first)\n"))
    let question = examples[2].1.questions[9]
    // Labels: 1 is the title, then per image its name and its ten questions (image 2, question 9: 34).
    let line = MiniVocabulary.text(question.tokens) + "  → " + MiniVocabulary.tokens[Int(question.answer)]
    #expect(text.contains("set label 34 \(GnuplotLiteral.string(line)) at "))
  }
}
