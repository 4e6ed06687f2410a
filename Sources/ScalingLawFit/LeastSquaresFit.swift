import RealModule
import ScalingLaw

/// Bounded non-linear least squares for the scaling law: the continuous optimum of the authors'
/// objective (plain SSE on Y) inside a box.
///
/// Method (variable projection, then Levenberg–Marquardt):
/// 1. For fixed (α, β) the law is linear in `a` and `D`, so the best `a`, `D` inside their bounds
///    has a closed form (a two-variable box-constrained least squares, solved exactly). This
///    reduced objective is evaluated on the same α × β lattice the paper grid uses
///    (``ReducedObjective/Lattice``): every node is screened by a cheap lower bound, and the box
///    optimum is computed only where the node could be at or below the best of a 10 × 10
///    sub-lattice, so the lattice's minimum is always among the nodes computed.
/// 2. The lattice's local minima at or below that bound (up to `maxStarts`, best first) start a
///    projected Levenberg–Marquardt iteration on all four parameters, with bound-active
///    parameters held fixed and every step projected back into the box. Usually that is the
///    lattice's minimum alone (a summary's `starts` reads 1): a basin whose best node is above the
///    sub-lattice's best is not started from, the price of the screen (until 2026-12-03 every
///    local minimum could start, up to 8; on 120 bootstrap resamples scipy started from the
///    dropped ones never ended lower).
///
/// Guarantees: every accepted step lowers the SSE, and the best start is the lattice's minimum:
/// an SSE no higher than that of the best `paper-grid` point with the same bounds and α, β counts
/// (its a and D are the continuous optimum for that node) — so the result **never ends above
/// the paper grid**.
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
    let objective = LawObjective(problem: problem, bounds: bounds)
    let iteration = BoxedLevenbergMarquardt(maxIterations: maxIterations)
    let runs = starts.map { iteration.minimize(objective, from: [$0.a, $0.alpha, $0.beta, $0.D]) }
    let best = runs.min { $0.sse < $1.sse }!
    let law = ScalingLaw(a: best.parameters[0], alpha: best.parameters[1], beta: best.parameters[2], D: best.parameters[3])
    guard best.converged else {
      throw .notConverged(method: .leastSquares, detail: "\(best.criterion) after \(best.iterations) iterations (SSE \(best.sse))")
    }
    let agreeing = runs.filter { abs($0.sse - best.sse) <= 1e-6 * best.sse }.count
    return FitResult(
      method: .leastSquares, law: law, sse: best.sse, objective: best.sse,
      observationCount: problem.count, totalSumOfSquares: problem.totalSumOfSquares, convention: problem.convention, bounds: bounds,
      parametersAtBounds: FitResult.parametersAtBounds(law, bounds),
      convergence: Convergence(
        converged: true, iterations: best.iterations, starts: runs.count, startsAgreeing: agreeing,
        criterion: best.criterion))
  }
}

/// The paper's law as a boxed least-squares objective over (a, α, β, D), for
/// ``BoxedLevenbergMarquardt``.
struct LawObjective: BoxedLeastSquares {
  let ranges: [ClosedRange<Double>]
  let logN: [Double]
  let logT: [Double]
  let y: [Double]
  let roundingFloor: Double

  init(problem: FitProblem, bounds: ParameterBounds) {
    ranges = bounds.ranges
    logN = problem.N.map { Double.log($0) }
    logT = problem.T.map { Double.log($0) }
    y = problem.Y
    roundingFloor = 1e-14 * y.reduce(0) { $0 + $1 * $1 }
  }

  /// x_k = N^-α·T^-β as one exp of precomputed logarithms (the hot loop's only transcendental).
  func sumOfSquares(_ p: [Double]) -> Double {
    var total = 0.0
    for k in y.indices {
      let r = p[0] * Double.exp(-p[1] * logN[k] - p[2] * logT[k]) + p[3] - y[k]
      total += r * r
    }
    return total
  }

  /// The Jacobian of r_k = a·x_k + D − y_k is (x, −a·x·ln N, −a·x·ln T, 1).
  func normalEquations(_ p: [Double], jtj: inout [Double], jtr: inout [Double]) {
    var h = SIMD16<Double>()
    var gradient = SIMD4<Double>()
    for k in y.indices {
      let x = Double.exp(-p[1] * logN[k] - p[2] * logT[k])
      let r = p[0] * x + p[3] - y[k]
      let row = SIMD4<Double>(x, -p[0] * x * logN[k], -p[0] * x * logT[k], 1)
      gradient += row * r
      h += SIMD16(lowHalf: SIMD8(lowHalf: row * row[0], highHalf: row * row[1]),
                  highHalf: SIMD8(lowHalf: row * row[2], highHalf: row * row[3]))
    }
    for u in 0..<16 { jtj[u] = h[u] }
    for u in 0..<4 { jtr[u] = gradient[u] }
  }
}
