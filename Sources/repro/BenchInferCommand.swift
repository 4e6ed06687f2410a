import ArgumentParser
import InferenceCost
import InferenceEngine
import ResultsStore

/// `repro bench infer`: the inference engine's GEMM throughput on its own shapes against numpy in
/// the same run, and prefill tokens/s for every bundled model size.
struct BenchInferCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "infer",
    abstract: "Benchmark the inference engine: GEMM GFLOP/s vs numpy on the models' shapes, prefill tokens/s per model.")

  @Option(help: "Prompt length in tokens (rows of every GEMM; default V = 576 plus Q = 50).")
  var tokens = 626

  @Option(help: "Minimum seconds per timing batch (best of 3 batches is reported).")
  var seconds = 0.1

  func validate() throws {
    guard tokens >= 1 else { throw ValidationError("--tokens must be at least 1") }
    guard seconds > 0 else { throw ValidationError("--seconds must be positive") }
  }

  func run() throws {
    let store = CheckpointStore(projectRoot: try ProjectLayout.locate().root)
    let report = try InferenceBenchmark.run(store: store, tokens: tokens, minimumSeconds: seconds) { print($0) }
    print(report.text)
  }
}
