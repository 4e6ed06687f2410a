import ResultsStore

extension Table1 {
  /// Table 1 as a Markdown table: the baseline row, then each budget block, the best value of
  /// each column within a block in bold, empty cells as "–". Values are written as stored.
  public var markdown: String {
    var lines = [
      "| Budget | Method | Tokens | " + benchmarks.map(\.rawValue).joined(separator: " | ") + " |",
      "|---|---|--:|" + String(repeating: "--:|", count: benchmarks.count),
    ]
    if let baseline {
      lines.append(markdownRow("576 (uncompressed)", baseline, block: nil))
    }
    for block in blocks {
      for row in block.rows { lines.append(markdownRow(String(block.budget), row, block: block)) }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private func markdownRow(_ budget: String, _ row: Table1Row, block: Table1Block?) -> String {
    let cells = benchmarks.map { benchmark -> String in
      guard let value = row.values[benchmark] else { return "–" }
      return block?.isBest(row, benchmark) == true ? "**\(value)**" : "\(value)"
    }
    return "| \(budget) | \(Table1.displayName(row.method)) | \(row.tokens) | " + cells.joined(separator: " | ") + " |"
  }
}
