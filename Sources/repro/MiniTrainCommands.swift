import ArgumentParser
import Foundation
import MiniReplication
import ReproDriver
import ResultsStore
import Sweep

/// `repro mini setup`: the trainer's virtualenv, with the pinned, CPU-only torch.
struct MiniSetup: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "setup",
    abstract: "Create Training/.venv with the trainer's pinned requirements (torch==2.13.0, CPU only).",
    discussion: "Only training needs it; `./repro all` and `./repro test` never do.")

  func run() throws {
    let layout = MiniLayout(root: try ProjectLayout.locate().root)
    let venv = layout.trainingDirectory.appendingPathComponent(".venv").path
    let requirements = layout.trainingDirectory.appendingPathComponent("requirements.txt").path
    for step in [["python3", "-m", "venv", venv], ["\(venv)/bin/pip", "install", "--quiet", "-r", requirements]] {
      print("$ " + step.joined(separator: " "))
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = step
      try process.run()
      process.waitUntilExit()
      guard process.terminationStatus == 0 else { throw ValidationError("`\(step.joined(separator: " "))` failed") }
    }
    let trainer = try PythonTrainer(layout: layout, environment: [:])
    print("ready: \(trainer.python.path) with torch \(trainer.torchVersion)")
  }
}

/// `repro mini pretrain-vision`: the shared frozen tower.
struct MiniPretrainVision: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pretrain-vision",
    abstract: "Pretrain the one frozen vision tower every miniature model shares (needs the trainer).")

  func run() throws {
    let layout = MiniLayout(root: try ProjectLayout.locate().root)
    let trainer = try PythonTrainer(layout: layout)
    let (seconds, log) = try VisionTowerTraining(layout: layout).train(with: trainer)
    print("vision tower: \(layout.visionTower.path) (\(String(format: "%.0f", seconds)) s; log \(log))")
  }
}

/// `repro mini cells`: a grid's cells and whether each is up to date.
struct MiniCells: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cells", abstract: "List a grid's cells with N, V and whether each is trained and up to date.")

  @Option(help: "The grid (\(MiniGrid.all.map(\.name).joined(separator: ", "))).")
  var grid = MiniGrid.smoke.name

  @Flag(help: "Print the trained cells' records as a Markdown table (the README's table of the grid).")
  var markdown = false

  @Flag(help: "Print the seed noise of the grid's configurations trained with several seeds (any grid) as a Markdown table.")
  var seeds = false

  func run() throws {
    let grid = try MiniGrid.resolve(grid)
    let layout = MiniLayout(root: try ProjectLayout.locate().root)
    if seeds { return print(try CellTable.seedSpread(grid, layout: layout), terminator: "") }
    if markdown { return print(try CellTable.markdown(grid, layout: layout), terminator: "") }
    let training = CellTraining(layout: layout, grid: grid)
    for cell in grid.cells {
      print("\(cell.name)  N=\(cell.language.nonEmbeddingParameters)  V=\(cell.visualTokens)  \(training.state(cell))")
    }
  }
}

/// `repro mini train`: train cells with the PyTorch trainer; only stale cells run.
struct MiniTrain: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "train",
    abstract: "Train miniature cells (only those whose inputs changed) and install their checkpoints.",
    discussion: """
      Needs `./repro mini data` and `./repro mini pretrain-vision` first, and the trainer \
      (`./repro mini setup`). Never part of `./repro all` or the tests.
      """)

  @Argument(help: "Cells to train (names from `./repro mini cells`); none with --all.")
  var cells: [String] = []

  @Flag(help: "Train every stale cell of the grid.")
  var all = false

  @Option(help: "The grid (\(MiniGrid.all.map(\.name).joined(separator: ", "))).")
  var grid = MiniGrid.smoke.name

  @Option(name: .shortAndLong, help: "Trainer processes at once, each single-threaded (1…64; default 2).")
  var jobs: Int?

  @Flag(help: "Retrain even cells that are up to date.")
  var force = false

  @Flag(help: "Train on a Slurm cluster: submit the stale cells as one job array (see docs/cluster.md).")
  var slurm = false

  @OptionGroup(title: "Slurm options (with --slurm)")
  var cluster: SlurmFlags

  func validate() throws {
    if let jobs, !(1...64).contains(jobs) { throw ValidationError("--jobs must be in 1…64 (got \(jobs))") }
    guard all != !cells.isEmpty else { throw ValidationError("name cells to train, or pass --all (not both)") }
    if slurm {
      if jobs != nil { throw ValidationError("--jobs is for local training; with --slurm, limit the cells running at once with --max-running") }
      if force { throw ValidationError("--force is for local training; --slurm submits the cells that are not trained for their current inputs") }
    } else if cluster.options != SlurmOptions() || cluster.dryRun {
      throw ValidationError("--partition, --time, --cpus-per-task, --mem, --max-running and --dry-run go with --slurm")
    }
  }

  func run() throws {
    let grid = try MiniGrid.resolve(grid)
    let layout = MiniLayout(root: try ProjectLayout.locate().root)
    let training = CellTraining(layout: layout, grid: grid)
    let chosen = try grid.choose(all ? nil : cells)
    let lock = try miniLock(layout)
    defer { withExtendedLifetime(lock) {} }
    if slurm {
      try MiniCluster.submit(chosen, training: training, flags: cluster)
      return
    }
    let jobs = jobs ?? 2
    var stale: [MiniCell] = []
    for cell in chosen {
      if force { stale.append(cell); continue }
      if let reason = try training.staleness(cell) {
        emit("\(cell.name): \(reason)")
        stale.append(cell)
      }
    }
    guard !stale.isEmpty else {
      print("every chosen cell is up to date (--force retrains)")
      return
    }
    let trainer = try PythonTrainer(layout: layout)
    emit("training \(stale.count) cell(s), \(min(jobs, stale.count)) at a time, torch \(trainer.torchVersion)")
    let failures = GridRun.train(stale, jobs: jobs, training: training, trainer: trainer) { event in
      switch event {
      case .finished(let outcome, let done, let total, let left):
        emit(String(format: "[%d/%d] %@: eval accuracy %.4f in %.0f s; about %.0f s left",
                     done, total, outcome.cell.name, outcome.evalAccuracy, outcome.seconds, left))
      case .failed(let cell, let message, let done, let total):
        emit("[\(done)/\(total)] \(cell.name) FAILED: \(message)")
      }
    }
    guard failures.isEmpty else {
      throw ValidationError("\(failures.count) cell(s) failed: \(failures.map(\.name).joined(separator: ", "))")
    }
  }
}

extension MiniGrid {
  /// The cells called `names`, in that order, or every cell when `names` is nil.
  func choose(_ names: [String]?) throws -> [MiniCell] {
    guard let names else { return cells }
    return try names.map { name in
      guard let cell = cell(named: name) else { throw MiniReplicationError.unknownCell(name, grid: self.name) }
      return cell
    }
  }
}

/// The lock of every command that writes trained cells (`.mini-work/.repro-run.lock`): a local
/// `mini train`, a submission and a collection wait for each other rather than writing the same
/// work folders and `paper-artifacts/mini/cells/` at once.
func miniLock(_ layout: MiniLayout) throws -> RunLock {
  try RunLock(in: layout.workDirectory, wait: true) { holder in
    emit("waiting for another `repro mini` command that trains or installs cells (\(holder))")
  }
}

/// One progress line, written unbuffered so that a pipe or a log sees it as each cell finishes.
func emit(_ line: String) {
  FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
