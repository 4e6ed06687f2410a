// inference-cost: does a real VLM forward pass cost what the paper's 2·N·(Q+V) says?
//
// Measures (or reuses the cached sweep of) the bundled VLM/QueCC engine over LLM sizes N,
// visual tokens V and question tokens Q, fits prefill time ≈ c·2N(Q+V) + overhead, prints the
// verdict on claim cost.linear-in-tokens and where the line breaks down, and draws two figures.
// `--force` re-measures on this machine even when the cache is current.
import Foundation
import Gnuplot
import InferenceCost
import ResultsStore

do {
  let layout = try ProjectLayout.locate()
  let experiment = InferenceCostExperiment(root: layout.root)
  let (sweep, provenance) = try experiment.sweep(force: CommandLine.arguments.contains("--force")) { print($0) }
  if case .cached = provenance { print("using the cached sweep measured on \(sweep.machine.summary)") }
  print(String(format: "sweep wall time %.1f s, %d configurations", sweep.wallSeconds, sweep.measurements.count))
  print(try experiment.analysis(of: sweep).summary)

  try FileManager.default.createDirectory(at: layout.figuresDirectory, withIntermediateDirectories: true)
  let renderer = try? GnuplotRenderer.locate()
  for script in try experiment.figures(of: sweep) {
    let files = try renderer?.render(script, into: layout.figuresDirectory) ?? [script.write(into: layout.figuresDirectory)]
    print("wrote " + files.map(\.lastPathComponent).joined(separator: ", "))
  }
} catch {
  FileHandle.standardError.write(Data("inference-cost: \(error)\n".utf8))
  exit(1)
}
