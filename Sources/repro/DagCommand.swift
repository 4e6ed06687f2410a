import ArgumentParser
import ReproDriver
import ExperimentRegistry

/// `repro dag [--dot]`: the targets and what they read, as a tree or as Graphviz DOT.
struct DagCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dag",
    abstract: "Show which experiments read which data and which other experiments' outputs.",
    discussion: "`repro dag --dot | dot -Tsvg > dag.svg` draws it with Graphviz.")

  @Flag(help: "Print Graphviz DOT instead of a text tree.")
  var dot = false

  func run() throws {
    let graph = try TargetGraph(Experiment.all)
    print(dot ? graph.dot() : graph.tree(), terminator: "")
  }
}
