/// A least-squares objective Σ r_k(p)² over a box, as Levenberg–Marquardt needs to see it.
///
/// The paper's law (``LeastSquaresFit``) and every alternative functional form (the LawForms
/// module) are minimised by the same iteration, so they share one convergence test and one
/// meaning of "converged".
public protocol BoxedLeastSquares {
  /// The box, one range per parameter.
  var ranges: [ClosedRange<Double>] { get }
  /// Σ r_k(p)².
  func sumOfSquares(_ p: [Double]) -> Double
  /// JᵀJ and Jᵀr at `p` (Jacobian J of the residuals r): the Gauss–Newton normal equations.
  func normalEquations(_ p: [Double]) -> (jtj: [[Double]], jtr: [Double])
  /// An SSE at rounding level of the data (1e-14·Σy²), below which a fit of exact data counts
  /// as converged.
  var roundingFloor: Double { get }
}

/// Levenberg–Marquardt with box constraints by active set and projection.
///
/// Convergence means the projected gradient of the SSE, scaled by each parameter's bound width,
/// fell below `1e-10 × SSE` (plus the rounding floor), or that no damped step can lower the SSE
/// any more while the gradient is below `1e-6 × SSE` or Gauss–Newton predicts a decrease below
/// `1e-12 × SSE`. Anything else is reported as not converged, with the reason.
public struct BoxedLevenbergMarquardt: Sendable {
  public var maxIterations: Int

  public init(maxIterations: Int) {
    self.maxIterations = maxIterations
  }

  public struct Outcome: Sendable {
    public var parameters: [Double]
    public var sse: Double
    public var iterations: Int
    public var converged: Bool
    public var criterion: String
  }

  public func minimize(_ objective: some BoxedLeastSquares, from start: [Double]) -> Outcome {
    let ranges = objective.ranges
    let k = ranges.count
    var p = start
    var sse = objective.sumOfSquares(p)
    var lambda = 1e-3
    let roundingFloor = objective.roundingFloor
    for iteration in 0...maxIterations {
      let (jtj, g) = objective.normalEquations(p)
      // A parameter on a bound whose gradient pushes outward is held fixed this iteration.
      let free = (0..<k).filter { j in
        let width = ranges[j].upperBound - ranges[j].lowerBound
        let atLower = p[j] <= ranges[j].lowerBound + 1e-15 * max(1, width)
        let atUpper = p[j] >= ranges[j].upperBound - 1e-15 * max(1, width)
        return !((atLower && g[j] > 0) || (atUpper && g[j] < 0))
      }
      let scaledGradient = free.map { abs(2 * g[$0]) * (ranges[$0].upperBound - ranges[$0].lowerBound) }.max() ?? 0
      if scaledGradient <= 1e-10 * sse + roundingFloor || free.isEmpty {
        return Outcome(parameters: p, sse: sse, iterations: iteration, converged: true,
                       criterion: "projected gradient ≤ 1e-10·SSE (scaled by bound widths)")
      }
      if iteration == maxIterations { break }
      // Try damped steps until one lowers the SSE.
      var accepted = false
      while lambda < 1e20 {
        let step = NormalEquations.solve(jtj, g, free: free, lambda: lambda)
        var trial = p
        for (index, j) in free.enumerated() {
          trial[j] = min(max(p[j] + step[index], ranges[j].lowerBound), ranges[j].upperBound)
        }
        let trialSSE = objective.sumOfSquares(trial)
        if trialSSE < sse {
          p = trial
          sse = trialSSE
          lambda = max(lambda / 10, 1e-15)
          accepted = true
          break
        }
        lambda *= 10
      }
      if !accepted {
        // No damped step can lower the SSE. That is optimality to machine precision when the
        // gradient is tiny, or when the Gauss–Newton model itself predicts no decrease worth
        // resolving: along a nearly flat valley (the paper law's a–α valley), a gradient just
        // above the first test can still leave nothing a double can resolve (MINPACK's
        // predicted-reduction test, with a tolerance 10⁴ times stricter than its default √ε).
        if scaledGradient <= 1e-6 * sse + roundingFloor {
          return Outcome(parameters: p, sse: sse, iterations: iteration, converged: true,
                         criterion: "no further decrease at machine precision; projected gradient ≤ 1e-6·SSE")
        }
        let newton = NormalEquations.solve(jtj, g, free: free, lambda: 0)
        let predicted = -2 * zip(free, newton).reduce(0) { $0 + g[$1.0] * $1.1 }
          - free.indices.reduce(0) { sum, u in
            sum + free.indices.reduce(0) { $0 + newton[u] * jtj[free[u]][free[$1]] * newton[$1] }
          }
        let flat = predicted.isFinite && predicted <= 1e-12 * sse + roundingFloor
        return Outcome(parameters: p, sse: sse, iterations: iteration, converged: flat,
                       criterion: flat
                         ? "no further decrease at machine precision; Gauss–Newton predicts a decrease ≤ 1e-12·SSE"
                         : "stalled with projected gradient \(scaledGradient) > 1e-6·SSE and a predicted decrease \(predicted)")
      }
    }
    return Outcome(parameters: p, sse: sse, iterations: maxIterations, converged: false,
                   criterion: "iteration limit \(maxIterations) reached")
  }
}

/// The damped normal equations of a least-squares step, restricted to some parameters.
public enum NormalEquations {
  /// Solves (H + λ·diag H) δ = −g on the `free` parameters by Gaussian elimination with partial
  /// pivoting (a zero pivot leaves its component at 0). With λ = 0 and g = −b it solves H δ = b:
  /// the exact least squares of a few linear coefficients.
  public static func solve(_ h: [[Double]], _ g: [Double], free: [Int], lambda: Double) -> [Double] {
    let m = free.count
    let maxDiagonal = free.map { h[$0][$0] }.max() ?? 1
    var matrix = (0..<m).map { u in
      (0..<m).map { v in h[free[u]][free[v]] } + [-g[free[u]]]
    }
    for u in 0..<m { matrix[u][u] += lambda * max(h[free[u]][free[u]], 1e-12 * maxDiagonal) }
    for column in 0..<m {
      let pivot = (column..<m).max { abs(matrix[$0][column]) < abs(matrix[$1][column]) }!
      matrix.swapAt(column, pivot)
      guard matrix[column][column] != 0 else { continue }
      for row in (column + 1)..<m {
        let factor = matrix[row][column] / matrix[column][column]
        for c in column...m { matrix[row][c] -= factor * matrix[column][c] }
      }
    }
    var x = [Double](repeating: 0, count: m)
    for row in stride(from: m - 1, through: 0, by: -1) {
      var value = matrix[row][m]
      for c in (row + 1)..<m { value -= matrix[row][c] * x[c] }
      x[row] = matrix[row][row] == 0 ? 0 : value / matrix[row][row]
    }
    return x
  }
}
