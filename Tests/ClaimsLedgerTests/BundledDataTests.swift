import Foundation
import ExperimentRegistry
import PaperAnalysis
import ResultValues
import ResultsStore
import ScalingLaw
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

  /// The ledger decides on the fits the committed figures computed (their `fits.json`), which
  /// are exactly what the figures' own call computes from the database; it reads them rather
  /// than fitting again (a changed bootstrap refit moves its interval); and Figure 4's groups are its own.
  @Test func theLedgerReadsTheFiguresFits() throws {
    let inputs = try Bundled.inputs()
    let figures = try FigureResults.load(figuresDirectory: Bundled.layout.figuresDirectory)
    #expect(figures.fits.keys.sorted() == FigureResults.fittingFigures.map(\.target).sorted())
    #expect(figures.fits["figure1"]?.path == "Figures/figure1/fits.json")
    #expect(figures.textShiftFits.keys.sorted() == ["figure3a", "mini-figure3a"])
    let computed = try FigureResults.computed(inputs, settings: .registered)
    for target in FigureResults.fittingFigures.map(\.target) {
      let (committed, mine) = (try #require(figures.fits[target]?.value), try #require(computed.fits[target]?.value))
      #expect(committed.count == mine.count, "\(target): every fit the figure writes")
      for (a, b) in zip(committed, mine) {
        #expect(a.observations == b.observations && a.results == b.results && a.variants == b.variants, "\(target) \(a.suite)")
        #expect(a.bootstrap == b.bootstrap, "\(target) \(a.suite): the committed bootstrap is the figure's call's")
        #expect(a.excludedSizes == b.excludedSizes && a.question == b.question, "\(target) \(a.suite)")
      }
    }
    let evidence = try Evidence(inputs: inputs, figures: figures, settings: .registered)
    #expect(evidence.isoCompute == figures.isoCompute?.value && evidence.isoCompute == computed.isoCompute?.value)
    #expect(try evidence.miniIsoCompute.get() == figures.miniIsoCompute?.value, "Mini Figure 4's groups are read and checked")
    #expect(evidence.ocr == figures.fits["figure3b"]?.value[0])
    #expect(evidence.holdout == figures.fits["figure2"]?.value[1], "Figure 2's hold-out fit")
    #expect(try evidence.miniPruMerge.get() == figures.fits["figure5"]?.value[1], "Figure 5's PruMerge-style fit")
    #expect(try evidence.mini.get().holdout == figures.fits["mini-figure2"]?.value[0])
    #expect(evidence.publishedExponents == figures.fits["figure1"]?.value[0].variants.first?.result)
    #expect(evidence.ocr.variants.map(\.variant) == [.authorsBox, .withoutFlaggedConfigurations])

    // Every refit agreeing with the deciding fit: the ledger's interval collapses onto it. (The
    // refits cannot be checked without refitting; repro verify warns when the figure is stale.)
    var agreeing = figures
    let ocr = try #require(agreeing.fits["figure3b"]?.value[0])
    agreeing.fits["figure3b"]?.value[0].bootstrap.laws = ocr.bootstrap.laws.map { _ in ocr.primary.law }
    let claim = try #require(
      try Ledger.verify(Evidence(inputs: inputs, figures: agreeing, settings: .registered), ids: ["fig3b.ocr-reversal"]).claims.first)
    let interval = try #require(claim.robustness?.bootstrap.intervals["beta"])
    #expect(interval == [ocr.primary.law.beta, ocr.primary.law.beta])
  }

  /// Fits that are not what the figure computes now are refused, naming the file and the fix: a
  /// figure that has not run, fitted other rows, used other settings, or whose numbers were edited.
  @Test func staleMissingOrEditedFitsAreRefused() throws {
    let inputs = try Bundled.inputs()
    let figures = try FigureResults.load(figuresDirectory: Bundled.layout.figuresDirectory)
    func refusal(_ edit: (inout FigureResults) -> Void) -> (any Error)? {
      var edited = figures
      edit(&edited)
      do {
        _ = try Evidence(inputs: inputs, figures: edited, settings: .registered)
        return nil
      } catch {
        return error
      }
    }
    func says(_ text: String, _ edit: (inout FigureResults) -> Void) -> Bool {
      refusal(edit).map { $0 is LedgerError && "\($0)".contains(text) } ?? false
    }
    #expect(refusal { $0.fits["figure1"] = nil } as? LedgerError == .figureMissing(
      path: "Figures/figure1/fits.json", target: "figure1", holding: "fit of visual-reasoning on N = 0.5, 1.8, 4, 7 B"))
    #expect(refusal { $0.fits["figure3b"]?.value[0].observations[3].Y += 0.01 } as? LedgerError
      == .figureDataDiffers(path: "Figures/figure3b/fits.json", suite: "ocr"))
    #expect(says("bootstrap of 200 resamples, seed 2") { $0.fits["figure2"]?.value[1].bootstrap.seed = 2 })
    #expect(says("other settings") { $0.fits["figure1"]?.value[0].results.removeLast() })
    // The variants are the registered ones that apply, each checked like the fits.
    #expect(says("variants [authors-box], registered and applicable [authors-box, without-flagged]") {
      $0.fits["figure3b"]?.value[0].variants.removeLast()
    })
    #expect(says("least-squares, the authors' box") { $0.fits["figure3b"]?.value[0].variants[0].result.law.alpha += 1e-3 })
    #expect(says("α = 0.077 and β = 0.015 fixed") { $0.fits["figure1"]?.value[0].variants[0].result.law.a *= 1.01 })
    // A miniature fit bootstrapped over its cells where the database has the questions behind them.
    #expect(says("a bootstrap over the cells, where the database has the 20 cells") {
      $0.fits["mini-figure1"]?.value[0].bootstrap.resampled = "the cells"
    })
    guard case .figureFitInconsistent(let path, let method, _, _) = refusal({ $0.fits["figure3b"]?.value[0].results[1].law.beta += 1e-6 }) as? LedgerError else {
      Issue.record("an edited β was accepted")
      return
    }
    #expect(path == "Figures/figure3b/fits.json" && method == "least-squares")
    #expect(refusal { _ in } == nil, "the committed figures are accepted")
    // A miniature figure is held to the same: only a grid the database lacks leaves twins unverifiable.
    #expect(says("Figures/mini-figure3b/fits.json holds no fit of mini-ocr") { $0.fits["mini-figure3b"] = nil })

    // Figure 4's groups are counted again from the database (counting, not fitting): edited ones are refused.
    #expect(refusal { $0.isoCompute?.value.comparisons[0].groupsWonByBiggerN -= 1 } as? LedgerError
      == .figureGroupsDisagree(path: "Figures/figure4/summary.json"))
    #expect(refusal { $0.miniIsoCompute?.value.comparisons[2].groupsWonByBiggerN += 1 } as? LedgerError
      == .figureGroupsDisagree(path: "Figures/mini-figure4/summary.json"))
    // Figure 3a must draw the fit its claims are decided on (Figure 1's).
    #expect(says("Figures/figure3a/summary.json was computed with other settings") { $0.textShiftFits["figure3a"]?.value.alpha += 0.01 })
    #expect(says("Figures/mini-figure3a/summary.json") { $0.textShiftFits["mini-figure3a"]?.value.beta *= 2 })
    #expect(refusal { $0.isoCompute = nil } as? LedgerError == .figureMissing(
      path: "Figures/figure4/summary.json", target: "figure4", holding: "iso-compute groups"))
  }

  /// A setting changed in a test registration moves the figure and the ledger together: the fits
  /// the figure's call makes under it are the ones the verdict reads, and figures made under the
  /// registered settings are refused as made otherwise.
  @Test func aChangedRegistrationMovesFigureAndLedgerTogether() throws {
    let inputs = try Bundled.inputs()
    var settings = LedgerSettings.registered
    settings.figure3b.fit.bounds = .paper
    settings.figure3b.variants = [.withoutFlaggedConfigurations]
    let figures = try FigureResults.computed(inputs, settings: settings)
    let evidence = try Evidence(inputs: inputs, figures: figures, settings: settings)
    let figure = try #require(figures.fits["figure3b"]?.value[0])
    #expect(evidence.ocr.primary.law == figure.primary.law)
    #expect(figure.primary.bounds == .paper && figure.primary.law.beta == 0.05, "the authors' box stops β at 0.05")
    let claim = try #require(try Ledger.verify(evidence, ids: ["fig3b.ocr-reversal"]).claims.first)
    #expect(claim.quantities["beta"] == figure.primary.law.beta)

    let committed = try FigureResults.load(figuresDirectory: Bundled.layout.figuresDirectory)
    let error = try #require(throws: LedgerError.self) { try Evidence(inputs: inputs, figures: committed, settings: settings) }
    #expect("\(error)".contains("Figures/figure3b/fits.json was computed with other settings than its registration (another box than paper)"))
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
    // Without the figures' fits there is nothing to decide on: an error that says to run them.
    #expect(try Self.verify(["--json"], in: project.layout.root).status == 2)
    try project.copyFigureResults()
    let (status, output) = try Self.verify(["--json"], in: project.layout.root)
    #expect(status == 0)
    let report = try JSONDecoder().decode(LedgerReport.self, from: output)
    #expect(report.claims.count == 14)
    // The scratch project has no cost summaries: the cost claim cannot be checked there, and says so.
    #expect(report.counts["unverifiable"] == 3 && report.counts["fail"] == 0)
    let cost = try #require(report.claims.first { $0.id == "cost.linear-in-tokens" })
    #expect(cost.status == .unverifiable && cost.explanation.contains("./repro figure inference-cost"))
  }

  @Test func exitsOneWhenAClaimFails() throws {
    let project = try ScratchProject()
    let database = try project.ingest([(N: 14, V: 1, accuracy: 0.3), (N: 14, V: 576, accuracy: 0.3)])
    // Figure 2's fit on 0.5–7 B is the same with the 14 B rows in the database: still accepted.
    try project.copyFigureResults()
    #expect(try Self.verify(["--json"], in: project.layout.root).status == 2, "Figure 4's groups now miss the 14 B rows")
    // Figure 4 as `./repro all` redraws it after the ingest.
    let groups = try IsoComputeFigureSummary(Experiment.figure4Settings) { try database.observations(suite: $0) }
    try JSONEncoder().encode(groups).write(to: project.layout.figuresDirectory.appendingPathComponent("figure4/summary.json"))
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
