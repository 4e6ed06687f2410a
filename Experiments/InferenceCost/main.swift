// inference-cost: does a real VLM forward pass cost what the paper's 2·N·(Q+V) says?
//
// Reuses the cached sweep of the bundled VLM/QueCC engine (or measures it: `--force`, or when the
// engine's code changed) over LLM sizes N, visual tokens V and question tokens Q, fits prefill
// time ≈ c·2N(Q+V) + overhead, and writes two figures, the findings and summary.json.
import InferenceCost
import Notebook
import ExperimentRegistry

ExperimentRun.main(.inferenceCost) { run in
  let settings: InferenceCostSettings = try run.settings()
  let plan = SweepPlan.bundledQueCC(
    visualTokens: settings.visualTokens, textTokens: settings.textTokens, repetitions: settings.repetitions,
    newTokens: settings.newTokens)
  let experiment = InferenceCostExperiment(root: run.layout.root, plan: plan)
  let (sweep, _) = try experiment.sweep(force: run.force) { print($0) }
  for script in try experiment.figures(of: sweep) { try run.write(script) }
  try run.write(text: try experiment.report(of: sweep), named: "findings.md")
  return try experiment.summary(of: sweep, bootstrap: settings.bootstrap.bootstrap)
}
