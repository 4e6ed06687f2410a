import RealModule
import ScalingLaw

/// Bounded non-linear least squares for the scaling law: the continuous optimum of the authors'
/// objective (plain SSE on Y) inside a box.
///
/// Method (variable projection, then Levenberg–Marquardt):
/// 1. For fixed (α, β) the law is linear in `a` and `D`, so the best `a`, `D` inside their bounds
///    has a closed form (a two-variable box-constrained least squares, solved exactly). This
///    reduced objective is evaluated on the same α × β lattice the paper grid uses.
/// 2. The best lattice nodes that are local minima on the lattice (up to `maxStarts`) start a
///    projected Levenberg–Marquardt iteration on all four parameters, with bound-active
///    parameters held fixed and every step projected back into the box.
///
/// Guarantees: every accepted step lowers the SSE, and the best start begins at an SSE no higher
/// than that of the best `paper-grid` point with the same bounds and α, β counts (its a and D are
/// the continuous optimum for that node) — so the result **never ends above the paper grid**.
/// Convergence means the projected gradient of the SSE, scaled by each parameter's bound width,
/// fell below `1e-10 × SSE` (first-order optimality; plus a floor of `1e-14 × Σ Y²` so a perfect fit
/// of exact data, whose SSE is at rounding level, counts as converged); a fit that stops for any other reason
/// throws ``FitError/notConverged(method:detail:)`` instead of returning a number.
public struct LeastSquaresFit: Sendable {
  public var bounds: ParameterBounds
  /// α × β lattice for the starting search (the paper grid's 100 × 100 by default).
  public var lattice: (alpha: Int, beta: Int)
  public var maxStarts: Int
  public var maxIterations: Int

  public init(bounds: ParameterBounds = .paper, lattice: (alpha: Int, beta: Int) = (100, 100), maxStarts: Int = 8, maxIterations: Int = 500) {
    self.bounds = bounds
    self.lattice = lattice
    self.maxStarts = maxStarts
    self.maxIterations = maxIterations
  }

  public func fit(_ problem: FitProblem) throws(FitError) -> FitResult {
    let bounds = try bounds.validated()
    let starts = ReducedObjective(problem: problem, bounds: bounds).bestLatticeMinima(lattice, count: maxStarts)
    let runs = starts.map { ProjectedLevenbergMarquardt(problem: problem, bounds: bounds, maxIterations: maxIterations).minimize(from: $0) }
    let best = runs.min { $0.sse < $1.sse }!
    guard best.converged else {
      throw .notConverged(method: .leastSquares, detail: "\(best.criterion) after \(best.iterations) iterations (SSE \(best.sse))")
    }
    let agreeing = runs.filter { abs($0.sse - best.sse) <= 1e-6 * best.sse }.count
    return FitResult(
      method: .leastSquares, law: best.law, sse: best.sse, objective: best.sse,
      observationCount: problem.count, convention: problem.convention, bounds: bounds,
      parametersAtBounds: FitResult.parametersAtBounds(best.law, bounds),
      convergence: Convergence(
        converged: true, iterations: best.iterations, starts: runs.count, startsAgreeing: agreeing,
        criterion: best.criterion))
  }
}

/// SSE minimised over `a` and `D` (inside their bounds) for a fixed α, β: variable projection.
struct ReducedObjective: Sendable {
  let problem: FitProblem
  let bounds: ParameterBounds

  /// The best law with these exponents, and its SSE.
  func solve(alpha: Double, beta: Double) -> (law: ScalingLaw, sse: Double) {
    let x = problem.N.indices.map { ScalingLaw.basis(N: problem.N[$0], T: problem.T[$0], alpha: alpha, beta: beta) }
    let y = problem.Y
    let n = Double(x.count)
    var (sx, sxx, sy, sxy) = (0.0, 0.0, 0.0, 0.0)
    for k in x.indices {
      sx += x[k]
      sxx += x[k] * x[k]
      sy += y[k]
      sxy += x[k] * y[k]
    }
    func sse(_ a: Double, _ D: Double) -> Double {
      var total = 0.0
      for k in x.indices {
        let r = a * x[k] + D - y[k]
        total += r * r
      }
      return total
    }
    func clamp(_ v: Double, _ r: ClosedRange<Double>) -> Double { min(max(v, r.lowerBound), r.upperBound) }
    // Unconstrained normal equations; if their solution is inside the box it is the answer.
    let det = sxx * n - sx * sx
    if det > 1e-14 * sxx * n {
      let a = (n * sxy - sx * sy) / det
      let D = (sy - a * sx) / n
      if bounds.a.contains(a) && bounds.D.contains(D) {
        return (ScalingLaw(a: a, alpha: alpha, beta: beta, D: D), sse(a, D))
      }
    }
    // Otherwise the convex optimum lies on an edge of the box: each edge is a clamped 1-D problem.
    var candidates: [(Double, Double)] = []
    for a in [bounds.a.lowerBound, bounds.a.upperBound] {
      candidates.append((a, clamp((sy - a * sx) / n, bounds.D)))
    }
    for D in [bounds.D.lowerBound, bounds.D.upperBound] where sxx > 0 {
      candidates.append((clamp((sxy - D * sx) / sxx, bounds.a), D))
    }
    var best = (law: ScalingLaw(a: candidates[0].0, alpha: alpha, beta: beta, D: candidates[0].1), sse: Double.infinity)
    for (a, D) in candidates {
      let value = sse(a, D)
      if value < best.sse { best = (ScalingLaw(a: a, alpha: alpha, beta: beta, D: D), value) }
    }
    return best
  }

  /// Lattice nodes that are no worse than their 8 neighbours, best first, at most `count`.
  func bestLatticeMinima(_ lattice: (alpha: Int, beta: Int), count: Int) -> [ScalingLaw] {
    let alphas = ParameterGrid.linspace(bounds.alpha, lattice.alpha)
    let betas = ParameterGrid.linspace(bounds.beta, lattice.beta)
    let rows = parallelMap(alphas.count) { i in betas.map { solve(alpha: alphas[i], beta: $0) } }
    var minima: [(law: ScalingLaw, sse: Double)] = []
    for i in alphas.indices {
      for j in betas.indices {
        let value = rows[i][j].sse
        var isMinimum = true
        for di in -1...1 {
          for dj in -1...1 where (di, dj) != (0, 0) {
            let (ni, nj) = (i + di, j + dj)
            if alphas.indices.contains(ni), betas.indices.contains(nj), rows[ni][nj].sse < value { isMinimum = false }
          }
        }
        if isMinimum { minima.append(rows[i][j]) }
      }
    }
    // Stable order: by SSE, then lattice position (the append order), so ties never reorder.
    let ordered = minima.enumerated().sorted { ($0.element.sse, $0.offset) < ($1.element.sse, $1.offset) }
    return ordered.prefix(count).map(\.element.law)
  }
}

/// Levenberg–Marquardt on (a, α, β, D) with box constraints by active set and projection.
struct ProjectedLevenbergMarquardt {
  let problem: FitProblem
  let bounds: ParameterBounds
  let maxIterations: Int

  struct Outcome {
    var law: ScalingLaw
    var sse: Double
    var iterations: Int
    var converged: Bool
    var criterion: String
  }

  func minimize(from start: ScalingLaw) -> Outcome {
    let ranges = bounds.ranges
    var p = [start.a, start.alpha, start.beta, start.D]
    var sse = problem.sse(law(p))
    var lambda = 1e-3
    let logN = problem.N.map { Double.log($0) }
    let logT = problem.T.map { Double.log($0) }
    let roundingFloor = 1e-14 * problem.Y.reduce(0) { $0 + $1 * $1 }
    for iteration in 0...maxIterations {
      // Jacobian of the residuals r_k = a·x_k + D − y_k, and g = Jᵀr (half the SSE gradient).
      var jtj = [[Double]](repeating: [Double](repeating: 0, count: 4), count: 4)
      var g = [Double](repeating: 0, count: 4)
      for k in problem.Y.indices {
        let x = ScalingLaw.basis(N: problem.N[k], T: problem.T[k], alpha: p[1], beta: p[2])
        let r = p[0] * x + p[3] - problem.Y[k]
        let row = [x, -p[0] * x * logN[k], -p[0] * x * logT[k], 1]
        for u in 0..<4 {
          g[u] += row[u] * r
          for v in 0..<4 { jtj[u][v] += row[u] * row[v] }
        }
      }
      // A parameter on a bound whose gradient pushes outward is held fixed this iteration.
      let free = (0..<4).filter { j in
        let width = ranges[j].upperBound - ranges[j].lowerBound
        let atLower = p[j] <= ranges[j].lowerBound + 1e-15 * max(1, width)
        let atUpper = p[j] >= ranges[j].upperBound - 1e-15 * max(1, width)
        return !((atLower && g[j] > 0) || (atUpper && g[j] < 0))
      }
      let scaledGradient = free.map { abs(2 * g[$0]) * (ranges[$0].upperBound - ranges[$0].lowerBound) }.max() ?? 0
      if scaledGradient <= 1e-10 * sse + roundingFloor || free.isEmpty {
        return Outcome(law: law(p), sse: sse, iterations: iteration, converged: true,
                       criterion: "projected gradient ≤ 1e-10·SSE (scaled by bound widths)")
      }
      if iteration == maxIterations { break }
      // Try damped steps until one lowers the SSE.
      var accepted = false
      while lambda < 1e20 {
        let step = Self.solve(jtj, g, free: free, lambda: lambda)
        var trial = p
        for (index, j) in free.enumerated() {
          trial[j] = min(max(p[j] + step[index], ranges[j].lowerBound), ranges[j].upperBound)
        }
        let trialSSE = problem.sse(law(trial))
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
        // resolving: along the nearly flat a–α valley of this law, a gradient just above the
        // first test can still leave nothing a double can resolve (MINPACK's predicted-
        // reduction test, with a tolerance 10⁴ times stricter than its default √ε).
        if scaledGradient <= 1e-6 * sse + roundingFloor {
          return Outcome(law: law(p), sse: sse, iterations: iteration, converged: true,
                         criterion: "no further decrease at machine precision; projected gradient ≤ 1e-6·SSE")
        }
        let newton = Self.solve(jtj, g, free: free, lambda: 0)
        let predicted = -2 * zip(free, newton).reduce(0) { $0 + g[$1.0] * $1.1 }
          - free.indices.reduce(0) { sum, u in
            sum + free.indices.reduce(0) { $0 + newton[u] * jtj[free[u]][free[$1]] * newton[$1] }
          }
        let flat = predicted.isFinite && predicted <= 1e-12 * sse + roundingFloor
        return Outcome(law: law(p), sse: sse, iterations: iteration, converged: flat,
                       criterion: flat
                         ? "no further decrease at machine precision; Gauss–Newton predicts a decrease ≤ 1e-12·SSE"
                         : "stalled with projected gradient \(scaledGradient) > 1e-6·SSE and a predicted decrease \(predicted)")
      }
    }
    return Outcome(law: law(p), sse: sse, iterations: maxIterations, converged: false,
                   criterion: "iteration limit \(maxIterations) reached")
  }

  private func law(_ p: [Double]) -> ScalingLaw { ScalingLaw(a: p[0], alpha: p[1], beta: p[2], D: p[3]) }

  /// Solves (H + λ·diag H) δ = −g on the free parameters by Gaussian elimination with pivoting.
  static func solve(_ h: [[Double]], _ g: [Double], free: [Int], lambda: Double) -> [Double] {
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
