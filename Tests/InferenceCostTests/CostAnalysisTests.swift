import Testing

@testable import InferenceCost

@Suite("Cost analysis")
struct CostAnalysisTests {
  @Test func linearTimingsPassTheClaim() throws {
    let analysis = try CostAnalysis(syntheticMeasurements { 1e-10 * $0 + 0.002 }, decodeSteps: 3)
    #expect(analysis.claimHolds)
    #expect(analysis.verdict.hasPrefix("cost.linear-in-tokens: PASS — R² = 1.0000"))
    #expect(analysis.models.map(\.name) == ["small", "large"])
    #expect(analysis.findings.contains { $0.contains("Every point is within 50 %") })
  }

  @Test func cubicTimingsFailAndSayWhere() throws {
    let analysis = try CostAnalysis(syntheticMeasurements { 1e-31 * $0 * $0 * $0 + 1e-4 }, decodeSteps: 3)
    #expect(!analysis.claimHolds)
    #expect(analysis.verdict.contains("FAIL"))
    let findings = analysis.findings.joined(separator: "\n")
    #expect(findings.contains("miss the line by more than 50 %"))
    #expect(findings.contains("vision encoder"))
    #expect(findings.contains("question pass"))
    #expect(findings.contains("going from V = 1 to V = 144 multiplies 2N(Q+V) by 144"))
    // The prefill FLOPs of the synthetic points are 1.1 × 2N(Q+V): a 10 % excess.
    #expect(findings.contains("by 10 % for small and 10 % for large"))
  }
}
