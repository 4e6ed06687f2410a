// mini-cost: does the paper's 2·N·(Q+V) describe the inference cost of models trained here?
//
// Reuses the cached timings of the trained cells (or measures them: `--force`, a retrained cell or
// changed engine code), fits prefill time ≈ c·2N(Q+V) + overhead, and writes the bundled engine's
// two figures, its findings and summary.json for the miniature models.
import ExperimentRegistry
import InferenceCost
import MiniReplication
import Notebook

ExperimentRun.main(.miniCost) { run in
  let settings: MiniCostSettings = try run.settings()
  let grids = try settings.grids.map { try MiniGrid.resolve($0.grid) }
  // Their rows name every checkpoint the sweep times: read, so a retrained cell makes this stale.
  let evaluated = try settings.grids.flatMap { try run.measurements($0.suite) }
  let sweep = MiniCostSweep(
    layout: MiniLayout(root: run.layout.root), grids: grids, requests: settings.requests, repetitions: settings.repetitions)
  let measured = try sweep.sweep(force: run.force) { print($0) }
  let analysis = try CostAnalysis(measured.measurements, decodeSteps: 0, claim: MiniCostSweep.claim)
  for script in try InferenceCostFigures.scripts(
    analysis, sweep: measured, generatedBy: "the mini-cost experiment (Experiments/MiniCost)",
    weights: "The \(measured.measurements.count) trained cells of grids \(grids.map(\.name).joined(separator: " and ")) "
      + "(\(evaluated.count) rows in the results store); "
      + "seconds per request, \(settings.requests) held-out requests in one batch on one thread.")
  {
    try run.write(script)
  }
  let load = measured.loadAverage.map { String(format: ", mean 1-minute load average %.1f", $0) } ?? ""
  try run.write(
    text: "Measured on \(measured.machine.summary)\(load); sweep wall time \(String(format: "%.0f", measured.wallSeconds)) s.\n\n"
      + analysis.summary + "\n",
    named: "findings.md")
  return InferenceCostSummary(analysis, sweep: measured, bootstrap: settings.bootstrap.bootstrap)
}
