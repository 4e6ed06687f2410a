import AtomicFiles
import Foundation
import MiniVLM
import ReproDriver
import Sweep

/// A grid's cells as a sweep (docs/cluster.md): how `repro mini train --slurm` hands cells to a
/// Slurm job array and `repro mini collect` takes them back into `paper-artifacts/mini/cells/`.
///
/// An array task runs exactly what local training runs — `python -m minivlm.train --config
/// {config} --out {out}` in `Training/`, one thread, the same environment — with the config's
/// data paths absolute, since the config file sits in the array's folder on the cluster's
/// shared file system. Each cell's inputs fingerprint (config, data, vision tower, training
/// code: ``CellTraining/inputsFingerprint(_:)``) is one of its sweep parameters, so a result
/// trained from older inputs is stale in the sweep's cache as well, and the fingerprint a
/// collected cell is installed with is the one it was trained from. Before a result enters the
/// cache it is verified: every output present, the checkpoint's SHA-256 equal to its record's,
/// and the checkpoint loading in the Swift engine as this cell.
public struct GridSweep: Sendable {
  public let training: CellTraining
  /// The interpreter every array task runs (an absolute path the cluster's nodes share).
  public let python: URL

  public init(training: CellTraining, python: URL) {
    self.training = training
    self.python = python
  }

  /// The sweep as the last submission made it: with the interpreter that submission's tasks
  /// run (recorded beside the cache), else the one a submission would use now. `status` and
  /// `collect` follow a submission with this one, so they need not be given the same
  /// `REPRO_PYTHON` as the `mini train --slurm` that submitted.
  public static func following(_ training: CellTraining, environment: [String: String] = ProcessInfo.processInfo.environment) -> GridSweep {
    let current = GridSweep(training: training, python: PythonTrainer.interpreter(layout: training.layout, environment: environment))
    guard let recorded = try? String(contentsOf: current.interpreterRecord, encoding: .utf8),
      !recorded.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    else { return current }
    return GridSweep(training: training, python: URL(fileURLWithPath: recorded.trimmingCharacters(in: .whitespacesAndNewlines)))
  }

  /// `interpreter.txt` in the sweep's folder: the interpreter of the last submission.
  var interpreterRecord: URL { results.appendingPathComponent(".sweep/interpreter.txt") }

  /// Records this sweep's interpreter as the one submitted tasks run (see ``following(_:environment:)``).
  public func recordInterpreter() throws {
    try FileManager.default.createDirectory(at: interpreterRecord.deletingLastPathComponent(), withIntermediateDirectories: true)
    try AtomicFile.write(python.path + "\n", to: interpreterRecord)
  }

  /// `.mini-work/sweeps/<grid>/`: the sweep's cell cache (`<cell>/`), and under `.sweep/` its
  /// array scripts, cell lists, logs and staging.
  public var results: URL {
    training.layout.workDirectory.appendingPathComponent("sweeps", isDirectory: true)
      .appendingPathComponent(training.grid.name, isDirectory: true)
  }

  /// The sweep of `cells`: the cells to submit, or to follow and collect. Fails, naming the
  /// command that fixes it, when a cell's data or the vision tower is missing.
  public func definition(of cells: [MiniCell]) throws -> SweepDefinition {
    let files = MiniLayout.cellFileNames("{cell}")
    return SweepDefinition(
      name: "mini-\(training.grid.name)",
      command: [python.path] + PythonTrainer.moduleArguments("train", training.trainerArguments(config: "{config}", out: "{out}")),
      directory: training.layout.trainingDirectory.path,
      environment: PythonTrainer.environment(layout: training.layout),
      results: results.path,
      outputs: files,
      digests: DigestRecord(record: files[2], field: "checkpoint.sha256", file: files[0]),
      slurm: SlurmOptions(cpusPerTask: 1),
      cells: try cells.map { cell in
        SweepCell(
          name: cell.name, parameters: [Self.inputsParameter: try training.inputsFingerprint(cell)],
          config: try JSONDecoder().decode(JSONValue.self, from: try training.absoluteConfig(cell)))
      })
  }

  /// The sweep parameter holding a cell's inputs fingerprint.
  static let inputsParameter = "inputs"

  /// A driver for `cells`, verifying each result as described above.
  public func driver(of cells: [MiniCell], scheduler: any SlurmScheduler = SlurmCommands()) throws -> SweepDriver {
    let tower = training.layout.visionTower
    return try SweepDriver(
      definition: try definition(of: cells), baseDirectory: training.layout.root, scheduler: scheduler,
      verifier: { cell, folder in
        let checkpoint = folder.appendingPathComponent(MiniLayout.cellFileNames(cell.name)[0])
        let model = try MiniVLM.load(checkpoint: checkpoint, tower: tower)
        guard model.configuration.cell == cell.name else {
          throw MiniReplicationError.incompleteOutput(
            what: "training \(cell.name)", missing: "a checkpoint of this cell (it is one of \(model.configuration.cell))")
        }
      })
  }

  /// The cells of `cells` that are not installed with their current inputs (the ones to train).
  public func stale(_ cells: [MiniCell]) throws -> [MiniCell] {
    try cells.filter { try training.staleness($0) != nil }
  }

  /// Installs, as a local run would, every cell of `status` whose verified result is complete in
  /// the sweep's cache for its current inputs; returns those cells.
  public func installComplete(_ cells: [MiniCell], status: SweepStatus) throws -> [MiniCell] {
    var installed: [MiniCell] = []
    for cell in cells where status.state(of: cell.name) == .complete {
      try training.install(cell, from: results.appendingPathComponent(cell.name, isDirectory: true),
                           fingerprint: try training.inputsFingerprint(cell))
      installed.append(cell)
    }
    return installed
  }
}
