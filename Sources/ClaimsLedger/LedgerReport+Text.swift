// The ledger as text: a terminal table, one claim in full, and the README's Markdown table.
extension LedgerReport {
  /// One line per claim (id, status, value) and a closing count; `colour` adds ANSI colours to
  /// the status (callers pass `true` only when writing to a terminal).
  public func table(colour: Bool) -> String {
    let idWidth = max(5, claims.map(\.id.count).max() ?? 0)
    let statusWidth = ClaimStatus.allCases.map(\.label.count).max()!
    var lines = [pad("CLAIM", idWidth) + "  " + pad("STATUS", statusWidth) + "  VALUE"]
    for claim in claims {
      let status = pad(claim.status.label, statusWidth)
      lines.append(pad(claim.id, idWidth) + "  " + (colour ? Self.coloured(status, claim.status) : status) + "  " + claim.value)
    }
    lines.append("")
    lines.append(summaryLine)
    if !warnings.isEmpty {
      lines.append("\(warnings.count) data warning\(warnings.count == 1 ? "" : "s"):")
      lines += warnings.map { "  [\($0.suite), \($0.source)] \($0.message)" }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `12 claims: 10 pass, 1 fail, 1 unverifiable`.
  public var summaryLine: String {
    "\(claims.count) claim\(claims.count == 1 ? "" : "s"): "
      + ClaimStatus.allCases.map { "\(counts[$0.rawValue] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
  }

  /// Everything about one claim, for `repro verify --claim ID`.
  public static func detail(_ claim: ClaimResult, colour: Bool) -> String {
    var lines = [
      "\(claim.id): " + (colour ? coloured(claim.status.label, claim.status) : claim.status.label),
      "  paper      \(claim.statement) [\(claim.location)]",
      "  check      \(claim.check)",
      "  criterion  \(claim.criterion)",
      "  value      \(claim.value)",
      "  why        \(claim.explanation)",
    ]
    if let robustness = claim.robustness {
      for fit in robustness.fits {
        lines.append("  fit        \(fit.holds ? "holds" : "fails") under \(fit.fit): \(fit.value)")
      }
      let b = robustness.bootstrap
      lines.append("  bootstrap  holds in \(Format.percent(b.shareHolding)) of \(b.resamples - b.failures) \(b.method) refits "
        + "(seed \(b.seed), \(b.failures) failed)")
      for (name, interval) in b.intervals.sorted(by: { $0.key < $1.key }) {
        lines.append("             95 % interval of \(name): \(Format.interval(interval))")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The claims as a Markdown table (for the README and the report): id, the paper's
  /// statement and where, status, our value, and the criterion.
  public var markdownTable: String {
    var lines = ["| Claim | The paper says | Status | Our value | Criterion |", "|---|---|---|---|---|"]
    for claim in claims {
      let cells = [
        "`\(claim.id)`", "\(claim.statement) *(\(claim.location))*", "**\(claim.status.label)**", claim.value, claim.criterion,
      ]
      lines.append("| " + cells.map(Self.markdownCell).joined(separator: " | ") + " |")
    }
    return lines.joined(separator: "\n") + "\n"
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

  private func pad(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - text.count))
  }
}
