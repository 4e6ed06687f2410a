import ArgumentParser
import Foundation
import ReproDriver
import ResultsStore

/// `repro bench driver`: how long `repro all` takes when nothing is stale, against a run that
/// does all the work, both in the same process on a scratch copy of the project.
struct BenchDriver: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "driver",
    abstract: "Time a no-op `repro all` (target < 1 s) against a forced run of every target, on a scratch copy of the project.")

  @Option(help: "Timed no-op runs (the median is reported).")
  var repeats: Int = 5

  // Optional so the help does not end "(default: the number of cores). (default: 2)".
  @Option(name: [.customShort("j"), .customLong("jobs")], help: "Targets run at once in the forced run (default: the number of cores).")
  var jobOption: Int?

  var jobs: Int { jobOption ?? ProcessInfo.processInfo.activeProcessorCount }

  @Flag(help: "Print JSON.")
  var json = false

  struct Report: Encodable {
    var targets: Int
    var jobs: Int
    var forcedSeconds: Double
    var noOpSeconds: Double
    var forcedOverNoOp: Double
  }

  func run() throws {
    let scratch = try Self.copyInputs(of: try ProjectLayout.locate())
    defer { try? FileManager.default.removeItem(at: scratch.root) }
    let driver = try Driver.standard(layout: scratch, binDirectory: DriverCommand.binDirectory)
    let (forced, forcedSeconds) = try Self.forcedRun(driver, jobs: jobs)
    let noOpSeconds = try BenchFit.median(repeats) {
      let report = try driver.run(RunOptions(jobs: jobs))
      guard report.results.allSatisfy({ $0.outcome == .upToDate }) else {
        throw Failure(description: "a run right after the forced one was not a no-op: \(DriverCommand.summary(report, seconds: 0))")
      }
    }
    let report = Report(
      targets: forced.results.count, jobs: jobs, forcedSeconds: forcedSeconds, noOpSeconds: noOpSeconds,
      forcedOverNoOp: forcedSeconds / noOpSeconds)
    if json {
      try printJSON(report)
      return
    }
    print("forced run, every target rebuilt (\(report.targets) targets, -j \(jobs)): \(BenchFit.ms(forcedSeconds))")
    print("no-op run, nothing stale:                  \(BenchFit.ms(noOpSeconds)) (median of \(repeats); target < 1000 ms)")
    print("forced / no-op = \(String(format: "%.0f", report.forcedOverNoOp))×")
  }

  /// Every target rebuilt (`repro all --force`) by `driver`, and the seconds it took; a failed
  /// target is an error with its log.
  static func forcedRun(_ driver: Driver, jobs: Int) throws -> (report: RunReport, seconds: Double) {
    var forced: RunReport?
    let seconds = try BenchFit.median(1) { forced = try driver.run(RunOptions(jobs: jobs, force: true)) }
    guard let forced, forced.succeeded else {
      let failures = forced?.results.compactMap { result -> String? in
        guard case .failed(_, let failure) = result.outcome else { return nil }
        return "\(result.experiment.executable): \(failure.message)\n\(failure.log)"
      } ?? []
      throw Failure(description: "the forced run failed\n" + failures.joined(separator: "\n"))
    }
    return (forced, seconds)
  }

  /// `repro all --force` on a scratch copy of the project (the real outputs untouched), with
  /// every core: the figure issue 13 asks of a run after the build. One sample, with the page
  /// cache warm and the hidden caches (weights, measurements) linked, not rebuilt.
  static func coldForcedRun() throws -> (targets: Int, seconds: Double) {
    let scratch = try copyInputs(of: try ProjectLayout.locate())
    defer { try? FileManager.default.removeItem(at: scratch.root) }
    let driver = try Driver.standard(layout: scratch, binDirectory: DriverCommand.binDirectory)
    let (report, seconds) = try forcedRun(driver, jobs: ProcessInfo.processInfo.activeProcessorCount)
    return (report.results.count, seconds)
  }

  /// A scratch project: a copy of `paper-artifacts/` (whose database a run may rebuild; hidden
  /// caches linked, not copied), links to the project's other files (some experiments read
  /// sources), and no `Figures/`, so the forced run builds everything and the real outputs are
  /// untouched.
  static func copyInputs(of layout: ProjectLayout) throws -> ProjectLayout {
    let files = FileManager.default
    let root = files.temporaryDirectory.appendingPathComponent("repro-bench-\(UUID().uuidString)")
    let scratch = ProjectLayout(root: root)
    try files.createDirectory(at: scratch.seedDirectory, withIntermediateDirectories: true)
    for name in try files.contentsOfDirectory(atPath: layout.seedDirectory.path) {
      let source = layout.seedDirectory.appendingPathComponent(name)
      let destination = scratch.seedDirectory.appendingPathComponent(name)
      if name.hasPrefix(".") {
        try files.createSymbolicLink(at: destination, withDestinationURL: source)
      } else {
        try files.copyItem(at: source, to: destination)
      }
    }
    let copied = [layout.seedDirectory.lastPathComponent, layout.figuresDirectory.lastPathComponent]
    for name in try files.contentsOfDirectory(atPath: layout.root.path) where !name.hasPrefix(".") && !copied.contains(name) {
      try files.createSymbolicLink(at: root.appendingPathComponent(name), withDestinationURL: layout.root.appendingPathComponent(name))
    }
    return scratch
  }

  /// Why the benchmark could not measure.
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }
}
