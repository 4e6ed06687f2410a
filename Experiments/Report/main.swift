// The reviewer report — every claim of the paper (paper-artifacts/PAPER.md §5) checked against the data.
//
// Check the claims (fits, frontiers, bootstrap: all in the ClaimsLedger library), then write one
// page as Markdown and HTML with the claims table, the fits per method, links to the figures
// (which the driver regenerates first), data provenance and known data issues.
import ClaimsLedger
import Notebook
import ExperimentRegistry

/// The summary the driver records: each claim's verdict and value.
struct Summary: Encodable {
  var counts: [String: Int]
  var claims: [String: [String: String]]
}

ExperimentRun.main(.report) { run in
  let ledger = try Ledger.verify(database: run.results, figuresDirectory: run.layout.figuresDirectory)
  let figures = run.experiment.dependsOn.compactMap(Experiment.named).map {
    FigureOutputs($0, figuresDirectory: run.layout.figuresDirectory)
  }
  let page = ReviewerReport.document(
    ledger, sources: try run.results.sources(), figures: figures,
    robustness: try ReviewerReport.robustness(figuresDirectory: run.layout.figuresDirectory))
  try run.write(text: page.markdown, named: "REPORT.md")
  try run.write(text: page.html, named: "report.html")
  try run.write(text: String(decoding: try ledger.json(), as: UTF8.self), named: "claims.json")
  return Summary(
    counts: ledger.counts,
    claims: Dictionary(uniqueKeysWithValues: ledger.claims.map { ($0.id, ["status": $0.status.rawValue, "value": $0.value]) }))
}
