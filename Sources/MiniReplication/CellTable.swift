import Foundation

/// A grid's trained cells as a Markdown table, read from their committed training records only
/// (so it prints on a clone without data or torch): the README's table of the replication grid.
public enum CellTable {
  /// One row per cell of `grid`, in grid order; an untrained cell says so.
  public static func markdown(_ grid: MiniGrid, layout: MiniLayout) throws -> String {
    var lines = [
      "| cell | N (non-embedding) | V | accuracy | mean CE (nats) | Swift = PyTorch | training ex/s (1 thread) |",
      "|---|---|---|---|---|---|---|",
    ]
    for cell in grid.cells {
      let head = "| `\(cell.name)` | \(grouped(cell.language.nonEmbeddingParameters)) | \(cell.visualTokens) |"
      guard FileManager.default.fileExists(atPath: layout.record(cell).path) else {
        lines.append(head + " not trained | | | |")
        continue
      }
      let record = try TrainingRecord.read(layout.record(cell))
      let eval = record["eval"] as? [String: Any]
      let parity = record["parity"] as? [String: Any]
      let accuracy = (eval?["accuracy"] as? Double).map { String(format: "%.1f %%", 100 * $0) } ?? "—"
      let crossEntropy = (eval?["mean_cross_entropy"] as? Double).map { String(format: "%.3f", $0) } ?? "—"
      let agreement = parity.map { "\($0["identical"] as? Int ?? 0)/\($0["questions"] as? Int ?? 0)" } ?? "not checked"
      let speed = (record["examples_per_second"] as? Double).map { grouped(Int($0.rounded())) } ?? "—"
      lines.append(head + " \(accuracy) | \(crossEntropy) | \(agreement) | \(speed) |")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `25,440`.
  static func grouped(_ value: Int) -> String {
    let digits = String(value)
    return digits.enumerated().map { index, digit in
      (index > 0 && (digits.count - index) % 3 == 0 ? "," : "") + String(digit)
    }.joined()
  }
}
