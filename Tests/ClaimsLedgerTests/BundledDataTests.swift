import Foundation
import ResultsStore
import Testing

@testable import ClaimsLedger

/// The ledger on the data this repository ships, and `repro verify` end to end.
@Suite struct BundledDataTests {
  @Test func bundledVerdictsAndFits() throws {
    let evidence = try Evidence(inputs: Bundled.inputs(), settings: HandMade.settings)
    // The continuous optimum in the authors' box, as the lead measured it.
    let law = evidence.visualReasoning.primary.law
    #expect(abs(law.alpha - 0.07093746337649647) < 1e-9)
    #expect(abs(law.beta - 0.015101615104746835) < 1e-9)
    #expect(evidence.visualReasoning.primary.parametersAtBounds == ["D"])
    let report = try Ledger.verify(evidence)
    let statuses = Dictionary(uniqueKeysWithValues: report.claims.map { ($0.id, $0.status) })
    #expect(statuses.filter { $0.value != .pass }.keys.sorted() == ["fig2.extrapolation-14b", "fig5.compressor-invariance"])
    #expect(statuses["fig5.compressor-invariance"] == .unverifiable)
    #expect(statuses["fig2.extrapolation-14b"] == .unverifiable)
    // The digest of exactly the selections the ledger reads, not of every seed file.
    let database = try ResultsDatabase.openReadOnly(Bundled.layout)
    for selection in LedgerInputs.selections { _ = try database.canonicalDump(selection) }
    #expect(report.dataDigest == database.readDigest)
    #expect(!report.hasFailures)
    #expect(statuses["cost.linear-in-tokens"] == .pass)
  }

  /// The ledger reads the committed figures' summaries with the types they were written with,
  /// finds their fits to be its own, and refuses a figure whose fit is not.
  @Test func theFiguresFitsAreTheLedgersAndAStaleFigureIsRefused() throws {
    let evidence = try Evidence(inputs: Bundled.inputs(), settings: HandMade.settings)
    let figures = try FigureResults.load(figuresDirectory: Bundled.layout.figuresDirectory)
    #expect(figures.fits.map(\.path) == [
      "Figures/figure1/summary.json", "Figures/figure2/summary.json", "Figures/figure2/summary.json",
      "Figures/figure3a/summary.json", "Figures/figure3b/summary.json",
      "Figures/mini-figure1/summary.json", "Figures/mini-figure2/summary.json", "Figures/mini-figure3a/summary.json",
      "Figures/mini-figure3b/summary.json", "Figures/figure5/summary.json", "Figures/figure5/summary.json",
    ])
    try figures.check(against: evidence)
    #expect(figures.fits[2].fit.alpha == evidence.holdout.primary.law.alpha, "Figure 2's hold-out fit is the ledger's")
    #expect(figures.fits[4].fit.alpha == evidence.ocr.primary.law.alpha)
    let mini = try evidence.mini.get()
    #expect(figures.fits[5].fit.alpha == mini.reasoning.primary.law.alpha, "Mini Figure 1's fit is the ledger's")
    #expect(figures.fits[6].fit.alpha == mini.holdout.primary.law.alpha, "Mini Figure 2's fit is the ledger's")
    #expect(figures.fits[8].fit.alpha == (try evidence.miniOCR.get()).primary.law.alpha, "Mini Figure 3b's fit is the ledger's")
    #expect(figures.fits[10].fit.alpha == (try evidence.miniPruMerge.get()).primary.law.alpha, "Figure 5's PruMerge fit is the ledger's")
    #expect(figures.miniIsoCompute != nil, "Mini Figure 4's groups are read and checked")

    var stale = figures
    stale.fits[4].fit.beta += 1e-12
    #expect(throws: LedgerError.figureDisagrees(
      path: "Figures/figure3b/summary.json", parameter: "beta", figure: stale.fits[4].fit.beta,
      ledger: evidence.ocr.primary.law.beta)) { try stale.check(against: evidence) }

    // A figure whose fit is of a suite the ledger fits, but in another box, is a figure made with
    // other settings (stale, or edited): refused, not skipped.
    var rebounded = figures
    rebounded.fits[4].fit.bounds = "a=0:1"
    #expect(throws: LedgerError.figureFitUnmatched(path: "Figures/figure3b/summary.json", suite: "ocr")) {
      try rebounded.check(against: evidence)
    }

    #expect(figures.isoCompute?.summary.comparisons.count == 4)
    var regrouped = try FigureResults.load(figuresDirectory: Bundled.layout.figuresDirectory)
    regrouped.isoCompute?.summary.comparisons[0].groupsWonByBiggerN -= 1
    #expect(throws: LedgerError.figureGroupsDisagree(path: "Figures/figure4/summary.json")) { try regrouped.check(against: evidence) }
    var miniRegrouped = try FigureResults.load(figuresDirectory: Bundled.layout.figuresDirectory)
    miniRegrouped.miniIsoCompute?.summary.comparisons[2].groupsWonByBiggerN += 1
    #expect(throws: LedgerError.figureGroupsDisagree(path: "Figures/mini-figure4/summary.json")) {
      try miniRegrouped.check(against: evidence)
    }
  }

  /// The ledger and Figure 4 count the same thing: the committed figure's groups.
  @Test func isoComputeCountsAreFigure4s() throws {
    let evidence = try Evidence(inputs: Bundled.inputs(), settings: HandMade.settings)
    let result = try #require(try Ledger.verify(evidence, ids: ["fig4.iso-compute"]).claims.first)
    let url = Bundled.layout.figuresDirectory.appendingPathComponent("figure4/summary.json")
    let summary = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    let comparisons = try #require(summary["comparisons"] as? [[String: Any]])
    #expect(comparisons.count == 4)
    for comparison in comparisons {
      let won = try #require(comparison["groupsWonByBiggerN"] as? Int)
      let groups = try #require(comparison["groups"] as? [Any])
      let Q = try #require(comparison["Q"] as? Double)
      let key = (comparison["suite"] as? String == "ocr" ? "ocr" : "reasoning") + "ShareAtQ\(Int(Q))"
      #expect(result.quantities[key] == Double(won) / Double(groups.count), "\(key)")
    }
  }
}

/// `repro verify` run as a process in a scratch project: exit codes and JSON.
@Suite(.serialized) struct VerifyExitCodeTests {
  /// Where `swift build` put this test bundle and `repro`.
  static let binDirectory = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0]))
    .resolvingSymlinksInPath().deletingLastPathComponent()

  /// Runs `repro verify arguments…` in `root`; returns the exit status and standard output.
  static func verify(_ arguments: [String], in root: URL) throws -> (status: Int32, output: Data) {
    let repro = binDirectory.appendingPathComponent("repro")
    try #require(FileManager.default.isExecutableFile(atPath: repro.path), "repro is not built in \(binDirectory.path)")
    let process = Process()
    process.executableURL = repro
    process.arguments = ["verify"] + arguments
    process.currentDirectoryURL = root
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, data)
  }

  @Test func exitsZeroWhenNoClaimFails() throws {
    let project = try ScratchProject()
    try ResultsDatabase.rebuild(seedDirectory: project.layout.seedDirectory, database: project.layout.databaseURL)
    let (status, output) = try Self.verify(["--json"], in: project.layout.root)
    #expect(status == 0)
    let report = try JSONDecoder().decode(LedgerReport.self, from: output)
    #expect(report.claims.count == 14)
    // The scratch project has no Figures/: the cost claim cannot be checked there, and says so.
    #expect(report.counts["unverifiable"] == 3 && report.counts["fail"] == 0)
    let cost = try #require(report.claims.first { $0.id == "cost.linear-in-tokens" })
    #expect(cost.status == .unverifiable && cost.explanation.contains("./repro figure inference-cost"))
  }

  @Test func exitsOneWhenAClaimFails() throws {
    let project = try ScratchProject()
    _ = try project.ingest([(N: 14, V: 1, accuracy: 0.3), (N: 14, V: 576, accuracy: 0.3)])
    let (status, output) = try Self.verify(["--json", "--claim", "fig2.extrapolation-14b"], in: project.layout.root)
    #expect(status == 1)
    let report = try JSONDecoder().decode(LedgerReport.self, from: output)
    #expect(report.claims.map(\.status) == [.fail])
  }

  @Test func exitsTwoOnAnError() throws {
    let project = try ScratchProject()  // seed files but no database
    #expect(try Self.verify([], in: project.layout.root).status == 2)
    try ResultsDatabase.rebuild(seedDirectory: project.layout.seedDirectory, database: project.layout.databaseURL)
    #expect(try Self.verify(["--claim", "fig9.nope"], in: project.layout.root).status == 2)
  }
}
