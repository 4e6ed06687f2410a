import Foundation
import ResultValues
import ScalingLaw
import ScalingLawFit
import Testing

/// The values experiments write and the ledger reads: computed as documented, and read back
/// exactly as written (one type for writer and reader).
@Suite("Result values")
struct ResultValuesTests {
  @Test("the three optimal-V computations agree")
  func optimalTokens() {
    let law = ScalingLaw(a: 0.59, alpha: 0.0709, beta: 0.0151, D: 0)
    let atQ50 = OptimalTokens(law: law, Q: 50)
    #expect(abs(atQ50.numeric - atQ50.closedForm) < 1e-5)
    #expect(atQ50.grid == 16)
    #expect(OptimalTokens(law: law, Q: 0).numeric == 1)
  }

  @Test("a fit summary's JSON has the documented keys")
  func fitSummaryKeys() throws {
    let observations = [0.5, 1.8, 4, 7].flatMap { N in [1.0, 4, 16, 36].map { V in
      Observation(N: N, V: V, Y: 0.6 * pow(N, -0.08) * pow(V, -0.02) + 0.01) } }
    let result = try LeastSquaresFit().fit(FitProblem(observations))
    let resamples = Bootstrap(resamples: 8, seed: 3).run(try FitProblem(observations), fitter: LeastSquaresFit())
    let summary = FitSummary(suite: "visual-reasoning", result: result, question: .paper, bootstrap: resamples)
    let object = try #require(JSONSerialization.jsonObject(with: JSONEncoder().encode(summary)) as? [String: Any])
    for key in ["suite", "method", "a", "alpha", "beta", "D", "sse"] { #expect(object[key] != nil, "missing \(key)") }
    #expect(object["method"] as? String == "least-squares")
    let intervals = try #require((object["bootstrap"] as? [String: Any])?["intervals"] as? [String: [Double]])
    #expect(Set(intervals.keys) == ["a", "alpha", "beta", "D", "optimalVAtQuestion"])
  }

  /// Issue 9: the summary's optimum was always read at the paper's Q = 50 over V in 1…576, so a
  /// miniature suite (questions of 4 tokens, 144 patches) reported V* = 576, a token count its
  /// model does not have. It is read at the question the fit registers.
  @Test("a fit summary reads its optimum at its own question")
  func optimumAtTheRegisteredQuestion() throws {
    let observations = [0.5, 1.8, 4, 7].flatMap { N in [1.0, 4, 16, 36].map { V in
      Observation(N: N, V: V, Y: 0.3 * pow(N, -0.02) * pow(V, -0.08) + 0.01) } }
    let result = try LeastSquaresFit().fit(FitProblem(observations))
    #expect(result.law.beta > result.law.alpha, "β > α: the optimum runs to the top of the range")
    let paper = FitSummary(suite: "s", result: result, question: .paper)
    let miniature = FitSummary(suite: "s", result: result, question: QuestionSetting(tokens: 4, visualTokenRange: 1...144))
    #expect(paper.optimalVAtQuestion == 576)
    #expect(miniature.optimalVAtQuestion == 144)
    #expect(miniature.question.tokens == 4)
  }

  @Test("summaries read back exactly as written, so the ledger sees the figure's numbers")
  func summariesRoundTrip() throws {
    let observations = [0.5, 1.8, 4, 7].flatMap { N in [1.0, 4, 16, 36].map { V in
      Observation(N: N, V: V, Y: 0.6 * pow(N, -0.08) * pow(V, -0.02) + 0.01) } }
    let result = try LeastSquaresFit().fit(FitProblem(observations))
    let figure = FitFigureSummary(
      fit: FitSummary(suite: "visual-reasoning", result: result, question: .paper), optimalTokens: [0, 50].map { OptimalTokens(law: result.law, Q: $0) })
    #expect(try JSONDecoder().decode(FitFigureSummary.self, from: JSONEncoder().encode(figure)) == figure)
    let cost = InferenceCostSummary(
      claim: "cost.linear-in-tokens", holds: true, rSquared: 0.99, rSquaredThreshold: 0.95, secondsPerFLOP: 1e-10,
      overheadSeconds: 1e-3, effectiveGFLOPPerSecond: 10, endToEndRSquared: 0.9,
      bootstrap: CostFitBootstrap(flops: [1, 2, 3, 4], seconds: [1, 2.1, 2.9, 4.2], bootstrap: Bootstrap(resamples: 20, seed: 1)),
      findings: ["f"], planKey: "plan",
      engineFingerprint: "e", machine: Machine(cpuModel: "cpu", cores: 2, operatingSystem: "os", blas: "blas"),
      sweepWallSeconds: 1, loadAverage: 2,
      points: [.init(model: "1m", parameterCount: 1_000_000, V: 1, Q: 0, paperFLOPs: 2e6, flops: ["prefill": 2_000_000], seconds: ["prefill": 1e-3])])
    let json = try JSONEncoder().encode(cost)
    #expect(try JSONDecoder().decode(InferenceCostSummary.self, from: json) == cost)
    // The parameter count keeps its JSON key `N` (the committed summaries' spelling).
    let point = try #require(((JSONSerialization.jsonObject(with: json) as? [String: Any])?["points"] as? [[String: Any]])?.first)
    #expect(point["N"] as? Int == 1_000_000 && point["parameterCount"] == nil)
  }
}
