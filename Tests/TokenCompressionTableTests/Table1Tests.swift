import Foundation
import ResultsStore
import Testing
import TokenCompressionTable

@Suite("Table 1")
struct Table1Tests {
  static let A = SuiteID(rawValue: "GQA")
  static let B = SuiteID(rawValue: "MME")
  static func entry(_ method: String, _ tokens: Int, _ benchmark: SuiteID, _ value: Double) -> Table1Entry {
    Table1Entry(method: method, tokens: tokens, benchmark: benchmark, metric: benchmark == B ? "score" : "accuracy_percent", value: value)
  }

  /// A small hand-made table: the baseline, a 4-token block with a tie, a 1-token block with
  /// Matryoshka Query at 2 tokens and a column only QueCC has.
  static let entries = [
    entry("none", 576, A, 60), entry("none", 576, B, 1500),
    entry("TokenPacker", 4, A, 50), entry("TokenPacker", 4, B, 1300),
    entry("QueCC", 4, A, 52), entry("QueCC", 4, B, 1300),
    entry("TokenPacker", 1, A, 44),
    entry("Matryoshka Query", 2, A, 46),
    entry("QueCC", 1, A, 45), entry("QueCC", 1, B, 1200),
  ]

  @Test("rows are arranged in the paper's blocks; best per column, ties included")
  func blocks() throws {
    let table = try Table1(Self.entries)
    #expect(table.benchmarks == [Self.A, Self.B])
    #expect(table.baseline?.tokens == 576)
    #expect(table.blocks.map(\.budget) == [36, 16, 4, 1])
    #expect(table.blocks.map { $0.rows.count } == [0, 0, 2, 3])
    let four = table.blocks[2]
    #expect(four.rows.map { four.isBest($0, Self.A) } == [false, true])
    #expect(four.rows.map { four.isBest($0, Self.B) } == [true, true])
    #expect(four.bestCount(method: "QueCC") == MethodBestCount(method: "QueCC", budget: 4, sameTokensOnly: false, compared: ["GQA", "MME"], best: ["GQA", "MME"]))
    let one = table.blocks[3]
    #expect(one.rows.map(\.method) == ["TokenPacker", "Matryoshka Query", "QueCC"])
    // Matryoshka Query's 2 tokens beat QueCC in the paper's block; among 1-token rows QueCC wins.
    #expect(one.bestCount(method: "QueCC").count == 0)
    #expect(one.bestCount(method: "QueCC").compared == ["GQA"], "MME has no competitor: not a comparison")
    #expect(one.bestCount(method: "QueCC", sameTokensOnly: true).best == ["GQA"])
    #expect(one.bestCount(method: "PruMerge").compared.isEmpty)
  }

  @Test("MME is normalised as score / 2000 × 100 (MME-Perception); percentages stay")
  func normalisation() throws {
    #expect(Table1.percent(1000, metric: "score") == 50)
    #expect(Table1.percent(61.5, metric: "accuracy_percent") == 61.5)
    #expect(abs(try Table1(Self.entries).baseline!.percent(Self.B)! - 1500.0 / 20) < 1e-12)
  }

  @Test("a row in no budget block is refused")
  func unplaced() {
    #expect(throws: Table1Error.unplacedRow(method: "QueCC", tokens: 3, budgets: Table1.budgets)) { try Table1([Self.entry("QueCC", 3, Self.A, 50)]) }
  }

  @Test("Markdown and LaTeX put the best of each column within a block in bold")
  func text() throws {
    let table = try Table1(Self.entries)
    #expect(table.markdown == """
      | Budget | Method | Tokens | GQA | MME |
      |---|---|--:|--:|--:|
      | 576 (uncompressed) | LLaVA-1.5 | 576 | 60.0 | 1500.0 |
      | 4 | TokenPacker | 4 | 50.0 | **1300.0** |
      | 4 | QueCC | 4 | **52.0** | **1300.0** |
      | 1 | TokenPacker | 1 | 44.0 | – |
      | 1 | Matryoshka Query | 2 | **46.0** | – |
      | 1 | QueCC | 1 | 45.0 | **1200.0** |

      """)
    let latex = table.latex
    #expect(latex.contains("\\begin{tabular}{llrrr}\n\\toprule\nBudget & Method & Tokens & GQA & MME \\\\\n"))
    #expect(latex.contains("4 & QueCC & 4 & \\textbf{52.0} & \\textbf{1300.0} \\\\\n"))
    #expect(latex.contains("1 & TokenPacker & 1 & 44.0 & -- \\\\\n"))
    #expect(latex.components(separatedBy: "\\midrule").count == 4, "after the header, after the baseline, between the two blocks")
    #expect(latex.hasSuffix("\\bottomrule\n\\end{tabular}\n"))
  }

  @Test("the paper's Table 1: QueCC is best on 6 of 8 benchmarks at 1 and at 4 tokens")
  func paperTable() throws {
    let database = try ResultsDatabase.openReadOnly(try ProjectLayout.locate(from: URL(fileURLWithPath: #filePath)))
    let table = try Table1(try database.table1())
    let counts = table.blocks.map { $0.bestCount(method: "QueCC") }
    #expect(counts.map(\.budget) == [36, 16, 4, 1])
    #expect(counts.map(\.count) == [3, 3, 6, 6])
    #expect(counts.map(\.compared.count) == [8, 8, 8, 8])
    #expect(counts[3].best == ["GQA", "MME", "POPE", "SQA", "TextVQA", "VQAv2"])
    #expect(counts[2].best == ["GQA", "MMB", "MME", "POPE", "SQA", "VQAv2"])
    // Without PruMerge's ~32 tokens in the 36-token block, QueCC also wins TextVQA (53.3 vs 53.2).
    #expect(table.blocks.map { $0.bestCount(method: "QueCC", sameTokensOnly: true).count } == [4, 3, 6, 6])
  }
}
