import ComputeFrontier
import Testing

@Suite("Linear cost fit")
struct LinearCostFitTests {
  @Test func recoversAnExactLine() throws {
    let x: [Double] = [1e9, 2e9, 5e9, 1e10]
    let fit = try LinearCostFit(flops: x, seconds: x.map { 2e-11 * $0 + 0.003 })
    #expect(abs(fit.secondsPerFLOP - 2e-11) < 1e-20)
    #expect(abs(fit.overheadSeconds - 0.003) < 1e-12)
    #expect(abs(fit.rSquared - 1) < 1e-12)
    #expect(abs(fit.effectiveGFLOPPerSecond - 50) < 1e-9)
    #expect(abs(fit.predictedSeconds(flops: 3e9) - 0.063) < 1e-12)
  }

  @Test func rSquaredMatchesItsDefinition() throws {
    let x: [Double] = [1, 2, 3, 4]
    let y: [Double] = [1, 3, 2, 5]
    let fit = try LinearCostFit(flops: x, seconds: y)
    // Least squares by hand: slope 1.1, intercept 0.0; SS_res = 2.7 and SS_tot = 8.75.
    #expect(abs(fit.secondsPerFLOP - 1.1) < 1e-12)
    #expect(abs(fit.overheadSeconds) < 1e-12)
    #expect(abs(fit.rSquared - (1 - 2.7 / 8.75)) < 1e-12)
  }

  @Test func rejectsDataWithoutALine() {
    #expect(throws: CostFitError.tooFewPoints(2)) { try LinearCostFit(flops: [1, 2], seconds: [1, 2]) }
    #expect(throws: CostFitError.constantFLOPs) { try LinearCostFit(flops: [3, 3, 3], seconds: [1, 2, 3]) }
    #expect(throws: CostFitError.nonFinite) { try LinearCostFit(flops: [1, 2, .nan], seconds: [1, 2, 3]) }
  }

  @Test func linearityIsJudgedAtTheClaimsThreshold() throws {
    #expect(LinearCostFit.linearityThreshold == 0.95)
    #expect(try LinearCostFit(flops: [1, 2, 3, 4], seconds: [1, 2, 3, 4.1]).isLinear)
    // R² = 1 − 2.7 / 8.75 ≈ 0.69 (see rSquaredMatchesItsDefinition).
    #expect(try !LinearCostFit(flops: [1, 2, 3, 4], seconds: [1, 3, 2, 5]).isLinear)
  }
}
