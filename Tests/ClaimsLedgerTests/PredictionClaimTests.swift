import ResultsStore
import ScalingLaw
import ScalingLawFit
import Testing

@testable import ClaimsLedger

/// Figure 2's claims: the 7 B hold-out analog and the 14 B extrapolation.
@Suite struct PredictionClaimTests {
  @Test func holdoutPassesWhenTheLawHoldsAndFailsWhen7BIsOffBy5Percent() throws {
    let exact = try HandMade.result("fig2.holdout-7b", HandMade.inputs())
    #expect(exact.status == .pass)
    #expect(exact.quantities["maxRelativeError"]! < 1e-6)

    var inputs = HandMade.inputs()
    inputs.visualReasoning.observations = inputs.visualReasoning.observations.map {
      $0.N == 7 ? Observation(N: $0.N, V: $0.V, Y: $0.Y * 1.05) : $0
    }
    let off = try HandMade.result("fig2.holdout-7b", inputs)
    #expect(off.status == .fail)
    #expect(abs(off.quantities["maxRelativeError"]! - 0.05 / 1.05) < 1e-6)
  }

  @Test func extrapolationIsUnverifiableWithout14BRows() throws {
    let handMade = try HandMade.result("fig2.extrapolation-14b", HandMade.inputs())
    #expect(handMade.status == .unverifiable)
    #expect(handMade.robustness == nil && handMade.quantities.isEmpty)
    #expect(handMade.explanation.contains("not published"))
    let bundled = try HandMade.result("fig2.extrapolation-14b", Bundled.inputs())
    #expect(bundled.status == .unverifiable)
  }

  /// 14 B rows in `paper-artifacts/ingested/` of a scratch project, `offset` accuracy points
  /// away from the law fitted on the bundled 0.5–7 B grid.
  static func extrapolation(offset: Double) throws -> ClaimResult {
    let project = try ScratchProject()
    let bundled = try Bundled.inputs().visualReasoning.observations
    let law = try LeastSquaresFit().fit(FitProblem(bundled)).law
    let rows = [1, 16, 144, 576].map { V in (N: 14.0, V: V, accuracy: 1 - law.error(N: 14, T: Double(V)) + offset) }
    let database = try project.ingest(rows)
    let inputs = try LedgerInputs(database: database, inferenceCost: nil)
    #expect(inputs.visualReasoning.observations.filter { $0.N == 14 }.count == 4)
    #expect(inputs.visualReasoning.sources.last == "ingested/qwen14b.csv")
    return try HandMade.result("fig2.extrapolation-14b", inputs)
  }

  @Test func extrapolationPassesOnceIngested14BRowsMatchTheLaw() throws {
    let result = try Self.extrapolation(offset: 0.001)
    #expect(result.status == .pass)
    #expect(result.quantities["maxRelativeError"]! < 0.01)
    #expect(result.value.contains("4 points"))
  }

  @Test func extrapolationFailsOnceIngested14BRowsMissTheLaw() throws {
    let result = try Self.extrapolation(offset: -0.03)
    #expect(result.status == .fail)
    #expect(result.quantities["maxRelativeError"]! > 0.05)
  }
}
