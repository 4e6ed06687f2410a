import RealModule
import ScalingLaw

/// The authors' brute-force fit, done exhaustively and deterministically.
///
/// Objective: the plain sum of squared errors on Y. The authors visited their 5,000,000-point grid
/// in an unseeded shuffled order and stopped after 20 %, so their α, β cannot be reproduced
/// exactly; this search visits **every** point and returns the true optimum of their grid.
///
/// Guarantees: the result is a grid point; among points with equal SSE the one with the smallest
/// index in `(a, α, β, D)` lexicographic order wins, so the answer does not depend on thread count.
/// Work is split over α across all cores; each point's SSE is summed over observations in order.
public struct PaperGridSearch: Sendable {
  public var grid: ParameterGrid

  public init(grid: ParameterGrid = .paper) {
    self.grid = grid
  }

  /// The best grid point's flat index and SSE (as summed by the search).
  struct Best: Sendable {
    var sse = Double.infinity
    var index = Int.max

    mutating func offer(sse: Double, index: Int) {
      if sse < self.sse || (sse == self.sse && index < self.index) {
        self.sse = sse
        self.index = index
      }
    }
  }

  public func fit(_ problem: FitProblem) throws(FitError) -> FitResult {
    _ = try grid.bounds.validated()
    let (aValues, alphaValues, betaValues, dValues) = (grid.a, grid.alpha, grid.beta, grid.D)
    let n = problem.count
    // Powers depend on one exponent each: precompute them instead of 2 pows per grid point.
    let tPowers = betaValues.map { beta in problem.T.map { Double.pow($0, -beta) } }
    let residualOffsets = dValues.map { D in problem.Y.map { D - $0 } }
    let lanes = 8
    let aChunks = stride(from: 0, to: aValues.count, by: lanes).map { start in
      SIMD8<Double>((0..<lanes).map { aValues[min(start + $0, aValues.count - 1)] })
    }
    let (na, nb, nd) = (aValues.count, betaValues.count, dValues.count)

    let perAlpha = parallelMap(alphaValues.count) { i -> Best in
      var best = Best()
      let nPowers = problem.N.map { Double.pow($0, -alphaValues[i]) }
      var x = [Double](repeating: 0, count: n)
      for j in 0..<nb {
        for k in 0..<n { x[k] = nPowers[k] * tPowers[j][k] }
        for d in 0..<nd {
          let c = residualOffsets[d]
          for (chunk, a) in aChunks.enumerated() {
            var sse = SIMD8<Double>()
            for k in 0..<n {
              let r = a * x[k] + c[k]
              sse += r * r
            }
            for lane in 0..<lanes where chunk * lanes + lane < na {
              let m = chunk * lanes + lane
              best.offer(sse: sse[lane], index: ((m * alphaValues.count + i) * nb + j) * nd + d)
            }
          }
        }
      }
      return best
    }
    var best = Best()
    for candidate in perAlpha { best.offer(sse: candidate.sse, index: candidate.index) }

    let d = best.index % nd
    let j = (best.index / nd) % nb
    let i = (best.index / (nd * nb)) % alphaValues.count
    let m = best.index / (nd * nb * alphaValues.count)
    let law = ScalingLaw(a: aValues[m], alpha: alphaValues[i], beta: betaValues[j], D: dValues[d])
    let sse = problem.sse(law)
    return FitResult(
      method: .paperGrid, law: law, sse: sse, objective: sse, observationCount: n,
      convention: problem.convention, bounds: grid.bounds,
      parametersAtBounds: FitResult.parametersAtBounds(law, grid.bounds),
      convergence: Convergence(
        converged: true, iterations: grid.size, starts: 1, startsAgreeing: 1,
        criterion: "exhaustive: all \(grid.size) grid points visited"))
  }
}
