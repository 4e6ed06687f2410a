import ArgumentParser
import ClaimsLedger
import Foundation
import ResultsStore

/// `repro verify`: check every claim of the paper against the data, offline, in a few seconds.
struct VerifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Check every claim of the paper (paper-artifacts/PAPER.md §5, and the cost model) against the data: pass, fail or unverifiable.",
    discussion: """
      Criteria are constants in Sources/ClaimsLedger/. The fits, with their compared methods and bootstrap refits, and \
      Figure 4's groups are read from the figures' outputs (Figures/<figure>/fits.json, summary.json), after checking \
      that each was computed from the database's rows with its figure's registered settings; run ./repro all first. \
      Numbers have 4 significant digits (--full-precision: all; --json always has all). Lines are wrapped to \
      the terminal's width (COLUMNS, else the terminal's size, else 80). \
      The miniature replication's twins (mini. ids, models trained here) are listed after the claims; a \
      failing twin is a finding and does not change the exit status. \
      Exit status: 0 when no claim of the paper fails (unverifiable is not a failure), 1 when one fails, 2 on an error.
      """)

  @Flag(help: "Print the full ledger as JSON (schema: see ClaimsLedger.LedgerReport).")
  var json = false

  @Flag(help: "Print the claims as a Markdown table (the README's claims table).")
  var markdown = false

  @Flag(help: "With --markdown: print the miniature replication's twins instead (the README's table of them).")
  var twins = false

  @Option(name: .customLong("claim"), help: "Check only this claim id and show it in full (repeatable).")
  var claims: [String] = []

  @OptionGroup var precision: PrecisionFlag

  func validate() throws {
    guard !(json && markdown) else { throw ValidationError("--json and --markdown are alternatives; pick one") }
    guard !twins || markdown else { throw ValidationError("--twins selects the Markdown table of the twins; add --markdown") }
  }

  func run() throws {
    let report: LedgerReport
    let output: String
    do {
      warnAboutStaleFigures()
      let layout = try ProjectLayout.locate()
      let database = try ResultsDatabase.openReadOnly(layout)
      // The ledger writes its values as text while it checks, so the precision is set around it.
      (report, output) = try precision.apply {
        let report = try Ledger.verify(
          database: database, figuresDirectory: layout.figuresDirectory, ids: claims.isEmpty ? nil : claims)
        return (report, try render(report))
      }
    } catch {
      FileHandle.standardError.write(Data("error: \(error)\n".utf8))
      throw ExitCode(2)
    }
    print(output, terminator: "")
    if report.hasFailures { throw ExitCode(1) }
  }

  /// The ledger reads what the figures computed and checks it against the database and the
  /// registrations, but not against the code that computed it: say on standard error when
  /// `repro status` finds one of those figures stale (a fitter changed since, say), naming it and
  /// the fix. A warning, not an error: the outputs are still the committed, checked ones.
  private func warnAboutStaleFigures() {
    let read = FigureResults.fittingFigures + [.figure4, .miniFigure4, .inferenceCost, .miniCost]
    let warning: String?
    do {
      let report = try DriverCommand.driver().status(read.map(\.target))
      let stale = report.results.filter { result in read.contains { $0.target == result.experiment.target } }.compactMap { result in
        switch result.outcome {
        case .wouldRun(let reasons): "\(result.experiment.target) (\(StatusCommand.orderedCauses(reasons).joined(separator: ", ")))"
        case .failed, .skipped: "\(result.experiment.target) (cannot be checked)"
        case .upToDate, .built, .interrupted: nil
        }
      }
      warning = stale.isEmpty ? nil
        : "the claims are checked against what these figures last computed, and they are stale: "
          + stale.joined(separator: ", ") + "; run ./repro all, then verify again"
    } catch {
      warning = "cannot tell whether the figures the claims read are current (\(error)); ./repro status says"
    }
    if let warning { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
  }

  private func render(_ report: LedgerReport) throws -> String {
    let colour = isatty(STDOUT_FILENO) == 1
    if json { return String(decoding: try report.json(), as: UTF8.self) }
    if markdown { return twins ? report.twinsMarkdownTable : report.markdownTable }
    let width = terminalColumns()
    if claims.isEmpty { return report.table(colour: colour, width: width) }
    return (report.claims + report.twins).map { LedgerReport.detail($0, colour: colour, width: width) }.joined(separator: "\n")
  }
}
