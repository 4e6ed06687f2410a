import Foundation
import ResultsStore
import Testing
import TokenCompressionTable

/// A compressor comparison measured on a grid of models, arranged by Table 1's own code.
@Suite("Table 1 of a comparison grid")
struct ComparisonGridTests {
  static func result(_ method: String, N: Double, V: Int, _ accuracy: Double, metric: String = "avg_accuracy") -> MeasuredResult {
    MeasuredResult(suite: SuiteID(rawValue: "mini-compressors"), family: "mini-VLM", N: N, V: V, method: method, metric: metric, value: accuracy, source: "test")
  }

  static let results = [
    result("mini-quecc", N: 793_216e-9, V: 1, 0.70), result("mini-pool", N: 793_216e-9, V: 1, 0.55),
    result("mini-quecc", N: 25_440e-9, V: 1, 0.50), result("mini-pool", N: 25_440e-9, V: 1, 0.52),
    result("mini-quecc", N: 25_440e-9, V: 16, 0.60), result("mini-pool", N: 25_440e-9, V: 16, 0.60),
    result("mini-pool", N: 25_440e-9, V: 16, 12, metric: "cross_entropy"),
  ]

  @Test("one column per LLM size, smallest first, in percent; the sizes read as parameters")
  func columns() throws {
    let entries = Table1.entries(comparing: Self.results)
    #expect(entries.count == 6, "only the averaged accuracy is compared")
    let table = try Table1(entries, budgets: [16, 4, 1])
    #expect(table.benchmarks.map(\.rawValue) == ["N = 25.4k", "N = 793k"])
    #expect(table.baseline == nil)
    #expect(table.blocks.map(\.budget) == [16, 4, 1])
    #expect(table.blocks[1].rows.isEmpty)
    let quecc = try #require(table.blocks[2].rows.first { $0.method == "mini-quecc" })
    #expect(quecc.percent(SuiteID(rawValue: "N = 793k"))! == 70)
    // ×100 alone would store 67.60000000000001, which the Markdown table prints as stored.
    let rounded = Table1.entries(comparing: [Self.result("mini-pool", N: 25_440e-9, V: 1, 0.676)])
    #expect(rounded[0].value == 67.6)
  }

  @Test("the best count is the paper table's: ties count, a column is one comparison")
  func bestCount() throws {
    let table = try Table1(Table1.entries(comparing: Self.results), budgets: [16, 4, 1])
    let one = table.blocks[2].bestCount(method: "mini-quecc")
    #expect(one.compared == ["N = 25.4k", "N = 793k"])
    #expect(one.best == ["N = 793k"])
    #expect(table.blocks[0].bestCount(method: "mini-quecc").best == ["N = 25.4k"], "a tie counts")
  }

  @Test("a row at a token count that is not a budget is refused, naming the budgets")
  func unplaced() {
    #expect(throws: Table1Error.unplacedRow(method: "mini-pool", tokens: 9, budgets: [16, 4, 1])) {
      try Table1(Table1.entries(comparing: [Self.result("mini-pool", N: 25_440e-9, V: 9, 0.5)]), budgets: [16, 4, 1])
    }
  }

  @Test("columns of several families are prefixed by the family")
  func families() throws {
    var other = Self.result("mini-quecc", N: 25_440e-9, V: 1, 0.4)
    other.family = "other"
    let table = try Table1(Table1.entries(comparing: [Self.results[2], other]), budgets: [1])
    #expect(table.benchmarks.map(\.rawValue).sorted() == ["mini-VLM N = 25.4k", "other N = 25.4k"])
  }
}
