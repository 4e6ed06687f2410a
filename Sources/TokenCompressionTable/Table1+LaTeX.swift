import ResultsStore

extension Table1 {
  /// Table 1 as a LaTeX `tabular` (booktabs): the baseline row, then each budget block after a
  /// rule, the best value of each column within a block in `\textbf`, empty cells as "--".
  public var latex: String {
    var lines = [
      "% Table 1: token compression on LLaVA-1.5 / Vicuna-1.5-7B. Needs \\usepackage{booktabs}.",
      "\\begin{tabular}{ll" + String(repeating: "r", count: benchmarks.count + 1) + "}",
      "\\toprule",
      "Budget & Method & Tokens & " + benchmarks.map { Self.escaped($0.rawValue) }.joined(separator: " & ") + " \\\\",
      "\\midrule",
    ]
    if let baseline {
      lines.append(latexRow("576", baseline, block: nil))
    }
    for block in blocks where !block.rows.isEmpty {
      lines.append("\\midrule")
      for row in block.rows { lines.append(latexRow(String(block.budget), row, block: block)) }
    }
    lines += ["\\bottomrule", "\\end{tabular}"]
    return lines.joined(separator: "\n") + "\n"
  }

  private func latexRow(_ budget: String, _ row: Table1Row, block: Table1Block?) -> String {
    let cells = benchmarks.map { benchmark -> String in
      guard let value = row.values[benchmark] else { return "--" }
      return block?.isBest(row, benchmark) == true ? "\\textbf{\(value)}" : "\(value)"
    }
    return "\(budget) & \(Self.escaped(Table1.displayName(row.method))) & \(row.tokens) & "
      + cells.joined(separator: " & ") + " \\\\"
  }

  /// `text` with LaTeX's special characters escaped.
  static func escaped(_ text: String) -> String {
    var escaped = ""
    for character in text {
      switch character {
      case "\\": escaped += "\\textbackslash{}"
      case "&", "%", "$", "#", "_", "{", "}": escaped += "\\\(character)"
      case "~": escaped += "\\textasciitilde{}"
      case "^": escaped += "\\textasciicircum{}"
      default: escaped.append(character)
      }
    }
    return escaped
  }
}
