import ParallelMap
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
/// A point's SSE is summed over the observations in order, `Σ (a·x_k + (D − y_k))²`.
///
/// Method: for fixed (α, β) the SSE is a quadratic in (a, D) whose coefficients are a few sums
/// over the observations, so every grid point is *screened* at the cost of a handful of
/// operations instead of a pass over all observations — the 10⁴ exponent pairs, not the 5·10⁶
/// points, carry the work. The quadratic and the summed SSE differ only by rounding (bounded by
/// ``screeningMargin``), so every point the screen places within that margin of the best is
/// then summed exactly as above, and the best of those is the answer the exhaustive summed search
/// gives.
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

  /// How far, relative to the size of the quadratic's terms, the screened SSE of a point may be
  /// from its summed SSE: rounding of a few dozen operations on terms of that size is below
  /// 1e-14 of it; the margin is 10⁴ times wider.
  static let screeningMargin = 1e-10

  public func fit(_ problem: FitProblem) throws(FitError) -> FitResult {
    _ = try grid.bounds.validated()
    let (aValues, alphaValues, betaValues, dValues) = (grid.a, grid.alpha, grid.beta, grid.D)
    let n = problem.count
    let (na, nal, nb, nd) = (aValues.count, alphaValues.count, betaValues.count, dValues.count)
    // Powers depend on one exponent each: precompute them instead of 2 pows per grid point.
    let tPowers = betaValues.map { beta in problem.T.map { Double.pow($0, -beta) } }
    let constants = ReducedObjective.Constants(problem)
    @Sendable func quadratic(_ a: Double, _ D: Double, _ s: SIMD3<Double>) -> Double {
      ReducedObjective.quadratic(a, D, ReducedObjective.Sums(x: s.x, xx: s.y, xy: s.z), constants)
    }
    // The quadratic's terms are at most this large (|a|, |D| at their bounds' largest magnitude):
    // the scale the screening margin is relative to.
    let aMax = aValues.map(abs).max() ?? 0, dMax = dValues.map(abs).max() ?? 0

    // The D grid is evenly spaced, so for each a the quadratic's (convex) minimum over it is at
    // one of the two grid values around its continuous minimiser D* = (Σy − a·Σx)/n.
    let dLow = dValues[0], dStep = nd > 1 ? (dValues[nd - 1] - dValues[0]) / Double(nd - 1) : 0

    /// For one α: each β's sums Σx, Σx², Σxy, with x_k = N_k^-α·T_k^-β, the screened minimum over
    /// its (a, D) points, and the size of the quadratic's terms (the margin's scale).
    let screened = parallelMap(nal) { i -> (sums: [SIMD3<Double>], minima: [Double], scale: Double) in
      let nPowers = problem.N.map { Double.pow($0, -alphaValues[i]) }
      var sums = [SIMD3<Double>](repeating: .zero, count: nb)
      var minima = [Double](repeating: .infinity, count: nb)
      var scale = 0.0
      for j in 0..<nb {
        var s = SIMD3<Double>.zero
        for k in 0..<n {
          let x = nPowers[k] * tPowers[j][k]
          s += SIMD3(x, x * x, x * problem.Y[k])
        }
        sums[j] = s
        scale = max(
          scale,
          aMax * aMax * s.y + 2 * aMax * dMax * abs(s.x) + constants.n * dMax * dMax + 2 * aMax * abs(s.z)
            + 2 * dMax * abs(constants.y) + constants.yy)
        var minimum = Double.infinity
        for a in aValues {
          // Clamped as a Double first: a zero-width or tiny D step must not overflow Int.
          let position = ((constants.y - a * s.x) / constants.n - dLow) / dStep
          let below = nd > 1 && position.isFinite ? Int(min(max(position, 0), Double(nd - 2))) : 0
          for d in below...min(below + 1, nd - 1) {
            minimum = min(minimum, quadratic(a, dValues[d], s))
          }
        }
        minima[j] = minimum
      }
      return (sums, minima, scale)
    }
    let minimum = screened.map { $0.minima.min() ?? .infinity }.min() ?? .infinity
    let threshold = minimum + Self.screeningMargin * (screened.map(\.scale).max() ?? 0)

    // Every point the screen cannot tell from the best is summed exactly, in the search's order.
    let perAlpha = parallelMap(nal) { i -> Best in
      var best = Best()
      guard screened[i].minima.contains(where: { $0 <= threshold }) else { return best }
      let nPowers = problem.N.map { Double.pow($0, -alphaValues[i]) }
      for j in 0..<nb where screened[i].minima[j] <= threshold {
        let s = screened[i].sums[j]
        for m in 0..<na {
          for d in 0..<nd where quadratic(aValues[m], dValues[d], s) <= threshold {
            var sse = 0.0
            for k in 0..<n {
              let r = aValues[m] * (nPowers[k] * tPowers[j][k]) + (dValues[d] - problem.Y[k])
              sse += r * r
            }
            best.offer(sse: sse, index: ((m * nal + i) * nb + j) * nd + d)
          }
        }
      }
      return best
    }
    var best = Best()
    for candidate in perAlpha { best.offer(sse: candidate.sse, index: candidate.index) }

    let d = best.index % nd
    let j = (best.index / nd) % nb
    let i = (best.index / (nd * nb)) % nal
    let m = best.index / (nd * nb * nal)
    let law = ScalingLaw(a: aValues[m], alpha: alphaValues[i], beta: betaValues[j], D: dValues[d])
    let sse = problem.sse(law)
    return FitResult(
      method: .paperGrid, law: law, sse: sse, objective: sse, observationCount: n, totalSumOfSquares: problem.totalSumOfSquares,
      convention: problem.convention, bounds: grid.bounds,
      parametersAtBounds: FitResult.parametersAtBounds(law, grid.bounds),
      convergence: Convergence(
        converged: true, iterations: grid.size, starts: 1, startsAgreeing: 1,
        criterion: "exhaustive: all \(grid.size) grid points visited"))
  }
}
