import MiniTasks

/// Why a miniature training run cannot start or did not finish, each with the command that fixes it.
public enum MiniReplicationError: Error, Equatable, CustomStringConvertible {
  case missingData(family: TaskFamily, directory: String)
  case missingVisionTower(path: String)
  case unknownCell(String, grid: String)
  case unknownGrid(String, known: [String])
  case noTrainer(reason: String)
  case trainerFailed(what: String, status: Int32, log: String)
  case incompleteOutput(what: String, missing: String)
  case evalSetMismatch(cell: String, recorded: String, current: String)
  case parityFailed(cell: String, identical: Int, questions: Int)
  case parityMissing(cell: String, checkpoint: String)
  case tooFewTimedCells(grid: String, trained: Int)
  case repeatedTimedConfiguration(grid: String, cell: String)
  /// The engine's per-question answers and its own summary of them disagree.
  case evaluationInconsistent(cell: String, reason: String)

  public var description: String {
    switch self {
    case .missingData(let family, let directory):
      return "no \(family.rawValue) shards in \(directory): generate them with `./repro mini data --family \(family.rawValue)`"
    case .missingVisionTower(let path):
      return "no vision tower at \(path): train it with `./repro mini pretrain-vision`"
    case .unknownCell(let name, let grid):
      return "grid '\(grid)' has no cell '\(name)' (list them with `./repro mini cells --grid \(grid)`)"
    case .unknownGrid(let name, let known):
      return "no grid '\(name)'; the grids are: \(known.joined(separator: ", "))"
    case .noTrainer(let reason):
      return "the PyTorch trainer cannot run: \(reason). Set it up with `./repro mini setup` "
        + "(a virtualenv in Training/.venv with torch==2.13.0, CPU only), or point REPRO_PYTHON at a Python that has it"
    case .trainerFailed(let what, let status, let log):
      return "\(what) failed with exit status \(status); its log: \(log)"
    case .evalSetMismatch(let cell, let recorded, let current):
      return "cell \(cell) was trained and checked against the held-out shard with SHA-256 \(recorded), but .mini-data/ holds "
        + "\(current): regenerate the standard data (`./repro mini data`, default seed and counts); if it still differs, the "
        + "generator changed since the cell was trained: retrain it (`./repro mini train \(cell)`)"
    case .parityFailed(let cell, let identical, let questions):
      return "cell \(cell): the Swift engine agrees with PyTorch on only \(identical) of \(questions) held-out answers "
        + "(the rule: ≥ 99.9 %, differences only at near ties); its record says which (`./repro mini eval` on its checkpoint shows them)"
    case .parityMissing(let cell, let checkpoint):
      return "cell \(cell)'s record has no passing engine-parity check for its checkpoint, so its results are not used: "
        + "check it with `./repro mini eval \(checkpoint) --record` (a cell a Slurm array trained needs this once)"
    case .tooFewTimedCells(let grid, let trained):
      return "grid(s) \(grid) have \(trained) trained cell(s); a line through the timings needs at least 3: train them with "
        + "`./repro mini train --grid GRID --all`"
    case .repeatedTimedConfiguration(let grid, let cell):
      return "grid \(grid) has two cells at the LM size, task family and V of \(cell) (seeds or compressors, or another "
        + "timed grid of the same family): the cost sweep times one cell per (LM size, family, V); time scaling grids such as "
        + "reasoning-scaling and ocr-scaling"
    case .incompleteOutput(let what, let missing):
      return "\(what) exited 0 but did not write \(missing); nothing was installed"
    case .evaluationInconsistent(let cell, let reason):
      return "the engine's evaluation of cell \(cell) is inconsistent (\(reason)); nothing was written: this is a bug in "
        + "the engine's evaluation, please report it"
    }
  }
}
