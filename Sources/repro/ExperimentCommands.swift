import ArgumentParser
import Foundation
import MiniReplication
import MiniVLM
import ReproDriver
import ResultsStore
import ExperimentRegistry

/// `repro all`: bring every figure and table up to date.
struct All: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Regenerate every stale figure and table (staleness by content; see `repro status --why`).")

  @OptionGroup var options: RunFlags

  func run() throws {
    try DriverCommand.run(targets: [], options)
  }
}

/// `repro figure <id>…`: bring the named figures or tables (and what they read) up to date.
struct FigureCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "figure",
    abstract: "Regenerate the named figures or tables if stale (e.g. 1, figure1, table1), with their stale upstreams.")

  @Argument(help: "Experiment ids or names (see `repro list`).")
  var ids: [String]

  @OptionGroup var options: RunFlags

  @Option(help: "Draw the scaling-law figures (1, 2, 3a, 3b, 4) for another grid of the database, e.g. one `repro ingest --new-suite` declared: a one-off into Figures/suites/<suite>/, outside the lock.")
  var suite: String?

  func validate() throws {
    if suite != nil, options.force || options.dryRun {
      throw ValidationError("--suite draws once and always: --force and --dry-run do not apply")
    }
  }

  func run() throws {
    guard let suite else {
      return try DriverCommand.run(targets: ids, options, listOutputs: true)
    }
    let layout = try ProjectLayout.locate()
    let experiments = try ids.map { id -> Experiment in
      guard let experiment = Experiment.named(id) else {
        throw ValidationError("no experiment '\(id)'; see repro list")
      }
      // A one-off runs an executable's own registration on another suite; a registration that is
      // itself another suite's (mini-1) would be drawn with the paper's settings instead.
      guard experiment.target == experiment.executable else {
        throw ValidationError("'\(id)' is \(experiment.executable) registered for its own suite; "
          + "draw another suite from the paper's registration: repro figure \(experiment.executable) --suite \(suite)")
      }
      return experiment
    }
    // One-offs write Figures/, shared state: they hold the driver's lock, as a run does.
    try StoreWriting.run(layout, noWait: options.noWait) {
      for experiment in experiments {
        let process = Process()
        process.executableURL = DriverCommand.binDirectory.appendingPathComponent(experiment.executable)
        process.arguments = ["--root", layout.root.path, "--suite", suite]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
          throw ExitCode(process.terminationStatus)
        }
        let folder = "Figures/suites/\(suite)/\(experiment.executable)"
        let files = (try? FileManager.default.contentsOfDirectory(atPath: layout.root.appendingPathComponent(folder).path)) ?? []
        print("\(experiment.executable) for \(suite): \(folder)/ (" + files.sorted().joined(separator: ", ") + ")")
      }
    }
  }
}

/// `repro list`: the registered experiments.
struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "list", abstract: "List the experiments: id, target, title.")

  func run() throws {
    for experiment in try TargetGraph(Experiment.all).experiments {
      print("\(experiment.id)\t\(experiment.target)\t\(experiment.title)")
    }
  }
}

/// Flags shared by the commands that run targets.
struct RunFlags: ParsableArguments {
  /// More would only queue on the machine: one target is one process, and there are 8 targets.
  static let jobRange = 1...64

  // Optional, so ArgumentParser does not append this machine's core count as "(default: 2)"
  // after the help's own default; ``jobCount`` resolves it.
  @Option(name: .shortAndLong, help: "How many targets run at once, \(rangeText(jobRange)) (default: the number of cores).")
  var jobs: Int?

  /// `--jobs`, or the number of cores.
  var jobCount: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }

  @Flag(help: "Rerun the named targets (all for `repro all`) even if they are up to date.")
  var force = false

  @Flag(help: "Only say what would run and why.")
  var dryRun = false

  @Flag(help: "If another repro is running, stop at once instead of waiting for it.")
  var noWait = false

  func validate() throws {
    if let jobs { try check("--jobs", jobs, in: Self.jobRange) }
  }
}

/// Running the driver from the command line: find the project and the build, forward Ctrl-C,
/// show progress, sum up, and exit non-zero if anything failed.
enum DriverCommand {
  /// The driver over the registered experiments, run from the executables built beside `repro`.
  static func driver() throws -> Driver {
    try Driver.standard(layout: try ProjectLayout.locate(), binDirectory: binDirectory, seedRefresh: refreshMiniResults)
  }

  /// The miniature replication's seed files, refreshed from the committed checkpoints (only new
  /// or changed checkpoints are evaluated; see ``MiniResults``).
  static let refreshMiniResults: Driver.SeedRefresh = { layout, selections, progress in
    let suites = MiniSuite.all.filter { selections.contains(.results(suite: $0.id)) }
    guard !suites.isEmpty else { return }
    let results = MiniResults(
      layout: MiniLayout(root: layout.root), seedDirectory: layout.seedDirectory,
      threads: min(ProcessInfo.processInfo.activeProcessorCount, MiniVLM.threadRange.upperBound))
    for outcome in try results.refresh(suites, progress: { progress.report(.refreshedSeeds("  \($0)")) }) where outcome.rewritten {
      progress.report(.refreshedSeeds(
        "\(outcome.suite): \(outcome.rows) trained cells in paper-artifacts/mini/results/\(outcome.suite).csv "
          + "(\(outcome.evaluated.count) evaluated by the engine)"))
    }
  }

  /// The folder this `repro` executable is in, where `swift build` put the experiments too.
  static var binDirectory: URL {
    (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0]))
      .resolvingSymlinksInPath().deletingLastPathComponent()
  }

  /// Runs `targets` (all when empty); with `listOutputs`, then prints the output files of each
  /// named target that ends up to date, so `repro figure 2` says where figure 2 is.
  static func run(targets: [String], _ flags: RunFlags, listOutputs: Bool = false) throws {
    let driver = try driver()
    let options = RunOptions(targets: targets, jobs: flags.jobCount, force: flags.force, dryRun: flags.dryRun, waitForLock: !flags.noWait)
    let control = RunControl()
    let freshCheckout = !FileManager.default.fileExists(
      atPath: driver.layout.figuresDirectory.appendingPathComponent(RunLock.fileName).path)
    let clock = ContinuousClock()
    let start = clock.now
    let report = try SignalForwarding.forwarding(to: control) {
      try driver.run(options, control: control, progress: TerminalProgress())
    }
    let elapsed = clock.now - start
    if flags.dryRun {
      StatusCommand.print(report, why: true)
    } else {
      print(summary(report, seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18))
      if freshCheckout && !flags.force && report.results.allSatisfy({ $0.outcome == .upToDate }) {
        print(firstRunNote(targets: report.results.count))
      }
      if listOutputs { print(try outputs(of: targets, driver: driver, report: report), terminator: "") }
    }
    if let signal = report.interruptedBy { throw ExitCode(128 + signal) }
    if !report.succeeded { throw ExitCode.failure }
  }

  /// `figure1: Figures/figure1/figure1.png …`: the files in the output folder of each named
  /// target that is up to date or was rebuilt, as paths from the project root.
  static func outputs(of names: [String], driver: Driver, report: RunReport) throws -> String {
    var lines: [String] = []
    var seen = Set<String>()
    for name in names {
      let experiment = try driver.graph.experiment(named: name)
      guard seen.insert(experiment.target).inserted else { continue }
      switch report.outcome(of: experiment.target) {
      case .upToDate?, .built?: break
      default: continue
      }
      let folder = driver.outputDirectory(of: experiment)
      let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
      let relative = "Figures/\(experiment.outputFolder)/"
      lines.append("\(experiment.target) outputs (\(relative)):")
      lines += files.map { "  " + relative + $0 }
    }
    return lines.map { $0 + "\n" }.joined()
  }

  /// Why a fresh clone's first run does nothing, and how to see the work done anyway.
  static func firstRunNote(targets: Int) -> String {
    """
    The committed outputs in Figures/ already match their inputs (data rows, parameters, source code, gnuplot \
    version), as Figures/repro.lock records them, so nothing needed to run. To regenerate them anyway: \
    ./repro all --force (all \(targets) targets, about 3–5 s on 2 cores after the build); \
    ./repro status --why says what each target depends on.
    """
  }

  /// One line: what was done, e.g. `rebuilt 2 (figure1, table1), 3 up to date, 1 failed (figure2) in 4.1 s`.
  static func summary(_ report: RunReport, seconds: Double) -> String {
    func names(_ match: (TargetOutcome) -> Bool) -> [String] {
      report.results.filter { match($0.outcome) }.map(\.experiment.target)
    }
    let built = names { if case .built = $0 { true } else { false } }
    let upToDate = names { $0 == .upToDate }
    let failed = names { if case .failed = $0 { true } else { false } }
    let skipped = names { if case .skipped = $0 { true } else { false } }
    let interrupted = names { $0 == .interrupted }
    let time = String(format: "%.2f s", seconds)
    if built.isEmpty && failed.isEmpty && skipped.isEmpty && interrupted.isEmpty {
      return "nothing to do: \(upToDate.count) target\(upToDate.count == 1 ? "" : "s") up to date (\(time))"
    }
    var parts: [String] = []
    if !built.isEmpty { parts.append("rebuilt \(built.count) (\(built.joined(separator: ", ")))") }
    if !upToDate.isEmpty { parts.append("\(upToDate.count) up to date") }
    if !failed.isEmpty { parts.append("\(failed.count) failed (\(failed.joined(separator: ", ")))") }
    if !skipped.isEmpty { parts.append("\(skipped.count) skipped after a failure (\(skipped.joined(separator: ", ")))") }
    if !interrupted.isEmpty { parts.append("\(interrupted.count) interrupted (\(interrupted.joined(separator: ", ")); previous outputs kept)") }
    return parts.joined(separator: ", ") + " in \(time)"
  }
}
