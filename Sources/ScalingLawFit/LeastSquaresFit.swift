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

/// SSE minimised over `a` and `D` (inside their bounds) for a fixed α, β: variable projection.
///
/// For fixed exponents the SSE is a quadratic in (a, D) whose coefficients are five sums over
/// the observations: n, Σx, Σx², Σy, Σxy (and Σy²), with x = N^-α·T^-β. Over the α × β lattice
/// those sums factor through the few distinct sizes and token counts (a grid has 4–5 N and 7 T
/// for 28 points): Σx = Σ_(u,v) count_uv·N_u^-α·T_v^-β, so one lattice row costs a handful of
/// products per node instead of a pass over every observation with two `pow` each.
struct ReducedObjective: Sendable {
  let problem: FitProblem
  let bounds: ParameterBounds

  /// The sums the reduced problem needs, for one (α, β): Σx, Σx², Σxy.
  struct Sums {
    var x = 0.0, xx = 0.0, xy = 0.0
  }

  /// n, Σy and Σy²: the parts of the quadratic that do not depend on the exponents.
  struct Constants {
    var n = 0.0, y = 0.0, yy = 0.0

    init(_ problem: FitProblem) {
      n = Double(problem.count)
      for y in problem.Y {
        self.y += y
        yy += y * y
      }
    }
  }

  var constants: Constants { Constants(problem) }

  /// Σ (a·x + D − y)² expanded from the sums — shared with the paper grid's screen
  /// (``PaperGridSearch``); it can round below zero when the fit is exact.
  @inline(__always)
  static func quadratic(_ a: Double, _ D: Double, _ s: Sums, _ c: Constants) -> Double {
    a * a * s.xx + 2 * a * D * s.x + c.n * D * D - 2 * a * s.xy - 2 * D * c.y + c.yy
  }

  /// SSE of a·x + D against y, from the sums (the quadratic, not below zero).
  static func sse(_ a: Double, _ D: Double, _ s: Sums, _ c: Constants) -> Double {
    max(0, quadratic(a, D, s, c))
  }

  /// The (a, D) inside their bounds that minimise the SSE for these sums: the normal equations'
  /// solution if it is inside the box, else the best of the four edges (the SSE is convex, so
  /// its box optimum is on an edge when not inside), each a clamped one-variable problem.
  static func bestAD(_ s: Sums, _ c: Constants, _ bounds: ParameterBounds) -> (a: Double, D: Double) {
    @inline(__always) func clamp(_ v: Double, _ r: ClosedRange<Double>) -> Double { min(max(v, r.lowerBound), r.upperBound) }
    let det = s.xx * c.n - s.x * s.x
    if det > 1e-14 * s.xx * c.n {
      let a = (c.n * s.xy - s.x * c.y) / det
      let D = (c.y - a * s.x) / c.n
      if bounds.a.contains(a) && bounds.D.contains(D) { return (a, D) }
    }
    // The edges in a fixed order (a low, a high, D low, D high); a later edge wins only when
    // strictly better. Written out rather than through a closure or an array of candidates:
    // this runs at every lattice node, 10⁴ times per fit, and must not allocate.
    var best = (a: bounds.a.lowerBound, D: clamp((c.y - bounds.a.lowerBound * s.x) / c.n, bounds.D))
    var bestSSE = sse(best.a, best.D, s, c)
    let aHigh = (a: bounds.a.upperBound, D: clamp((c.y - bounds.a.upperBound * s.x) / c.n, bounds.D))
    let aHighSSE = sse(aHigh.a, aHigh.D, s, c)
    if aHighSSE < bestSSE { (best, bestSSE) = (aHigh, aHighSSE) }
    if s.xx > 0 {
      let dLow = (a: clamp((s.xy - bounds.D.lowerBound * s.x) / s.xx, bounds.a), D: bounds.D.lowerBound)
      let dLowSSE = sse(dLow.a, dLow.D, s, c)
      if dLowSSE < bestSSE { (best, bestSSE) = (dLow, dLowSSE) }
      let dHigh = (a: clamp((s.xy - bounds.D.upperBound * s.x) / s.xx, bounds.a), D: bounds.D.upperBound)
      let dHighSSE = sse(dHigh.a, dHigh.D, s, c)
      if dHighSSE < bestSSE { (best, bestSSE) = (dHigh, dHighSSE) }
    }
    return best
  }

  /// Lattice nodes that are no worse than their 8 neighbours, best first, at most `count`.
  func bestLatticeMinima(_ lattice: (alpha: Int, beta: Int), count: Int) -> [ScalingLaw] {
    let alphas = ParameterGrid.linspace(bounds.alpha, lattice.alpha)
    let betas = ParameterGrid.linspace(bounds.beta, lattice.beta)
    let (na, nb) = (alphas.count, betas.count)
    // The distinct sizes and token counts, each observation's pair of them, and per pair the
    // number of observations and the sum of their Y.
    let sizes = Array(Set(problem.N)).sorted(), tokens = Array(Set(problem.T)).sorted()
    let (nu, nv) = (sizes.count, tokens.count)
    var pairCount = [Double](repeating: 0, count: nu * nv), pairY = pairCount
    for k in problem.Y.indices {
      let cell = sizes.firstIndex(of: problem.N[k])! * nv + tokens.firstIndex(of: problem.T[k])!
      pairCount[cell] += 1
      pairY[cell] += problem.Y[k]
    }
    // T_v^-β for every β: one row per token count, so the inner loop runs over β.
    var tPower = [Double](repeating: 0, count: nv * nb)
    for v in 0..<nv { for j in 0..<nb { tPower[v * nb + j] = Double.pow(tokens[v], -betas[j]) } }
    let constants = constants
    var sse = [Double](repeating: 0, count: na * nb)
    var fitted = [(a: Double, D: Double)](repeating: (0, 0), count: na * nb)
    var p1 = [Double](repeating: 0, count: nv), p2 = p1, p3 = p1
    var sizePower = [Double](repeating: 0, count: nu)
    // Σx, Σx², Σxy per β as three arrays (not an array of Sums), so the loop over β vectorises.
    var sumX = [Double](repeating: 0, count: nb), sumXX = sumX, sumXY = sumX
    for i in 0..<na {
      // Σ_u over the sizes for this α, per token count: count·N^-α, count·N^-2α, ΣY·N^-α.
      for u in 0..<nu { sizePower[u] = Double.pow(sizes[u], -alphas[i]) }
      for v in 0..<nv {
        (p1[v], p2[v], p3[v]) = (0, 0, 0)
        for u in 0..<nu {
          let power = sizePower[u]
          p1[v] += pairCount[u * nv + v] * power
          p2[v] += pairCount[u * nv + v] * power * power
          p3[v] += pairY[u * nv + v] * power
        }
      }
      // Unsafe buffers: with Swift arrays' bounds and uniqueness checks this loop stays scalar.
      sumX.withUnsafeMutableBufferPointer { sumX in
        sumXX.withUnsafeMutableBufferPointer { sumXX in
          sumXY.withUnsafeMutableBufferPointer { sumXY in
            tPower.withUnsafeBufferPointer { tPower in
              for j in 0..<nb { (sumX[j], sumXX[j], sumXY[j]) = (0, 0, 0) }
              for v in 0..<nv {
                let row = tPower.baseAddress! + v * nb
                let (c1, c2, c3) = (p1[v], p2[v], p3[v])
                for j in 0..<nb {
                  let power = row[j]
                  sumX[j] += c1 * power
                  sumXX[j] += c2 * power * power
                  sumXY[j] += c3 * power
                }
              }
            }
          }
        }
      }
      for j in 0..<nb {
        let sums = Sums(x: sumX[j], xx: sumXX[j], xy: sumXY[j])
        let (a, D) = Self.bestAD(sums, constants, bounds)
        fitted[i * nb + j] = (a, D)
        sse[i * nb + j] = Self.sse(a, D, sums, constants)
      }
    }
    var minima: [(node: Int, sse: Double)] = []
    sse.withUnsafeBufferPointer { sse in
      for i in 0..<na {
        for j in 0..<nb {
          let value = sse[i * nb + j]
          var isMinimum = true
          for ni in max(i - 1, 0)...min(i + 1, na - 1) where isMinimum {
            for nj in max(j - 1, 0)...min(j + 1, nb - 1) where sse[ni * nb + nj] < value {
              isMinimum = false
              break
            }
          }
          if isMinimum { minima.append((i * nb + j, value)) }
        }
      }
    }
    // Stable order: by SSE, then lattice position, so ties never reorder.
    let ordered = minima.sorted { ($0.sse, $0.node) < ($1.sse, $1.node) }
    return ordered.prefix(count).map { node in
      let (a, D) = fitted[node.node]
      return ScalingLaw(a: a, alpha: alphas[node.node / nb], beta: betas[node.node % nb], D: D)
    }
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
  func normalEquations(_ p: [Double]) -> (jtj: [[Double]], jtr: [Double]) {
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
    return ((0..<4).map { u in (0..<4).map { v in h[u * 4 + v] } }, (0..<4).map { gradient[$0] })
  }
}
