// The reviewer report — every claim of the paper (paper-artifacts/PAPER.md §5) checked against the data.
//
// Check the claims (fits, frontiers, bootstrap: all in the ClaimsLedger library), then write one
// page as Markdown and HTML with the claims table, the claims at a glance (a figure drawn from
// the same results), the fits per method, the figures beside their claims (the driver
// regenerates them first), data provenance and known data issues.
import ClaimsLedger
import Foundation
import Notebook
import ExperimentRegistry
import PaperFigures
import ResultsStore

/// The summary the driver records: each claim's verdict and value.
struct Summary: Encodable {
  var counts: [String: Int]
  var claims: [String: [String: String]]
}

/// The claims-at-a-glance figure's base name, in the report's folder.
let glanceName = "claims-at-a-glance"
/// The residual maps' base name, in the report's folder.
let residualName = "residual-maps"

ExperimentRun.main(.report) { run in
  let ledger = try Ledger.verify(database: run.results, figuresDirectory: run.layout.figuresDirectory)
  let figures = run.experiment.dependsOn.compactMap(Experiment.named).map {
    FigureOutputs($0, figuresDirectory: run.layout.figuresDirectory)
  }
  let glance = ReviewerReport.glance(ledger)
  let residuals = ReviewerReport.residualMaps(
    ledger, observations: Dictionary(uniqueKeysWithValues: try [SuiteID.visualReasoning, .ocr].map { ($0.rawValue, try run.observations($0)) }))
  let page = ReviewerReport.document(
    ledger, sources: try run.results.sources(), figures: figures,
    robustness: try ReviewerReport.robustness(figuresDirectory: run.layout.figuresDirectory),
    glanceFigure: glance.isEmpty ? nil : glanceName,
    residuals: residuals, residualFigure: residuals.isEmpty ? nil : residualName)
  try run.write(text: page.markdown, named: "REPORT.md")
  try run.write(text: page.html, named: "report.html")
  try run.write(text: String(decoding: try ledger.json(), as: UTF8.self), named: "claims.json")
  if !glance.isEmpty {
    // Every value, interval, band and paper value divided by the row's reference; the axis
    // spans all of them with a margin.
    let ratios = glance.flatMap { row in
      ([row.ours, row.paper, row.lower, row.upper].compactMap { $0 } + (row.interval ?? [])).map { $0 / row.reference }
    }.filter { $0 > 0 }
    let rows = glance.map { row in
      let verdict = ReportDocument.Verdict(rawValue: row.status.rawValue) ?? .undecided
      return IntervalPanel.Row(
        label: row.label, reference: row.reference, value: row.ours,
        interval: row.interval.flatMap { $0.count == 2 ? $0[0]...$0[1] : nil }, paper: row.paper, lower: row.lower,
        upper: row.upper, color: RGBColor(red: verdict.rgb.red, green: verdict.rgb.green, blue: verdict.rgb.blue))
    }
    try run.write(PlotFigure(name: glanceName, panels: [.intervals(IntervalPanel(
      title: "Claims at a glance: ours against the paper and the criterion",
      xLabel: "value ÷ the paper's value (or ÷ the criterion's threshold where the paper gives none)",
      rows: rows, xRange: (ratios.min()! / 1.6)...(ratios.max()! * 1.6)))], header: [
        "The claims ledger's numeric claims (Figures/report/claims.json), data \(ledger.dataDigest ?? "none").",
      ]).script())
  }
  if !residuals.isEmpty {
    let panels = residuals.enumerated().map { index, map in
      let grid = map.grid
      return PlotPanel.heatmap(HeatmapPanel(
        title: "\(PaperStyle.panelLabel(index)) \(map.suite): Y − Ŷ of the \(map.method) fit", xLabel: "Visual tokens V",
        yLabel: "LLM size N", columns: grid.columns, rows: grid.rows, values: grid.points, scaleTitle: "Y − Ŷ (points of error)"))
    }
    try run.write(PlotFigure(name: residualName, panels: panels, header: [
      "Residuals of the claims ledger's primary fits on every size, data \(ledger.dataDigest ?? "none")."
    ]).script())
  }
  return Summary(
    counts: ledger.counts,
    claims: Dictionary(uniqueKeysWithValues: ledger.claims.map { ($0.id, ["status": $0.status.rawValue, "value": $0.value]) }))
}
