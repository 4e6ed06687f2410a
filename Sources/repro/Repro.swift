import ArgumentParser
import VLM

/// `repro`: regenerate every figure of the paper from the bundled results, fit the scaling law,
/// inspect the data, and benchmark the fits. The root `./repro` script builds this tool first.
@main
struct Repro: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "repro",
    abstract: "Paper as code for 'Inference Optimal VLMs Need Fewer Visual Tokens and More Parameters'.",
    discussion: """
      Start with `./repro all` (regenerate every figure) and `./repro test` (run the tests); the \
      root script installs what the system lacks and builds before running this tool.
      """,
    subcommands: [All.self, FigureCommand.self, ListCommand.self, StatusCommand.self, DagCommand.self, CleanCommand.self, FitCommand.self, ExtrapolateCommand.self, DataCommand.self, IngestCommand.self, SweepCommand.self, BenchCommand.self, InferCommand.self, VerifyCommand.self, ReportCommand.self, MiniCommand.self])

  /// Selects OpenBLAS's vector kernels before anything runs (a Debian 12 OpenBLAS otherwise falls
  /// back to its slowest kernels on this machine's CPU; see `BLAS.reexecuteWithVectorKernelsIfNeeded`).
  static func main() {
    BLAS.reexecuteWithVectorKernelsIfNeeded()
    main(nil)
  }
}
