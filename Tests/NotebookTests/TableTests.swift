import Foundation
import Notebook
import ResultValues
import ScalingLaw
import ScalingLawFit
import Testing

@Suite("Tables and summaries")
struct TableTests {
  @Test("CSV cells: whole numbers without a decimal point, others at full precision, text quoted when needed")
  func csvCells() {
    let table = CSVTable(columns: ["N", "note"], rows: [[7, "plain"], [.number(0.1 + 0.2), "has, comma"], [1e20, "say \"hi\""]])
    #expect(table.text == "N,note\n7,plain\n0.30000000000000004,\"has, comma\"\n1e+20,\"say \"\"hi\"\"\"\n")
  }

  @Test("the fit table holds FLOPs per Q, error, fit and residual")
  func fitTable() {
    let law = ScalingLaw(a: 0.5, alpha: 0.1, beta: 0.02, D: 0.05)
    let table = FitTable(observations: [Observation(N: 2, V: 16, Y: 0.5)], law: law, Q: [0, 50]).csv
    #expect(table.columns == ["N_billion", "V", "gflops_Q0", "gflops_Q50", "error", "fitted_error", "residual"])
    let fitted = law.error(N: 2, T: 16)
    #expect(table.rows == [[2, 16, 64, 264, .number(0.5), .number(fitted), .number(0.5 - fitted)]])
  }

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
    let summary = FitSummary(suite: "visual-reasoning", result: result, bootstrap: resamples)
    let object = try #require(JSONSerialization.jsonObject(with: JSONEncoder().encode(summary)) as? [String: Any])
    for key in ["suite", "method", "a", "alpha", "beta", "D", "sse"] { #expect(object[key] != nil, "missing \(key)") }
    #expect(object["method"] as? String == "least-squares")
    let intervals = try #require((object["bootstrap"] as? [String: Any])?["intervals"] as? [String: [Double]])
    #expect(Set(intervals.keys) == ["a", "alpha", "beta", "D", "optimalVAtQ50"])
  }
}
