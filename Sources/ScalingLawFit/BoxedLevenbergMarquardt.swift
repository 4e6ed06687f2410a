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
  /// JᵀJ (row-major, k × k) and Jᵀr at `p` (Jacobian J of the residuals r): the Gauss–Newton
  /// normal equations, written over the buffers' contents (their sizes are k² and k), so an
  /// iteration allocates nothing.
  func normalEquations(_ p: [Double], jtj: inout [Double], jtr: inout [Double])
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
    let widths = ranges.map { $0.upperBound - $0.lowerBound }
    var p = start
    var sse = objective.sumOfSquares(p)
    var lambda = 1e-3
    let roundingFloor = objective.roundingFloor
    // Buffers reused by every iteration: a fit of the paper's law runs in microseconds, and
    // allocations would be a large share of it.
    var jtj = [Double](repeating: 0, count: k * k), g = [Double](repeating: 0, count: k)
    var free = [Int](), trial = p, solver = NormalEquations.Workspace(capacity: k)
    free.reserveCapacity(k)
    for iteration in 0...maxIterations {
      objective.normalEquations(p, jtj: &jtj, jtr: &g)
      // A NaN would slip through the max() below and pass as a zero gradient.
      guard g.allSatisfy(\.isFinite) && jtj.allSatisfy(\.isFinite) else {
        return Outcome(parameters: p, sse: sse, iterations: iteration, converged: false,
                       criterion: "the gradient or the normal equations are not finite at \(p)")
      }
      // A parameter on a bound whose gradient pushes outward is held fixed this iteration.
      free.removeAll(keepingCapacity: true)
      var scaledGradient = 0.0
      for j in 0..<k {
        let atLower = p[j] <= ranges[j].lowerBound + 1e-15 * max(1, widths[j])
        let atUpper = p[j] >= ranges[j].upperBound - 1e-15 * max(1, widths[j])
        guard !((atLower && g[j] > 0) || (atUpper && g[j] < 0)) else { continue }
        free.append(j)
        scaledGradient = max(scaledGradient, abs(2 * g[j]) * widths[j])
      }
      if scaledGradient <= 1e-10 * sse + roundingFloor || free.isEmpty {
        return Outcome(parameters: p, sse: sse, iterations: iteration, converged: true,
                       criterion: "projected gradient ≤ 1e-10·SSE (scaled by bound widths)")
      }
      if iteration == maxIterations { break }
      // Try damped steps until one lowers the SSE.
      var accepted = false
      while lambda < 1e20 {
        let step = solver.solve(jtj, g, order: k, free: free, lambda: lambda)
        for j in 0..<k { trial[j] = p[j] }
        for (index, j) in free.enumerated() {
          trial[j] = min(max(p[j] + step[index], ranges[j].lowerBound), ranges[j].upperBound)
        }
        let trialSSE = objective.sumOfSquares(trial)
        if trialSSE < sse {
          swap(&p, &trial)
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
        let newton = solver.solve(jtj, g, order: k, free: free, lambda: 0)
        let predicted = -2 * zip(free, newton).reduce(0) { $0 + g[$1.0] * $1.1 }
          - free.indices.reduce(0) { sum, u in
            sum + free.indices.reduce(0) { $0 + newton[u] * jtj[free[u] * k + free[$1]] * newton[$1] }
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
  /// the exact least squares of a few linear coefficients. `h` is `order` × `order`, row-major.
  public static func solve(_ h: [Double], _ g: [Double], order: Int, free: [Int], lambda: Double) -> [Double] {
    var workspace = Workspace(capacity: order)
    return Array(workspace.solve(h, g, order: order, free: free, lambda: lambda))
  }

  /// The elimination's matrix and solution, kept between solves so an iteration allocates nothing.
  public struct Workspace {
    var matrix: [Double]
    var x: [Double]

    public init(capacity: Int) {
      matrix = [Double](repeating: 0, count: capacity * (capacity + 1))
      x = [Double](repeating: 0, count: capacity)
    }

    /// ``NormalEquations/solve(_:_:order:free:lambda:)``, in this workspace; the result is
    /// valid until the next solve.
    public mutating func solve(_ h: [Double], _ g: [Double], order: Int, free: [Int], lambda: Double) -> ArraySlice<Double> {
      let m = free.count
      let columns = m + 1
      var maxDiagonal = -Double.infinity
      for u in free { maxDiagonal = max(maxDiagonal, h[u * order + u]) }
      if free.isEmpty { maxDiagonal = 1 }
      for u in 0..<m {
        for v in 0..<m { matrix[u * columns + v] = h[free[u] * order + free[v]] }
        matrix[u * columns + m] = -g[free[u]]
        matrix[u * columns + u] += lambda * max(h[free[u] * order + free[u]], 1e-12 * maxDiagonal)
      }
      for column in 0..<m {
        var pivot = column
        for row in (column + 1)..<m where abs(matrix[row * columns + column]) > abs(matrix[pivot * columns + column]) {
          pivot = row
        }
        if pivot != column {
          for c in 0..<columns { matrix.swapAt(column * columns + c, pivot * columns + c) }
        }
        let diagonal = matrix[column * columns + column]
        guard diagonal != 0 else { continue }
        for row in (column + 1)..<m {
          let factor = matrix[row * columns + column] / diagonal
          for c in column...m { matrix[row * columns + c] -= factor * matrix[column * columns + c] }
        }
      }
      for row in stride(from: m - 1, through: 0, by: -1) {
        var value = matrix[row * columns + m]
        for c in (row + 1)..<m { value -= matrix[row * columns + c] * x[c] }
        let diagonal = matrix[row * columns + row]
        x[row] = diagonal == 0 ? 0 : value / diagonal
      }
      return x[0..<m]
    }
  }
}
