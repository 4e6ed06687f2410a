import Foundation

/// The job-array script of one submission, and the cell list beside it.
///
/// Array task `i` reads line `i + 1` of the cell list, runs that cell's command — the argument
/// vector a local run uses, with `{out}` an empty staging folder of its own — and, if the
/// command succeeds, renames the staging folder to `landed/<cell>` in one step, so
/// `repro sweep collect` never sees half-written results. A failed or killed task leaves
/// nothing in `landed/`. The text depends only on its inputs (no dates, no job ids), so the
/// same stale cells give the same bytes.
public struct SlurmArrayScript: Equatable, Sendable {
  /// The script (`array.sh`).
  public let text: String
  /// The cell list (`cells.txt`): one cell name per line, in array-task order.
  public let cellList: String
  /// The cells, in array-task order.
  public let cells: [String]

  /// Cells one array may hold: Slurm's default `MaxArraySize` is 1001 (indices 0…1000).
  public static let cellCountRange = 1...1000

  init(plan: SweepPlan, cells: [ResolvedCell], options: SlurmOptions, submission folder: URL) {
    let folders = plan.folders
    let cellListURL = folder.appendingPathComponent("cells.txt")
    let configs = folder.appendingPathComponent("configs")
    let name = plan.definition.name
    var lines = [
      "#!/bin/bash",
      "# Job array of sweep '\(name)': \(cells.count) cell\(cells.count == 1 ? "" : "s"), one array task each; task i runs line i+1 of",
      "# \(cellListURL.path).",
      "# Written by `repro sweep submit` (or `repro mini train --slurm`); their `status` and `collect` read what it produces.",
      "#SBATCH --job-name=\(name)",
      "#SBATCH --array=0-\(cells.count - 1)" + (options.maxRunning.map { "%\($0)" } ?? ""),
      "#SBATCH --output=\(folder.appendingPathComponent("logs").path)/%A_%a.out",
    ]
    if let partition = options.partition { lines.append("#SBATCH --partition=\(partition)") }
    if let time = options.time { lines.append("#SBATCH --time=\(time)") }
    if let cpus = options.cpusPerTask { lines.append("#SBATCH --cpus-per-task=\(cpus)") }
    if let mem = options.mem { lines.append("#SBATCH --mem=\(mem)") }
    for directive in options.directives ?? [] { lines.append("#SBATCH \(directive)") }
    lines += [
      "set -euo pipefail",
      "",
      "line=$((SLURM_ARRAY_TASK_ID + 1))",
      "cell=$(sed -n \"${line}p\" \(BashQuoting.quote(cellListURL.path)))",
      "task=\"${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}\"",
      "staging=\(BashQuoting.quote(folders.staging.path))/\"$cell.$task\"",
      "landed=\(BashQuoting.quote(folders.landed.path))/\"$cell\"",
      "",
      "case \"$cell\" in",
    ]
    for cell in cells {
      let config = configs.appendingPathComponent("\(cell.name).json").path
      let words = cell.arguments.map { $0.bashWord(outVariable: "staging", config: config) }
      lines.append("  \(BashQuoting.quote(cell.name))) command=(\(words.joined(separator: " "))) ;;")
    }
    lines += [
      "  *) echo \"error: line $line of the cell list names no cell of this array: '$cell'\" >&2; exit 2 ;;",
      "esac",
      "",
    ]
    for (key, value) in (plan.definition.environment ?? [:]).sorted(by: { $0.key < $1.key }) {
      lines.append("export \(key)=\(BashQuoting.quote(value))")
    }
    lines += [
      "cd \(BashQuoting.quote(plan.directory.path))",
      "echo \"sweep \(name): cell $cell, array task $task on $(hostname)\"",
      "rm -rf \"$staging\"",
      "mkdir -p \"$staging\" \"$(dirname \"$landed\")\"",
      "\"${command[@]}\"",
      "# Complete: one rename makes the cell visible to collect (it fails if an earlier result waits there).",
      "mv -T \"$staging\" \"$landed\"",
      "echo \"sweep \(name): cell $cell landed\"",
      "",
    ]
    text = lines.joined(separator: "\n")
    cellList = cells.map { $0.name + "\n" }.joined()
    self.cells = cells.map(\.name)
  }
}
