// inference-cost: does a real VLM forward pass cost what the paper's 2·N·(Q+V) says?
//
// Measures (or reuses the cached sweep of) the bundled VLM/QueCC engine over LLM sizes N,
// visual tokens V and question tokens Q, fits prefill time ≈ c·2N(Q+V) + overhead, prints the
// verdict on claim cost.linear-in-tokens and where the line breaks down, and writes two figures,
// the findings and summary.json to Figures/inference-cost/. `--force` re-measures on this machine
// even when the cached sweep is current.
import AtomicFiles
import Foundation
import Gnuplot
import InferenceCost
import ResultsStore

do {
  let layout = try ProjectLayout.locate()
  let experiment = InferenceCostExperiment(root: layout.root)
  let (sweep, provenance) = try experiment.sweep(force: CommandLine.arguments.contains("--force")) { print($0) }
  if case .cached = provenance { print("using the cached sweep") }
  let report = try experiment.report(of: sweep)
  print(report, terminator: "")

  let output = layout.figuresDirectory.appendingPathComponent("inference-cost", isDirectory: true)
  try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
  let renderer = try? GnuplotRenderer.locate()
  for script in try experiment.figures(of: sweep) {
    _ = try renderer?.render(script, into: output) ?? [script.write(into: output)]
  }
  try AtomicFile.write(report, to: output.appendingPathComponent("findings.md"))
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
  try AtomicFile.write(encoder.encode(experiment.summary(of: sweep)) + Data("\n".utf8), to: output.appendingPathComponent("summary.json"))
  print("wrote \(output.path)")
} catch {
  FileHandle.standardError.write(Data("inference-cost: \(error)\n".utf8))
  exit(1)
}
