import ArgumentParser
import Foundation
import ReproDriver
import Sweep

/// `repro sweep submit | status | collect | run SWEEP.json`: a grid of cells run as a Slurm job
/// array or as local processes, its results verified and collected into a cell cache.
///
/// The flags (``SlurmFlags``) and the printers (`report`, `show`, `runLocally`) are shared with
/// any command that runs a sweep it builds itself (the miniature grid's).
struct SweepCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sweep",
    abstract: "Run a sweep of cells (defined in a JSON file) as a Slurm job array or locally; collect verified results.",
    discussion: """
      A sweep file names cells, one command template ({cell}, {out}, {config}, {PARAMETER}) and the files \
      each cell must write (see docs/cluster.md). `submit` writes a job array for the cells that are missing \
      or failed and hands it to sbatch (or prints the command when sbatch is absent); `status` says where each \
      cell stands; `collect` verifies finished cells and moves them into the cell cache; `run` computes the \
      same cells with local processes. Every step can be repeated: it only does what is left.
      """,
    subcommands: [Submit.self, Status.self, Collect.self, Run.self])

  /// The sweep file argument every subcommand takes.
  struct File: ParsableArguments {
    @Argument(help: "The sweep definition (JSON); its relative paths are relative to its folder.")
    var sweep: String

    func driver() throws -> SweepDriver {
      try SweepDriver.load(URL(fileURLWithPath: sweep))
    }
  }

  struct Submit: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write a job array for the missing or failed cells and submit it with sbatch (collects first).")

    @OptionGroup var file: File
    @OptionGroup var slurm: SlurmFlags

    func run() throws {
      let outcome = try file.driver().submit(slurm.options, dryRun: slurm.dryRun)
      SweepCommand.report(outcome, status: "repro sweep status \(file.sweep)", collect: "repro sweep collect \(file.sweep)")
    }
  }

  struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Say where each cell stands: complete, landed, queued, running, failed (with its log) or missing.")

    @OptionGroup var file: File

    func run() throws {
      SweepCommand.show(try file.driver().status())
    }
  }

  struct Collect: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Verify finished cells and move them into the cell cache; report failed and missing cells (exit 1 if any failed).")

    @OptionGroup var file: File

    @Option(help: "First wait up to this many seconds (1…604800) for the sweep's queued and running tasks to end.")
    var wait: Int?

    func validate() throws {
      if let wait, !(1...604_800).contains(wait) { throw ValidationError("--wait must be 1…604800 seconds") }
    }

    func run() throws {
      try SweepCommand.collect(try file.driver(), waitSeconds: wait)
    }
  }

  struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Compute the missing or failed cells as local processes, the same command an array task runs.")

    @OptionGroup var file: File

    // Optional so the help does not end "(default: the number of cores). (default: 2)".
    @Option(name: .shortAndLong, help: "How many cells run at once, 1…256 (default: the number of cores).")
    var jobs: Int?

    func validate() throws {
      if let jobs, !SweepDriver.localJobsRange.contains(jobs) { throw ValidationError("--jobs must be 1…256") }
    }

    func run() throws {
      try SweepCommand.runLocally(try file.driver(), jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
    }
  }

  // MARK: Shared with commands that build their own sweep

  /// Prints what `submit` did; `status` and `collect` are the commands that follow it up.
  static func report(_ outcome: SubmitOutcome, status: String, collect: String) {
    func cells(_ script: SlurmArrayScript) -> String {
      "\(script.cells.count) cell\(script.cells.count == 1 ? "" : "s"): \(script.cells.joined(separator: ", "))"
    }
    switch outcome {
    case .nothingToDo(let status):
      print("nothing to submit: \(status.summary)")
    case .dryRun(let script, let url, let command):
      print("would write \(url.path) (\(cells(script))):\n")
      print(script.text)
      print("with the cell list \(url.deletingLastPathComponent().appendingPathComponent("cells.txt").path):")
      print(script.cellList)
      print("and submit it with:\n  \(command)")
    case .written(let script, let url, let command):
      print("sbatch is not on PATH: wrote \(url.path) (\(cells(script))). Submit it with:\n  \(command)")
      print("then follow it with `\(status)` and bring it back with `\(collect)`.")
    case .submitted(let script, let url, let jobID):
      print("submitted job array \(jobID) (\(cells(script))): \(url.path)")
      print("logs: \(url.deletingLastPathComponent().appendingPathComponent("logs").path)/\(jobID)_<task>.out")
      print("follow it with `\(status)`; bring it back with `\(collect)`.")
    }
  }

  /// Collects (after waiting up to `waitSeconds` for the arrays, if given) and prints the
  /// outcome; exit status 1 if a cell failed or was rejected.
  static func collect(_ driver: SweepDriver, waitSeconds: Int?) throws {
    if let waitSeconds, try !driver.waitForArrays(timeout: .seconds(waitSeconds)) {
      print("still running after \(waitSeconds) s; collecting what has finished")
    }
    let report = try driver.collect()
    if !report.collected.isEmpty { print("collected \(report.collected.count): \(report.collected.joined(separator: ", "))") }
    for (cell, reason) in report.rejected { print("rejected \(cell): \(reason)") }
    show(report.status)
    if !report.rejected.isEmpty || !report.status.cells(labelled: "failed").isEmpty { throw ExitCode.failure }
  }

  /// Runs the missing or failed cells locally with Ctrl-C forwarded, one line per cell as it
  /// ends; exit status 1 if one failed, 128 + signal if interrupted.
  static func runLocally(_ driver: SweepDriver, jobs: Int) throws {
    let control = RunControl()
    let clock = ContinuousClock()
    let start = clock.now
    let report = try SignalForwarding.forwarding(to: control) {
      try driver.runLocally(jobs: jobs, control: control) { result in
        switch result.outcome {
        case .built(let seconds): print(String(format: "built %@ (%.1f s)", result.cell, seconds))
        case .failed(let reason, let log): print("FAILED \(result.cell): \(reason) (log: \(log.path))")
        case .interrupted: print("interrupted \(result.cell)")
        }
      }
    }
    let elapsed = (clock.now - start).components
    print(String(format: "%@ in %.2f s", report.status.summary, Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18))
    if let signal = report.interruptedBy { throw ExitCode(128 + signal) }
    if !report.failed.isEmpty { throw ExitCode.failure }
  }

  /// One line per cell that is not complete (state, then what is known: task, reason, log), then counts.
  static func show(_ status: SweepStatus) {
    let width = status.cells.map(\.name.count).max() ?? 0
    for (name, state) in status.cells where state != .complete {
      let cell = name.padding(toLength: width + 2, withPad: " ", startingAt: 0)
      let detail: String =
        switch state {
        case .complete: ""
        case .landed: "finished; `collect` verifies it and moves it into the cache"
        case .inFlight(let task, let slurmState, let log): "task \(task) \(slurmState); log: \(log.path)"
        case .failed(let task, let reason, let log):
          (task.map { "task \($0): " } ?? "") + reason
            + (FileManager.default.fileExists(atPath: log.path) ? "; log: \(log.path)" : "; no log (the task never started)")
        case .submitted(let task, let log): (task.map { "task \($0); " } ?? "") + "cannot ask squeue here; log: \(log.path)"
        case .missing(let reason): reason
        }
      print(cell + state.label.padding(toLength: 10, withPad: " ", startingAt: 0) + detail)
    }
    print(status.summary)
  }
}

/// The Slurm options of a command that submits a sweep; each checked before anything is written.
struct SlurmFlags: ParsableArguments {
  @Option(help: "Slurm partition (default: the sweep's, else the cluster's default).")
  var partition: String?

  @Option(help: "Time limit per cell: minutes, M:S, H:M:S, D-H, D-H:M or D-H:M:S.")
  var time: String?

  @Option(help: "CPUs per cell, 1…1024.")
  var cpusPerTask: Int?

  @Option(help: "Memory per cell, e.g. 4G (units K, M, G, T; default M).")
  var mem: String?

  @Option(help: "At most this many cells run at once, 1…1000.")
  var maxRunning: Int?

  @Flag(help: "Show the script and the command; write and submit nothing.")
  var dryRun = false

  var options: SlurmOptions {
    SlurmOptions(partition: partition, time: time, cpusPerTask: cpusPerTask, mem: mem, maxRunning: maxRunning)
  }

  func validate() throws {
    do { try options.validate() } catch { throw ValidationError("\(error)") }
  }
}
