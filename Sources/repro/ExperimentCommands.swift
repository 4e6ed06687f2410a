import ArgumentParser
import Foundation
import Notebook
import ResultsStore

/// `repro all`: run every registered experiment.
struct All: ParsableCommand {
  static let configuration = CommandConfiguration(abstract: "Regenerate every figure and table.")

  func run() throws {
    try ExperimentLauncher().run(Experiment.all)
  }
}

/// `repro figure <id>…`: run the named experiments.
struct FigureCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "figure", abstract: "Regenerate the named figures or tables (e.g. 1, figure1, table1).")

  @Argument(help: "Experiment ids or names (see `repro list`).")
  var ids: [String]

  func run() throws {
    let experiments = try ids.map { id in
      guard let experiment = Experiment.named(id) else {
        throw ValidationError("no experiment '\(id)'; known: \(Experiment.all.map(\.id).joined(separator: ", "))")
      }
      return experiment
    }
    try ExperimentLauncher().run(experiments)
  }
}

/// `repro list`: the registered experiments.
struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "list", abstract: "List the experiments.")

  func run() {
    for experiment in Experiment.all {
      print("\(experiment.id)\t\(experiment.executable)\t\(experiment.title)")
    }
  }
}

/// Runs experiment executables built beside this tool, one after the other.
struct ExperimentLauncher {
  func run(_ experiments: [Experiment]) throws {
    let layout = try ProjectLayout.locate()
    let binaries = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    var failed: [String] = []
    for experiment in experiments {
      let process = Process()
      process.executableURL = binaries.appendingPathComponent(experiment.executable)
      process.arguments = ["--root", layout.root.path]
      print("running \(experiment.executable): \(experiment.title)")
      try process.run()
      process.waitUntilExit()
      if process.terminationStatus != 0 { failed.append(experiment.executable) }
    }
    guard failed.isEmpty else { throw ValidationError("failed: \(failed.joined(separator: ", "))") }
  }
}
