import ArgumentParser
import InferenceCost
import InferenceEngine
import ResultsStore

/// `repro bench infer`: the inference engine's GEMM throughput on its own shapes against numpy in
/// the same run, and prefill tokens/s for every bundled model size.
struct BenchInferCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "infer",
    abstract: "Benchmark the inference engine: GEMM GFLOP/s vs numpy on the models' shapes, prefill tokens/s per model vs PyTorch eager.")

  @Option(help: "Prompt length in tokens, 1…4096 (rows of every GEMM; default V = 576 plus Q = 50).")
  var tokens = 626

  @Option(help: "Minimum seconds per timing batch, 0.001…60 (best of 3 batches is reported).")
  var seconds = 0.1

  @Option(help: "Threads of each prefill, engine and PyTorch alike (1…64).")
  var threads = 1

  @Option(help: "Python interpreter with torch for the PyTorch prefill reference (default: $\(TorchReference.environmentVariable), else the training virtualenv, else python3).")
  var python: String?

  func validate() throws {
    try check("--tokens", tokens, in: 1...4096)
    try check("--seconds", seconds, in: 0.001...60)
    try check("--threads", threads, in: 1...64)
  }

  func run() throws {
    let root = try ProjectLayout.locate().root
    let store = CheckpointStore(projectRoot: root)
    let torch = (reference: TorchReference(python: python, projectRoot: root), script: root.appendingPathComponent("Benchmarks/torch_prefill.py"))
    let report = try InferenceBenchmark.run(store: store, tokens: tokens, minimumSeconds: seconds, prefillThreads: threads, torch: torch) { print($0) }
    print(report.text)
  }
}
