import Foundation
import ResultsStore
import ScalingLawFit
import Testing

@testable import ClaimsLedger
import ExperimentRegistry

/// The ledger as a whole: its ids, its settings, its JSON schema and its determinism.
@Suite struct LedgerTests {
  /// The ids of paper-artifacts/PAPER.md §5, in its order.
  static let paperIds = [
    "fig1.exponents", "fig1.ratio", "fig1.optimal-v-q0", "fig1.optimal-v-q50", "fig2.extrapolation-14b",
    "fig2.holdout-7b", "fig3a.text-shift", "fig3b.ocr-reversal", "fig4.iso-compute", "table1.quecc-extreme",
    "abstract.extreme-compression", "fig5.compressor-invariance", "data.monotone",
  ]
  /// Every claim the ledger checks: the paper's, then the inference-cost experiment's.
  static let ledgerIds = paperIds + ["cost.linear-in-tokens"]

  @Test func everyClaimOfThePaperIsInTheLedgerOnce() {
    #expect(Ledger.claims.map(\.id) == Self.ledgerIds)
    #expect(Array(Experiment.report.claims.prefix(Self.ledgerIds.count)) == Self.ledgerIds)
    let twins = Set(Ledger.twins.map(\.id))
    #expect(Experiment.report.claims.dropFirst(Self.ledgerIds.count).allSatisfy(twins.contains), "then the mini figures' twins")
  }

  /// The ids every check cites resolve inside the repository: they are the rows of the claims
  /// table in `paper-artifacts/PAPER.md` §5, in its order, every one of them (`fig5.compressor-invariance`,
  /// whose PruMerge grid was not published, as unverifiable).
  @Test func theLedgersIdsAreTheClaimTableOfPaperMd() throws {
    let paper = try String(
      contentsOf: Bundled.layout.root.appendingPathComponent("paper-artifacts/PAPER.md"), encoding: .utf8)
    let section = try #require(paper.components(separatedBy: "\n## 5.").dropFirst().first)
      .components(separatedBy: "\n## ").first ?? ""
    let ids = section.split(separator: "\n").compactMap { line -> String? in
      let cells = line.split(separator: "|", omittingEmptySubsequences: true)
      guard let first = cells.first?.trimmingCharacters(in: .whitespaces), first.hasPrefix("`"), first.hasSuffix("`") else {
        return nil
      }
      return String(first.dropFirst().dropLast())
    }
    #expect(ids == Self.paperIds)
  }

  @Test func unknownClaimIsAnErrorNamingTheKnownOnes() {
    #expect(throws: LedgerError.unknownClaim("fig9.nope", known: Self.ledgerIds + Ledger.twins.map(\.id))) {
      try Ledger.claims(ids: ["fig9.nope"])
    }
  }

  @Test func theReportRegistrationReadsWhatTheLedgerReadsAndTheFiguresHoldTheSettings() throws {
    // The ledger reads every selection of every figure whose claims it checks, declared once.
    for experiment in Experiment.all where !Set(experiment.claims).isDisjoint(with: Experiment.report.claims) {
      for input in experiment.inputs {
        let covered: Bool = switch input {
        case .dataIssues: LedgerInputs.selections.contains(.dataIssues(suite: nil))  // every suite's issues
        default: LedgerInputs.selections.contains(input)
        }
        #expect(covered, "\(experiment.target) reads \(input)")
      }
    }
    #expect(Set(LedgerInputs.selections).count == LedgerInputs.selections.count)
    #expect(Experiment.report.dependsOn.contains(Experiment.figure1.id))
    #expect(Experiment.report.dependsOn.contains(Experiment.inferenceCost.id))
    let settings = LedgerSettings.registered
    #expect(settings.method == .leastSquares)
    #expect(settings.methods == [.paperGrid, .leastSquares, .robust])
    #expect(settings.figure1.fit == Experiment.figure1Settings.fit && settings.figure1.fit.bounds == .paper)
    #expect(settings.figure3b.fit == Experiment.figure3bSettings.fit)
    #expect(settings.figure3a.Q == Experiment.figure3aSettings.Q)
    #expect(settings.figure4 == Experiment.figure4Settings)
    #expect(settings.resamples >= 200 && settings.seed == 1)
    // The report's registration holds only the ledger's own settings: no copy of a figure's.
    #expect(Set(Experiment.report.parameters.keys) == ["compare-methods", "bootstrap-resamples", "seed"])
  }

  /// One home per setting: a test registration of Figure 3b in another box moves what the figure
  /// fits and what the claim checks together, and Figure 4's tolerance and Figure 3a's Q sweep
  /// reach their claims' checks and words.
  @Test func aChangedSettingMovesFigureAndClaimTogether() throws {
    let inputs = HandMade.inputs()
    var settings = HandMade.settings
    settings.figure3b.fit.bounds = .paper
    let claim = try HandMade.result("fig3b.ocr-reversal", inputs, settings: settings)
    let figure = try settings.figure3b.fit.fit(inputs.ocr.observations)
    let registered = try Experiment.figure3bSettings.fit.fit(inputs.ocr.observations)
    #expect(claim.quantities["alpha"] == figure.law.alpha && claim.quantities["beta"] == figure.law.beta)
    #expect(figure.law.beta != registered.law.beta)

    settings.figure4.tolerance = 0.1
    let iso = try HandMade.result("fig4.iso-compute", inputs, settings: settings)
    #expect(iso.check.contains("±10 %"))
    settings.figure3a.Q = [0, 30, 300]
    let shift = try HandMade.result("fig3a.text-shift", inputs, settings: settings)
    #expect(Set(shift.quantities.keys) == ["optimalVAtQ0", "optimalVAtQ30", "optimalVAtQ300"])
    #expect(shift.check.contains("Q = 0, 30, 300"))
  }

  static func handMadeReport() throws -> LedgerReport {
    try Ledger.verify(Evidence(inputs: HandMade.inputs(), settings: HandMade.settings))
  }

  @Test func jsonSchemaIsStable() throws {
    let report = try Self.handMadeReport()
    let object = try #require(try JSONSerialization.jsonObject(with: report.json()) as? [String: Any])
    #expect(Set(object.keys) == ["schemaVersion", "dataDigest", "settings", "counts", "claims", "twins", "twinCounts", "warnings", "fits"])
    #expect(object["schemaVersion"] as? Int == 2)
    #expect(object["counts"] as? [String: Int] == ["pass": 12, "fail": 0, "unverifiable": 2])
    let settings = try #require(object["settings"] as? [String: Any])
    #expect(Set(settings.keys) == ["method", "comparedMethods", "bounds", "ocrBounds", "convention", "bootstrapResamples", "seed"])
    let claims = try #require(object["claims"] as? [[String: Any]])
    #expect(claims.map { $0["id"] as? String } == Self.ledgerIds)
    for claim in claims {
      #expect(Set(claim.keys) == [
        "id", "statement", "location", "paperValue", "check", "criterion", "status", "value", "quantities", "explanation", "robustness",
      ])
      #expect(["pass", "fail", "unverifiable"].contains(claim["status"] as? String))
    }
    let exponents = try #require(claims.first { $0["id"] as? String == "fig1.exponents" })
    let robustness = try #require(exponents["robustness"] as? [String: Any])
    #expect(Set(robustness.keys) == ["fits", "bootstrap"])
    let bootstrap = try #require(robustness["bootstrap"] as? [String: Any])
    #expect(Set(bootstrap.keys) == ["method", "resamples", "seed", "failures", "shareHolding", "intervals", "resampled"])
    let table1 = try #require(claims.first { $0["id"] as? String == "table1.quecc-extreme" })
    #expect(table1["robustness"] is NSNull)
    let fits = try #require(object["fits"] as? [[String: Any]])
    #expect(fits.count == 3)
    #expect(fits.map { $0["excludedSizes"] as? [Double] } == [[], [7], []])
  }

  @Test func jsonRoundTripsAndIsByteIdenticalAcrossRuns() throws {
    let first = try Self.handMadeReport()
    let second = try Self.handMadeReport()
    #expect(try first.json() == second.json())
    #expect(try JSONDecoder().decode(LedgerReport.self, from: first.json()) == first)
  }

  @Test func textRenderingsCarryEveryClaim() throws {
    let report = try Self.handMadeReport()
    let table = report.table(colour: false)
    for id in Self.ledgerIds { #expect(table.contains(id)) }
    #expect(!table.contains("\u{1B}["))
    #expect(report.table(colour: true).contains("\u{1B}[1;32mPASS"))
    #expect(table.contains("14 claims: 12 pass, 0 fail, 2 unverifiable"))
    let markdown = report.markdownTable
    #expect(markdown.split(separator: "\n").count == 2 + Self.ledgerIds.count)
    // Each numeric claim shows its 95 % bootstrap interval beside its value; the others a dash.
    let exponents = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("| `fig1.exponents`") })
    #expect(exponents.contains("| α [") && exponents.contains("; β ["))
    let unverifiable = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("| `fig2.extrapolation-14b`") })
    #expect(unverifiable.contains("| — | — |"))
    #expect(markdown.contains("| `fig1.exponents` |"))
    let detail = LedgerReport.detail(report.claims[0], colour: false)
    #expect(detail.hasPrefix("fig1.exponents: PASS\n"))
    #expect(detail.contains("holds under least-squares"))
    #expect(detail.contains("paper's    α ≈ 0.077, β ≈ 0.015"))
  }

  /// Issue 14, item 7: `verify --claim` lines reached 700 characters; every line now fits the
  /// width it is given, and the table shows the paper's value beside ours.
  @Test func textFitsTheTerminalWidth() throws {
    let report = try Self.handMadeReport()
    for width in [60, 80, 132] {
      for claim in report.claims {
        let lines = LedgerReport.detail(claim, colour: false, width: width).split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= width }, "\(claim.id) at \(width): \(lines.map(\.count).max()!)")
      }
      let table = report.table(colour: false, width: width).split(separator: "\n")
      #expect(table.allSatisfy { $0.count <= width }, "table at \(width)")
    }
    let wide = report.table(colour: false, width: 200)
    #expect(wide.contains("PAPER"))
    #expect(wide.contains("α ≈ 0.077, β ≈ 0.015"))
  }
}

@Suite("ledger text for a terminal")
struct LedgerTextTests {
  @Test("wrapping keeps every character, in order, and no line longer than the width")
  func wrap() {
    let text = "The published values come from an unseeded random 20 % of the authors' 5,000,000-point grid, box "
      + "(a=0.0:5.0,alpha=0.0:1.0,beta=0.0:1.0,D=0.0:1.0), and were typed by hand."
    for width in [20, 33, 60, 80, 200] {
      let lines = LedgerReport.wrap(text, width: width)
      #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " })
      #expect(lines.allSatisfy { $0.count <= width }, "\(width): \(lines)")
    }
    #expect(LedgerReport.wrap("short", width: 80) == ["short"])
  }
}
