import ArgumentParser
import Foundation
import MiniReplication
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
    let driver = try DriverCommand.driver()
    let report = try driver.status(ids)
    Self.print(report, why: why, lock: why ? try LockFile.load(from: driver.lockURL) : nil)
    // The dry run cannot see checkpoints trained since the last run: name them.
    let layout = driver.layout
    for (suite, cells) in try MiniResults(layout: MiniLayout(root: layout.root), seedDirectory: layout.seedDirectory, threads: 1).pending() {
      Swift.print("note: \(cells.count) trained cell(s) of \(suite) not evaluated yet (\(cells.joined(separator: ", "))): "
        + "`repro all` evaluates them first, and the targets that read \(suite) then rerun")
    }
  }

  /// One line per target (`figure1  up to date`, `figure2  stale: data changed, code changed`),
  /// with one indented line per cause under `--why`; and, for an up-to-date target when `lock`
  /// is given, the fingerprints that were compared (equal, or it would be stale), so `--why`
  /// says what "up to date" rests on.
  static func print(_ report: RunReport, why: Bool, lock: LockFile? = nil) {
    if let reason = report.databaseRebuild {
      Swift.print("note: \(reason); `repro all` rebuilds results.sqlite first (checked here against a fresh copy)")
    }
    let width = report.results.map(\.experiment.target.count).max() ?? 0
    var comparedAny = false
    defer {
      if comparedAny { Swift.print("(= : the fingerprint now equals the one Figures/repro.lock records; digests shortened)") }
    }
    for result in report.results {
      let name = result.experiment.target.padding(toLength: width + 2, withPad: " ", startingAt: 0)
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
        if why, let entry = lock?.targets[result.experiment.target] {
          fingerprints(entry).forEach { Swift.print("    = \($0)") }
          comparedAny = true
        }
      }
    }
  }

  /// The lock entry's fingerprints, one line per cause, digests shortened to 12 hex digits
  /// (the lock file has them in full).
  static func fingerprints(_ entry: LockEntry) -> [String] {
    func short(_ digest: String) -> String { String(digest.prefix(12)) }
    var lines = entry.inputs.data.sorted { $0.key < $1.key }.map { "data \($0.key): \(short($0.value))" }
    lines.append("parameters: \(short(entry.inputs.parameters)) (\(entry.parameters.count) values)")
    lines.append("code: \(short(entry.inputs.code)) (\(entry.code.files.count) source files, \(entry.code.packages.count) package pins)")
    if let gnuplot = entry.inputs.gnuplot { lines.append("gnuplot: \(gnuplot)") }
    lines += entry.inputs.upstream.sorted { $0.key < $1.key }.map { "upstream \($0.key): \(short($0.value))" }
    lines.append("outputs: \(short(entry.outputDigest)) (\(entry.outputs.count) files)")
    return lines
  }

  static func orderedCauses(_ reasons: [StaleReason]) -> [String] {
    var seen = Set<String>()
    return reasons.map(\.cause).filter { seen.insert($0).inserted }
  }
}
