import Foundation
// The ledger as text: a terminal table, one claim in full, and the README's Markdown table.
extension LedgerReport {
  /// One row per claim (id, status, the paper's value, ours) and a closing count, each row
  /// wrapped to `width` columns under its own column; `colour` adds ANSI colours to the status
  /// (callers pass `true` only when writing to a terminal).
  public func table(colour: Bool, width: Int = 80) -> String {
    var lines = Self.rows(claims, heading: "CLAIM", colour: colour, width: width) + ["", summaryLine]
    if !warnings.isEmpty {
      lines.append("\(warnings.count) data warning\(warnings.count == 1 ? "" : "s"):")
      for warning in warnings {
        lines += Self.wrap("[\(warning.suite), \(warning.source)] \(warning.message)", width: width - 4)
          .enumerated().map { ($0.offset == 0 ? "  " : "    ") + $0.element }
      }
    }
    if !twins.isEmpty {
      lines += [""] + Self.wrap(Self.twinsPreamble, width: width) + [""]
      lines += Self.rows(twins, heading: "TWIN", colour: colour, width: width) + ["", twinsSummaryLine]
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// What the twins are, above their table.
  static let twinsPreamble = "The miniature replication: each claim's twin on models trained here (`mini.` ids). "
    + "A failing twin is a finding, not a failure of the paper's claims: it does not make `repro verify` fail."

  /// One row per claim (id, status, the paper's value, ours) under a header row.
  private static func rows(_ claims: [ClaimResult], heading: String, colour: Bool, width: Int) -> [String] {
    let idWidth = max(5, claims.map(\.id.count).max() ?? 0)
    let statusWidth = ClaimStatus.allCases.map(\.label.count).max()!
    let paperWidth = max(5, claims.map(\.paperValue.count).max() ?? 0)
    let indent = idWidth + statusWidth + 4
    let sideBySide = indent + paperWidth + 2 + 24 <= width
    var lines = [
      pad(heading, idWidth) + "  " + pad("STATUS", statusWidth) + "  " + (sideBySide ? pad("PAPER", paperWidth) + "  OURS" : "PAPER, OURS"),
    ]
    for claim in claims {
      let status = pad(claim.status.label, statusWidth)
      let head = pad(claim.id, idWidth) + "  " + (colour ? Self.coloured(status, claim.status) : status) + "  "
      if sideBySide {
        // Room for both columns side by side: ours wraps under its own column.
        let body = Self.wrap(claim.value, width: width - indent - paperWidth - 2)
        for (i, line) in body.enumerated() {
          let paper = i == 0 ? pad(claim.paperValue, paperWidth) : String(repeating: " ", count: paperWidth)
          lines.append((i == 0 ? head : String(repeating: " ", count: indent)) + paper + "  " + line)
        }
      } else if width - indent >= 30 {
        // Narrower: the paper's value, then ours, each on lines of their own beside the status.
        let body = Self.wrap("paper: " + claim.paperValue, width: width - indent)
          + Self.wrap("ours: " + claim.value, width: width - indent)
        for (i, line) in body.enumerated() { lines.append((i == 0 ? head : String(repeating: " ", count: indent)) + line) }
      } else {
        // Narrowest: the id and status alone, then the values indented under them.
        lines.append(pad(claim.id, idWidth) + "  " + (colour ? Self.coloured(status, claim.status) : status))
        let body = Self.wrap("paper: " + claim.paperValue, width: width - 4) + Self.wrap("ours: " + claim.value, width: width - 4)
        lines += body.map { "    " + $0 }
      }
    }
    return lines
  }

  /// `12 claims: 10 pass, 1 fail, 1 unverifiable`.
  public var summaryLine: String { Self.summary(claims.count, "claim", counts) }

  /// `12 twins: 5 pass, 1 fail, 6 unverifiable`.
  public var twinsSummaryLine: String { Self.summary(twins.count, "twin", twinCounts) }

  private static func summary(_ count: Int, _ noun: String, _ counts: [String: Int]) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s"): "
      + ClaimStatus.allCases.map { "\(counts[$0.rawValue] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
  }

  /// Everything about one claim, for `repro verify --claim ID`, every line wrapped to `width`
  /// columns with its continuation under the text (labels stay in their own column).
  public static func detail(_ claim: ClaimResult, colour: Bool, width: Int = 80) -> String {
    var rows: [(label: String, text: String)] = [
      ("paper", "\(claim.statement) [\(claim.location)]"),
      ("paper's", claim.paperValue),
      ("check", claim.check),
      ("criterion", claim.criterion),
      ("value", claim.value),
      ("why", claim.explanation),
    ]
    if let robustness = claim.robustness {
      for fit in robustness.fits {
        rows.append(("fit", "\(fit.holds ? "holds" : "fails") under \(fit.fit): \(fit.value)"))
      }
      let b = robustness.bootstrap
      rows.append(("bootstrap", "holds in \(Format.percent(b.shareHolding)) of \(b.resamples - b.failures) \(b.method) refits "
        + "(seed \(b.seed), \(b.failures) failed)"))
      for (name, interval) in b.intervals.sorted(by: { $0.key < $1.key }) {
        rows.append(("", "95 % interval of \(name): \(Format.interval(interval))"))
      }
    }
    let labelWidth = rows.map(\.label.count).max()!
    let indent = String(repeating: " ", count: labelWidth + 4)
    var lines = ["\(claim.id): " + (colour ? coloured(claim.status.label, claim.status) : claim.status.label)]
    for row in rows {
      for (i, line) in wrap(row.text, width: width - indent.count).enumerated() {
        lines.append((i == 0 ? "  " + row.label.padding(toLength: labelWidth + 2, withPad: " ", startingAt: 0) : indent) + line)
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `text` broken at spaces into lines of at most `width` characters (at least 10); a word
  /// longer than a line (a parameter box such as `a=0.0:5.0,alpha=…`) is cut at the width.
  static func wrap(_ text: String, width: Int) -> [String] {
    let width = max(10, width)
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: false) {
      var word = Substring(word)
      if !line.isEmpty && line.count + 1 + word.count <= width {
        line += " " + word
        continue
      }
      if !line.isEmpty { lines.append(line) }
      while word.count > width {
        lines.append(String(word.prefix(width)))
        word = word.dropFirst(width)
      }
      line = String(word)
    }
    lines.append(line)
    return lines
  }

  /// The claims as a Markdown table (for the README and the report): id, the paper's
  /// statement and where, its value, status, our value, and the criterion.
  public var markdownTable: String { markdownTable(claims) }

  /// The twins as a Markdown table, like ``markdownTable`` (the README's miniature section). The
  /// twins draw no glance rows, so their interval column lists the bootstrap's 95 % interval of
  /// every quantity the twin computes.
  public var twinsMarkdownTable: String { markdownTable(twins, intervals: Self.bootstrapIntervals) }

  /// Every quantity's 95 % bootstrap interval, by name, or `—` when the claim has none.
  static func bootstrapIntervals(_ claim: ClaimResult) -> String {
    // Numbers inside names in numeric order: optimalVAtQ25 before optimalVAtQ100.
    let intervals = (claim.robustness?.bootstrap.intervals ?? [:]).sorted { $0.key.compare($1.key, options: .numeric) == .orderedAscending }
      .map { "\($0.key) \(Format.interval($0.value))" }
    return intervals.isEmpty ? "—" : intervals.joined(separator: "; ")
  }

  private func markdownTable(_ claims: [ClaimResult], intervals: ((ClaimResult) -> String)? = nil) -> String {
    var lines = [
      "| Claim | The paper says | The paper's value | Status | Our value | 95 % interval | Criterion |", "|---|---|---|---|---|---|---|",
    ]
    for claim in claims {
      let cells = [
        "`\(claim.id)`", "\(claim.statement) *(\(claim.location))*", claim.paperValue, "**\(claim.status.label)**",
        claim.value, intervals?(claim) ?? intervalText(claim.id), claim.criterion,
      ]
      lines.append("| " + cells.map(Self.markdownCell).joined(separator: " | ") + " |")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The 95 % bootstrap interval of each quantity the claims-at-a-glance figure draws for claim
  /// `id` (the same rows, so table and figure cannot disagree), or `—` when it has none.
  func intervalText(_ id: String) -> String {
    let rows = ReviewerReport.glance(self).filter { $0.claim == id }
      .compactMap { row in row.interval.map { "\(row.quantity) \(Format.interval($0))" } }
    return rows.isEmpty ? "—" : rows.joined(separator: "; ")
  }

  /// `text` safe inside a Markdown table cell.
  static func markdownCell(_ text: String) -> String {
    text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
  }

  static func coloured(_ text: String, _ status: ClaimStatus) -> String {
    let code = switch status {
    case .pass: "32"
    case .fail: "31"
    case .unverifiable: "33"
    }
    return "\u{1B}[1;\(code)m\(text)\u{1B}[0m"
  }

  private static func pad(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - text.count))
  }
}
