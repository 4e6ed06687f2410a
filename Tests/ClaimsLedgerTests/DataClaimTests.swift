import ResultsStore
import ScalingLaw
import Testing

@testable import ClaimsLedger

/// Data issues built by hand.
enum DataIssueFixture {
  static func issue(suite: SuiteID, N: Double, V: Int) -> DataIssue {
    DataIssue(suite: suite, source: "hand-made", N: N, V: V, description: "\(N)B@\(V) is suspicious")
  }
}

/// The claims about the data itself and about Table 1, and the data warnings.
@Suite struct DataClaimTests {
  /// The hand-made inputs with 7 B@144 of the visual-reasoning grid below 4 B@144.
  static func withDip(issues: [DataIssue] = []) -> LedgerInputs {
    var inputs = HandMade.inputs(issues: issues)
    let observations = inputs.visualReasoning.observations
    let fourB = observations.first { $0.N == 4 && $0.V == 144 }!
    inputs.visualReasoning.observations = observations.map {
      $0.N == 7 && $0.V == 144 ? Observation(N: 7, V: 144, Y: fourB.Y + 0.001) : $0
    }
    return inputs
  }

  @Test func monotoneGridsPassAndAnUnrecordedDipFails() throws {
    let clean = try HandMade.result("data.monotone", HandMade.inputs())
    #expect(clean.status == .pass)
    #expect(clean.quantities["exceptions:visual-reasoning"] == 0)
    let dip = try HandMade.result("data.monotone", Self.withDip())
    #expect(dip.status == .fail)
    // 7 B@144 is now worse than 4 B@144 (along N) and than 7 B@64 (along V).
    #expect(dip.quantities["exceptions:visual-reasoning"] == 2)
    #expect(dip.explanation.contains("4 B@144") && dip.explanation.contains("7 B@64"))
  }

  @Test func aDipARecordedIssueNamesPasses() throws {
    let recorded = try HandMade.result("data.monotone", Self.withDip(issues: [DataIssueFixture.issue(suite: .visualReasoning, N: 7, V: 144)]))
    #expect(recorded.status == .pass)
    // An issue about the other suite does not excuse it.
    let elsewhere = try HandMade.result("data.monotone", Self.withDip(issues: [DataIssueFixture.issue(suite: .ocr, N: 7, V: 144)]))
    #expect(elsewhere.status == .fail)
  }

  /// Issue 14, item 8: each problem is warned about once. A copied value (7 B@576 = 4 B@576)
  /// is a dip along N and a duplicate; unrecorded, both are warnings, with their source; once a
  /// recorded issue names it, the recorded issue is the one warning.
  @Test func warningsNameEachProblemOnceWithItsSource() throws {
    func inputs(_ issues: [DataIssue]) -> LedgerInputs {
      var inputs = HandMade.inputs(issues: issues)
      let observations = inputs.ocr.observations
      let fourB = observations.first { $0.N == 4 && $0.V == 576 }!
      inputs.ocr = Grid(
        suite: .ocr, observations: observations.map { $0.N == 7 && $0.V == 576 ? Observation(N: 7, V: 576, Y: fourB.Y) : $0 },
        source: "ocr.csv")
      return inputs
    }
    let unrecorded = DataChecks.warnings(inputs([]))
    #expect(unrecorded.map(\.kind) == [.notMonotone, .duplicateValue])
    #expect(unrecorded.map(\.source) == ["ocr.csv", "ocr.csv"])
    #expect(unrecorded[0].message.contains("4 B@576") && !unrecorded[0].message.contains("(a recorded data issue)"))
    #expect(unrecorded[1].message.hasPrefix("4 B@576 and 7 B@576 have the identical accuracy"))
    let recorded = DataChecks.warnings(inputs([DataIssueFixture.issue(suite: .ocr, N: 7, V: 576)]))
    #expect(recorded.map(\.kind) == [.recordedIssue])
    #expect(recorded.map(\.source) == ["hand-made"])
  }

  @Test func bundledOCRExceptionsAreTheRecordedOnes() throws {
    let inputs = try Bundled.inputs()
    let exceptions = DataChecks.exceptions(inputs.ocr, issues: inputs.issues(of: .ocr))
    #expect(exceptions.map { "\($0.upper.N)@\($0.upper.V)" } == ["7.0@144.0", "7.0@576.0"])
    #expect(exceptions.allSatisfy { $0.documented })
    #expect(DataChecks.exceptions(inputs.visualReasoning, issues: []).isEmpty)
    let warnings = DataChecks.warnings(inputs)
    // The OCR grid's three recorded issues, each once (they were six warnings).
    #expect(warnings.map(\.kind) == [.recordedIssue, .recordedIssue, .recordedIssue])
  }

  @Test func queccMustBeBestOnMostBenchmarksAt4And1Tokens() throws {
    let best = try HandMade.result("table1.quecc-extreme", HandMade.inputs())
    #expect(best.status == .pass)
    #expect(best.quantities == ["queccBestAt4": 4, "comparedAt4": 4, "queccBestAt1": 4, "comparedAt1": 4])
    #expect(best.robustness == nil)
    let tied = try HandMade.result("table1.quecc-extreme", HandMade.inputs(table1: Table1Data.entries(quecc: 59, others: 59)))
    #expect(tied.status == .pass)
    let worst = try HandMade.result("table1.quecc-extreme", HandMade.inputs(table1: Table1Data.entries(quecc: 58, others: 59)))
    #expect(worst.status == .fail)
    #expect(worst.explanation.contains("GQA at 4 (TokenPacker)"))
  }

  @Test func queccOnHalfTheBenchmarksIsNotMost() throws {
    var entries = Table1Data.paperLike
    for index in entries.indices where entries[index].method == "QueCC" && entries[index].tokens == 1
      && ["GQA", "MMB"].contains(entries[index].benchmark.rawValue) {
      entries[index].value = 50
    }
    let half = try HandMade.result("table1.quecc-extreme", HandMade.inputs(table1: entries))
    #expect(half.status == .fail)
    #expect(half.quantities["queccBestAt1"] == 2 && half.quantities["queccBestAt4"] == 4)
  }

  @Test func biggerLLMWinsAtIsoComputeOnReasoningAndLosesOnOCR() throws {
    let paper = try HandMade.result("fig4.iso-compute", HandMade.inputs())
    #expect(paper.status == .pass)
    #expect(paper.quantities["reasoningShareAtQ0"] == 1 && paper.quantities["ocrShareAtQ0"]! < 0.2)
    let swapped = try HandMade.result("fig4.iso-compute", HandMade.inputs(reasoning: HandMade.ocrLike, ocr: HandMade.paperLike))
    #expect(swapped.status == .fail)
    #expect(swapped.quantities["reasoningShareAtQ0"]! < 0.2 && swapped.quantities["ocrShareAtQ0"] == 1)
  }
}
