import ComputeFrontier
import RealModule
import ScalingLaw
import Testing

@Suite("Compute-optimal frontier")
struct ComputeFrontierTests {
  let law = ScalingLaw(a: 0.59, alpha: 0.077, beta: 0.015, D: 0.01)

  @Test("FLOPs follow 2·N·(Q+V)")
  func flops() {
    #expect(InferenceCompute.gflops(NBillion: 7, Q: 50, V: 14) == 896)
    #expect(InferenceCompute.parametersBillion(forBudgetGFLOP: 896, Q: 50, V: 14) == 7)
  }

  @Test("numeric optimum equals the closed form β·Q/(α−β)", arguments: [10.0, 50, 100, 200])
  func numericEqualsClosedForm(Q: Double) {
    let frontier = ComputeFrontier(law: law, Q: Q)
    let expected = law.beta * Q / (law.alpha - law.beta)
    #expect(frontier.closedFormOptimalV.isApproximatelyEqual(to: min(max(expected, 1), 576), relativeTolerance: 1e-12))
    for budget in [10.0, 1e3, 1e5] {
      let numeric = frontier.optimum(budget: budget)
      #expect(numeric.V.isApproximatelyEqual(to: frontier.closedFormOptimalV, relativeTolerance: 1e-6))
      #expect(InferenceCompute.gflops(NBillion: numeric.N, Q: Q, V: numeric.V).isApproximatelyEqual(to: budget, relativeTolerance: 1e-12))
    }
  }

  @Test("at Q = 0 the fewest visual tokens win when α > β")
  func qZeroPicksMinimum() {
    let frontier = ComputeFrontier(law: law, Q: 0)
    #expect(frontier.optimum(budget: 100).V == 1)
    #expect(frontier.optimum(budget: 100, among: [1, 4, 16, 36, 64, 144, 576]).V == 1)
  }

  @Test("when β > α the most visual tokens win")
  func ocrLikeReversal() {
    let ocr = ScalingLaw(a: 0.9, alpha: 0.028, beta: 0.039, D: 0)
    let frontier = ComputeFrontier(law: ocr, Q: 50)
    #expect(frontier.closedFormOptimalV == 576)
    #expect(frontier.optimum(budget: 5000).V.isApproximatelyEqual(to: 576, relativeTolerance: 1e-9))
  }

  @Test("the discrete optimum is the best grid V")
  func discreteOptimum() {
    let frontier = ComputeFrontier(law: law, Q: 50)
    let grid: [Double] = [1, 4, 16, 36, 64, 144, 576]
    let best = frontier.optimum(budget: 1000, among: grid)
    for V in grid { #expect(best.error <= frontier.error(budget: 1000, V: V)) }
    #expect(best.V == 16)
  }

  @Test("the frontier spans the requested LLM sizes at the optimal V")
  func frontierCurve() {
    let points = ComputeFrontier(law: law, Q: 50).frontier(overN: 0.3...20, count: 16)
    #expect(points.count == 16)
    #expect(points.first!.N.isApproximatelyEqual(to: 0.3, relativeTolerance: 1e-6))
    #expect(points.last!.N.isApproximatelyEqual(to: 20, relativeTolerance: 1e-6))
    #expect(zip(points, points.dropFirst()).allSatisfy { $0.budget < $1.budget && $0.error > $1.error })
  }
}
