import ArgumentParser
import Foundation
import ReproDriver

/// `repro status [--why]`: which targets are stale and why, without running or writing anything.
struct StatusCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: "Say which figures and tables are stale and why (data, parameters, code, gnuplot, upstream, outputs).")

  @Argument(help: "Experiment ids or names (default: all).")
  var ids: [String] = []

  @Flag(help: "Give the details of each cause: which data selection, parameter, source file or output.")
  var why = false

  func run() throws {
    Self.print(try DriverCommand.driver().status(ids), why: why)
  }

  /// One line per target (`figure1  up to date`, `figure2  stale: data changed, code changed`),
  /// with one indented line per cause under `--why`.
  static func print(_ report: RunReport, why: Bool) {
    if let reason = report.databaseRebuild {
      Swift.print("note: \(reason); `repro all` rebuilds results.sqlite first (checked here against a fresh copy)")
    }
    let width = report.results.map(\.experiment.executable.count).max() ?? 0
    for result in report.results {
      let name = result.experiment.executable.padding(toLength: width + 2, withPad: " ", startingAt: 0)
      switch result.outcome {
      case .wouldRun(let reasons):
        Swift.print(name + "stale: " + orderedCauses(reasons).joined(separator: ", "))
        if why { reasons.forEach { Swift.print("    - \($0)") } }
      case .failed(_, let failure):
        Swift.print(name + "cannot check: \(failure.message)")
      case .skipped(let upstream):
        Swift.print(name + "not checked: upstream \(upstream.joined(separator: ", ")) cannot be checked")
      case .upToDate, .built, .interrupted:
        Swift.print(name + "up to date")
      }
    }
  }

  private static func orderedCauses(_ reasons: [StaleReason]) -> [String] {
    var seen = Set<String>()
    return reasons.map(\.cause).filter { seen.insert($0).inserted }
  }
}
