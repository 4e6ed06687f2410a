import ArgumentParser
import Foundation
import MiniReplication
import ReproDriver
import ResultsStore
import Sweep

/// The Slurm path of the miniature grid: `mini train --slurm` submits, `mini status` follows,
/// `mini collect` verifies and installs (docs/cluster.md, "The miniature grid on a cluster").
///
/// Each is a thin layer over ``GridSweep`` and the generic sweep driver, so a cell trained on the
/// cluster is installed exactly as a local one is, and every step can be repeated.
enum MiniCluster {
  /// Installs what the cluster has finished, then submits the chosen cells that are still not
  /// trained for their current inputs (never one queued or running).
  static func submit(_ chosen: [MiniCell], training: CellTraining, flags: SlurmFlags) throws {
    let sweep = GridSweep(training: training, python: PythonTrainer.interpreter(layout: training.layout))
    let stale = try sweep.stale(chosen)
    guard !stale.isEmpty else {
      print("every chosen cell is trained for its current inputs: nothing to submit")
      return
    }
    // The interpreter the array tasks run must have the pinned torch before anything is queued.
    if !flags.dryRun { _ = try PythonTrainer(layout: training.layout) }
    let previous = GridSweep.following(training)
    if previous.python != sweep.python {
      print("note: the trainer is now \(sweep.python.path), not \(previous.python.path): cells are resubmitted with it")
    }
    let driver = try sweep.driver(of: stale)
    let outcome = try driver.submit(flags.options, dryRun: flags.dryRun)
    switch outcome {
    case .submitted, .written: try sweep.recordInterpreter()
    case .dryRun, .nothingToDo: break
    }
    if !flags.dryRun { report(installed: try sweep.installComplete(stale, status: try driver.status())) }
    let grid = training.grid.name
    SweepCommand.report(outcome, status: "repro mini status --grid \(grid)", collect: "repro mini collect --grid \(grid)")
  }

  static func report(installed: [MiniCell]) {
    guard !installed.isEmpty else { return }
    print("installed \(installed.count) cell(s) trained on the cluster into paper-artifacts/mini/cells/: "
      + installed.map(\.name).joined(separator: ", "))
  }

  /// One line per cell: trained (installed for its current inputs), or where it stands in the
  /// sweep — then the sweep's counts.
  static func show(_ grid: MiniGrid, trained: [MiniCell], status: SweepStatus) {
    let width = grid.cells.map(\.name.count).max() ?? 0
    for cell in trained {
      print(cell.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + "trained   installed for its current inputs")
    }
    for (name, state) in status.cells where state == .complete {
      print(name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + "complete  in the sweep's cache; `repro mini collect` installs it")
    }
    guard !status.cells.isEmpty else {
      print("every cell of grid '\(grid.name)' is trained for its current inputs")
      return
    }
    SweepCommand.show(status)
  }
}

/// `repro mini status`: where each cell of a grid stands, locally and on the cluster.
struct MiniStatus: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: "Say where each cell of a grid stands: trained, or queued, running, landed, failed (with its log) or missing.",
    discussion: "Asks squeue (and sacct, when accounting is on) about cells submitted with `mini train --slurm`.")

  @Option(help: "The grid (\(MiniGrid.all.map(\.name).joined(separator: ", "))).")
  var grid = MiniGrid.smoke.name

  func run() throws {
    let grid = try MiniGrid.resolve(grid)
    let layout = MiniLayout(root: try ProjectLayout.locate().root)
    let sweep = GridSweep.following(CellTraining(layout: layout, grid: grid))
    let stale = try sweep.stale(grid.cells)
    let trained = grid.cells.filter { !stale.contains($0) }
    let status = stale.isEmpty ? SweepStatus(cells: []) : try sweep.driver(of: stale).status()
    MiniCluster.show(grid, trained: trained, status: status)
  }
}

/// `repro mini collect`: verify what the array produced and install it.
struct MiniCollect: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "collect",
    abstract: "Verify the cells a Slurm array trained and install them into paper-artifacts/mini/cells/ (exit 1 if any failed).",
    discussion: """
      A result is installed only if every file is there, the checkpoint's SHA-256 is its record's and the \
      checkpoint loads in the Swift engine as its cell; a rejected one is kept under .sweep/rejected/ with the \
      reason, and the next `mini train --slurm` resubmits it. Repeatable: it only does what is left.
      """)

  @Option(help: "The grid (\(MiniGrid.all.map(\.name).joined(separator: ", "))).")
  var grid = MiniGrid.smoke.name

  @Option(help: "First wait up to this many seconds (1…604800) for the grid's queued and running tasks to end.")
  var wait: Int?

  func validate() throws {
    if let wait, !(1...604_800).contains(wait) { throw ValidationError("--wait must be 1…604800 seconds") }
  }

  func run() throws {
    let grid = try MiniGrid.resolve(grid)
    let layout = MiniLayout(root: try ProjectLayout.locate().root)
    let sweep = GridSweep.following(CellTraining(layout: layout, grid: grid))
    let lock = try miniLock(layout)
    defer { withExtendedLifetime(lock) {} }
    let stale = try sweep.stale(grid.cells)
    guard !stale.isEmpty else {
      print("every cell of grid '\(grid.name)' is trained for its current inputs: nothing to collect")
      return
    }
    let driver = try sweep.driver(of: stale)
    if let wait, try !driver.waitForArrays(timeout: .seconds(wait)) {
      print("still running after \(wait) s; collecting what has finished")
    }
    let report = try driver.collect()
    for (cell, reason) in report.rejected { print("rejected \(cell): \(reason)") }
    let installed = try sweep.installComplete(stale, status: report.status)
    MiniCluster.report(installed: installed)
    MiniCluster.show(grid, trained: [], status: SweepStatus(cells: report.status.cells.filter { cell in !installed.contains { $0.name == cell.name } }))
    if !report.rejected.isEmpty || !report.status.cells(labelled: "failed").isEmpty { throw ExitCode.failure }
  }
}
