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

  /// Seed noise: for each configuration of `grid` (family, compressor, LM, V) trained with more
  /// than one seed in any registered grid, the held-out accuracy of each seed, their mean and
  /// sample standard deviation.
  public static func seedSpread(_ grid: MiniGrid, layout: MiniLayout) throws -> String {
    var lines = ["| configuration | N (non-embedding) | V | seeds | accuracy per seed | mean | standard deviation |", "|---|---|---|---|---|---|---|"]
    var seen = Set<String>()
    for cell in grid.cells {
      var configuration = cell
      configuration.seed = 0
      guard seen.insert(configuration.name).inserted else { continue }
      let seeds = MiniGrid.all.flatMap(\.cells).filter {
        ($0.family, $0.compressor, $0.language, $0.visualTokens) == (cell.family, cell.compressor, cell.language, cell.visualTokens)
      }
      var accuracies: [(seed: Int, accuracy: Double)] = []
      for seed in Set(seeds).sorted(by: { $0.seed < $1.seed }) where FileManager.default.fileExists(atPath: layout.record(seed).path) {
        let record = try TrainingRecord.read(layout.record(seed))
        if let accuracy = (record["eval"] as? [String: Any])?["accuracy"] as? Double { accuracies.append((seed.seed, accuracy)) }
      }
      guard accuracies.count > 1 else { continue }
      let values = accuracies.map(\.accuracy)
      let mean = values.reduce(0, +) / Double(values.count)
      let deviation = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count - 1)).squareRoot()
      let name = configuration.name.replacingOccurrences(of: "-s0", with: "")
      lines.append("| `\(name)` | \(grouped(cell.language.nonEmbeddingParameters)) | \(cell.visualTokens) | "
        + "\(accuracies.map { String($0.seed) }.joined(separator: ", ")) | "
        + accuracies.map { String(format: "%.1f %%", 100 * $0.accuracy) }.joined(separator: ", ")
        + String(format: " | %.1f %% | %.1f points |", 100 * mean, 100 * deviation))
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
