// Table 1 — QueCC against other token compressors on LLaVA-1.5 / Vicuna-7B.
//
// The table as the paper lays it out (baseline, then blocks at 36, 16, 4 and 1 tokens), written
// as Markdown and LaTeX with the best value of each column within a block in bold, and drawn as
// grouped bars per block; counts the benchmarks on which QueCC is best in each block.
import Notebook
import PaperFigures
import ResultsStore
import ExperimentRegistry
import TokenCompressionTable

struct Summary: Encodable {
  /// The counted method's best-benchmark counts, per budget block as the paper lists it.
  var bestCounts: [MethodBestCount]
  /// The same, leaving out rows listed at another token count than the block's budget.
  var bestCountsSameTokensOnly: [MethodBestCount]
  var placements: [String]
  /// How MME is put beside percentages, when the table has MME.
  var mmeNormalisation: String?
}

ExperimentRun.main(.table1) { run in
  let settings: Table1Settings = try run.settings()
  // The paper's table, or a compressor comparison measured on a grid (one column per LLM size).
  let entries = try settings.comparisonSuite.map { Table1.entries(comparing: try run.measurements($0)) } ?? run.table1()
  let table = try Table1(entries, budgets: settings.budgets)
  let method = settings.method
  let usesMME = entries.contains { $0.metric == "score" }
  let comparison = settings.comparisonSuite != nil
  let yRange = settings.yRangePercent
  try run.write(text: table.markdown, named: "table1.md")
  try run.write(text: table.latex, named: "table1.tex")

  // The paper's rows listed in another budget's block, where the table has them.
  let placed = Table1.placements.filter { placement in
    table.blocks.contains { block in block.rows.contains { $0.method == placement.method && $0.tokens == placement.tokens } }
  }
  let placements = placed.map { "\($0.method) (\($0.tokens) tokens) is listed in the \($0.budget)-token block" }
  let mme = "MME is a score out of \(PaperStyle.compact(Table1.mmeMaxScore)); bars show it as score / \(PaperStyle.compact(Table1.mmeMaxScore)) × 100."
  let panels = table.blocks.enumerated().map { index, block in
    let count = block.bestCount(method: method)
    return PlotPanel.bars(GroupedBarPanel(
      title: "\(PaperStyle.panelLabel(index)) \(block.budget) token\(block.budget == 1 ? "" : "s"): \(method) best on \(count.count) of \(count.compared.count)",
      xLabel: comparison ? "LM size (non-embedding parameters)" : "Benchmark",
      yLabel: comparison ? "Held-out accuracy (%)" : "Score (%)", yRange: yRange,
      groups: table.benchmarks.map { benchmark in
        BarGroup(
          label: benchmark.rawValue,
          bars: block.rows.compactMap { row in
            row.percent(benchmark).map { Bar(value: $0, color: PaperStyle.color(method: row.method), highlighted: block.isBest(row, benchmark)) }
          },
          reference: table.baseline?.percent(benchmark))
      },
      legend: block.rows.map { BarLegendEntry(title: "\($0.method) (\($0.tokens))", color: PaperStyle.color(method: $0.method)) },
      referenceTitle: "LLaVA-1.5 (576)", keyTitle: "Method (tokens)",
      notes: PaperStyle.wrapped([
        "★ best in the block" + (table.baseline == nil ? "" : "; black dash: LLaVA-1.5 at 576 tokens")
          + "; y axis starts at \(PaperStyle.compact(yRange.lowerBound))%.",
      ] + (usesMME ? [mme] : []) + placed.filter { $0.budget == block.budget }.map {
        "\($0.method) is listed here at \($0.tokens) tokens, as in the paper."
      }, columns: 105)))
  }
  try run.write(PlotFigure(name: "table1", panels: panels, header: [
    "Table 1 of Li et al., 'Inference Optimal VLMs Need Fewer Visual Tokens and More Parameters', as grouped bars.",
  ] + run.registrationNote + [
    "Input: \(settings.input) of paper-artifacts/results.sqlite, data \(try run.dataDigest()).",
  ] + (usesMME ? [mme] : [])).script())
  return Summary(
    bestCounts: table.blocks.map { $0.bestCount(method: method) },
    bestCountsSameTokensOnly: table.blocks.map { $0.bestCount(method: method, sameTokensOnly: true) },
    placements: placements, mmeNormalisation: usesMME ? mme : nil)
}
