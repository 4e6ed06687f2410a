// Figure 4 — at (nearly) equal inference compute, does a bigger LLM with fewer visual tokens win?
//
// Groups of grid configurations whose FLOPs 2·N·(Q+V) lie within ±tolerance of the group's
// geometric mean (see IsoComputeGrouping), at each Q, for visual reasoning and for OCR, drawn as
// grouped bars of average accuracy coloured by N; ★ marks each group's best configuration.
import Notebook
import PaperAnalysis
import PaperFigures
import ResultsStore
import ExperimentRegistry

/// How the panels name each suite.
let suiteNames = [
  "visual-reasoning": "Visual reasoning", "ocr": "OCR / text understanding",
  "mini-reasoning": "Reasoning family (trained here)", "mini-ocr": "OCR family (trained here)",
]

ExperimentRun.main(.figure4) { run in
  let settings: IsoComputeFigureSettings = try run.settings()
  let summary = try IsoComputeFigureSummary(settings, observations: run.observations)
  let comparisons = summary.comparisons
  let tolerance = summary.tolerance

  let panels = comparisons.enumerated().map { index, c in
    let name = suiteNames[c.suite] ?? c.suite
    // Zoomed on the accuracies: the differences that decide each group are 0.01–0.05.
    let yRange = GroupedBarPanel.zoomedRange(c.groups.flatMap(\.members).map(\.accuracy))
    return PlotPanel.bars(GroupedBarPanel(
      title: "\(PaperStyle.panelLabel(index)) \(name), Q = \(PaperStyle.compact(c.Q)): bigger N wins \(c.groupsWonByBiggerN) of \(c.groups.count)",
      xLabel: "Iso-compute group: FLOPs 2·N·(\(PaperStyle.compact(c.Q))+V) [GFLOP]; ✓ bigger N wins, ✗ it loses",
      yLabel: "Average accuracy", yRange: yRange, yFormat: "%.2f",
      groups: c.groups.map { group in
        BarGroup(label: "\(group.biggerNWins ? "✓" : "✗") \(PaperStyle.compact(group.flops))", bars: group.members.map { member in
          Bar(value: member.accuracy, color: PaperStyle.color(N: member.N), label: PaperStyle.compact(member.V), highlighted: member == group.winner)
        })
      },
      legend: Set(c.groups.flatMap(\.members).map(\.N)).sorted().map { BarLegendEntry(title: PaperStyle.sizeLabel(N: $0), color: PaperStyle.color(N: $0)) },
      keyTitle: "LLM size N", legendColumn: 160,
      notes: ["Numbers on bars: visual tokens V; ★ the group's best. Groups: FLOPs within ±\(PaperStyle.compact(tolerance * 100))% of their geometric mean.",
              "The y axis starts at \(PaperStyle.compact(yRange.lowerBound)), not 0: bar heights show differences, not ratios."]))
  }
  try run.write(PlotFigure(name: "figure4", panels: panels, header: [
    "Figure 4 of Li et al., 'Inference Optimal VLMs Need Fewer Visual Tokens and More Parameters'.",
    "Input: \(settings.suites.map { "results:\($0.rawValue)" }.joined(separator: " and ")) of paper-artifacts/results.sqlite, data \(try run.dataDigest()).",
    "Iso-compute groups: greedy sweep by FLOPs, every member within ±\(tolerance) of the group's geometric-mean FLOPs.",
  ]).script())
  try run.write(CSVTable(
    columns: ["suite", "Q", "group", "group_gflop", "N_billion", "V", "gflop", "accuracy", "group_winner", "bigger_N_wins"],
    rows: comparisons.flatMap { c in c.groups.enumerated().flatMap { index, group in group.members.map { m in
      [.text(c.suite), .number(c.Q), .number(Double(index + 1)), .number(group.flops), .number(m.N), .number(m.V), .number(m.flops),
       .number(m.accuracy), .text(m == group.winner ? "yes" : "no"), .text(group.biggerNWins ? "yes" : "no")]
    } } }), named: "figure4.csv")
  return summary
}
