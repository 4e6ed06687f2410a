import RealModule
import ScalingLaw
import ScalingLawFit

/// Why a form could not be fitted to a result you can trust.
public enum FormFitError: Error, Equatable, CustomStringConvertible {
  /// The observations themselves are unusable (NaN, N ≤ 0, a single LLM size, …).
  case invalidData(FitError)
  case tooFewObservations(form: LawForm, observations: Int)
  case invalidBounds(form: LawForm, String)
  case notConverged(form: LawForm, detail: String)

  public var description: String {
    switch self {
    case .invalidData(let error): error.description
    case .tooFewObservations(let form, let observations):
      "the \(form) form has \(form.parameterCount) parameters, so a fit needs more than \(form.parameterCount) observations; got \(observations)"
    case .invalidBounds(let form, let detail): "invalid bounds for the \(form) form: \(detail)"
    case .notConverged(let form, let detail): "the \(form) fit did not converge: \(detail)"
    }
  }
}

/// Bounded least squares for any ``LawForm``: the continuous minimum of the SSE on Y inside a box.
///
/// Method, as for the paper's law (``ScalingLawFit/LeastSquaresFit``), generalised:
/// 1. For fixed exponents the form is linear in its coefficients, so the best coefficients inside
///    their bounds are a box-constrained linear least squares of two or three unknowns, solved
///    exactly (every pattern of free and bound-held coefficients is tried; the SSE is convex, so
///    the best feasible pattern is the optimum). This reduced SSE is evaluated on a lattice of
///    exponents: 0 and log-spaced values for exponents bounded below by 0, evenly spaced values
///    otherwise.
/// 2. The best lattice nodes that are local minima on the lattice (up to `maxStarts`) start
///    ``ScalingLawFit/BoxedLevenbergMarquardt`` on all parameters, with the same convergence
///    test as the paper's law; a fit that does not converge throws instead of returning.
public struct FormFit: Sendable {
  public var form: LawForm
  /// One range per parameter, in ``LawForm/parameterNames`` order.
  public var bounds: [ClosedRange<Double>]
  /// Lattice values per exponent.
  public var latticeCount: Int
  public var maxStarts: Int
  /// Far more than the paper's law needs (≈ 50): the additive form's E and A·N^-α trade off
  /// along a flat valley as α → 0, which Levenberg–Marquardt walks in hundreds of steps.
  public var maxIterations: Int

  public init(form: LawForm, bounds: [ClosedRange<Double>]? = nil, latticeCount: Int = 24, maxStarts: Int = 8, maxIterations: Int = 10_000) {
    self.form = form
    self.bounds = bounds ?? form.naturalBounds
    self.latticeCount = latticeCount
    self.maxStarts = maxStarts
    self.maxIterations = maxIterations
  }

  public func fit(_ observations: [Observation]) throws(FormFitError) -> FormFitResult {
    let problem: FitProblem
    do { problem = try FitProblem(observations) } catch { throw .invalidData(error) }
    guard observations.count > form.parameterCount else {
      throw .tooFewObservations(form: form, observations: observations.count)
    }
    guard bounds.count == form.parameterCount,
      bounds.allSatisfy({ $0.lowerBound.isFinite && $0.upperBound.isFinite })
    else { throw .invalidBounds(form: form, "need \(form.parameterCount) finite ranges (\(form.parameterNames.joined(separator: ", ")))") }

    let objective = FormObjective(form: form, ranges: bounds, observations: observations)
    let starts = objective.latticeMinima(count: latticeCount, maxStarts: maxStarts)
    let iteration = BoxedLevenbergMarquardt(maxIterations: maxIterations)
    let runs = starts.map { iteration.minimize(objective, from: $0) }
    let best = runs.min { $0.sse < $1.sse }!
    guard best.converged else {
      throw .notConverged(form: form, detail: "\(best.criterion) after \(best.iterations) iterations (SSE \(best.sse))")
    }
    let n = Double(observations.count), k = Double(form.parameterCount)
    let logLikelihoodTerm = best.sse > 0 ? n * Double.log(best.sse / n) : nil
    let total = problem.totalSumOfSquares
    return FormFitResult(
      form: form, parameters: best.parameters, bounds: bounds.map { [$0.lowerBound, $0.upperBound] },
      parametersAtBounds: zip(form.parameterNames, zip(best.parameters, bounds)).filter { ParameterBounds.isOnBound($1.0, $1.1) }
        .map(\.0),
      observations: observations.count, sse: best.sse, rmse: (best.sse / n).squareRoot(), rSquared: 1 - best.sse / total,
      aic: logLikelihoodTerm.map { $0 + 2 * k }, bic: logLikelihoodTerm.map { $0 + k * Double.log(n) },
      convergence: Convergence(
        converged: true, iterations: best.iterations, starts: runs.count,
        startsAgreeing: runs.filter { abs($0.sse - best.sse) <= 1e-6 * best.sse }.count, criterion: best.criterion))
  }
}

/// The SSE of a form on some observations, as a boxed least-squares objective.
struct FormObjective: BoxedLeastSquares {
  let form: LawForm
  let ranges: [ClosedRange<Double>]
  let points: [LawForm.Point]
  let y: [Double]
  let roundingFloor: Double

  init(form: LawForm, ranges: [ClosedRange<Double>], observations: [Observation]) {
    self.form = form
    self.ranges = ranges
    points = observations.map { form.point(N: $0.N, V: $0.V) }
    y = observations.map(\.Y)
    roundingFloor = 1e-14 * y.reduce(0) { $0 + $1 * $1 }
  }

  func sumOfSquares(_ p: [Double]) -> Double {
    var total = 0.0
    for (x, y) in zip(points, y) {
      let r = form.prediction(p, at: x) - y
      total += r * r
    }
    return total
  }

  func normalEquations(_ p: [Double], jtj: inout [Double], jtr: inout [Double]) {
    let k = ranges.count
    for u in 0..<k * k { jtj[u] = 0 }
    for u in 0..<k { jtr[u] = 0 }
    for (x, y) in zip(points, y) {
      let row = form.gradient(p, at: x)
      let r = form.prediction(p, at: x) - y
      for u in 0..<k {
        jtr[u] += row[u] * r
        for v in 0..<k { jtj[u * k + v] += row[u] * row[v] }
      }
    }
  }

  /// The best coefficients inside their bounds for the exponents of `p` (its coefficient
  /// entries are ignored), and the SSE they reach.
  func bestCoefficients(exponents p: [Double]) -> (parameters: [Double], sse: Double) {
    let linear = form.linearIndices
    let m = linear.count
    // Normal equations of the linear part: G = ΦᵀΦ, b = Φᵀy.
    var G = [[Double]](repeating: [Double](repeating: 0, count: m), count: m)
    var b = [Double](repeating: 0, count: m)
    var yy = 0.0
    for (x, y) in zip(points, y) {
      let phi = form.basis(p, at: x)
      for u in 0..<m {
        b[u] += phi[u] * y
        for v in 0..<m { G[u][v] += phi[u] * phi[v] }
      }
      yy += y * y
    }
    func sse(_ c: [Double]) -> Double {
      var value = yy
      for u in 0..<m {
        value -= 2 * b[u] * c[u]
        for v in 0..<m { value += c[u] * G[u][v] * c[v] }
      }
      return max(0, value)
    }
    var best: (c: [Double], sse: Double)? = nil
    // Each coefficient free (0), at its lower bound (1) or at its upper bound (2): 3^m patterns.
    for pattern in 0..<Int(Double.pow(3, Double(m)).rounded()) {
      var states = [Int](), rest = pattern
      for _ in 0..<m { states.append(rest % 3); rest /= 3 }
      var c = [Double](repeating: 0, count: m)
      for u in 0..<m where states[u] != 0 {
        let range = ranges[linear[u]]
        c[u] = states[u] == 1 ? range.lowerBound : range.upperBound
      }
      let free = (0..<m).filter { states[$0] == 0 }
      if !free.isEmpty {
        // G_ff·c_f = b_f − G_fx·c_x, written as NormalEquations' H·δ = −g.
        let g = (0..<m).map { u in -(b[u] - (0..<m).filter { states[$0] != 0 }.reduce(0) { $0 + G[u][$1] * c[$1] }) }
        let solution = NormalEquations.solve(G.flatMap { $0 }, g, order: m, free: free, lambda: 0)
        for (index, u) in free.enumerated() { c[u] = solution[index] }
        guard free.allSatisfy({ ranges[linear[$0]].contains(c[$0]) }) else { continue }
      }
      let value = sse(c)
      if best == nil || value < best!.sse { best = (c, value) }
    }
    var parameters = p
    for (u, index) in linear.enumerated() { parameters[index] = best!.c[u] }
    return (parameters, best!.sse)
  }

  /// Lattice values for one exponent's range.
  static func latticeValues(_ range: ClosedRange<Double>, count: Int) -> [Double] {
    if range.lowerBound >= 0 && range.upperBound > 0 {
      // 0 (or the lower bound) and log-spaced values up to the top: scaling exponents are small
      // numbers, and a linear lattice over [0, 3] would step over the paper's β ≈ 0.015.
      let low = max(range.lowerBound, range.upperBound * 1e-3)
      let logs = ParameterGrid.linspace(Double.log(low)...Double.log(range.upperBound), count - 1).map { Double.exp($0) }
      return ([range.lowerBound] + logs.filter { $0 > range.lowerBound }).map { min($0, range.upperBound) }
    }
    return ParameterGrid.linspace(range, count)
  }

  /// Starting points: lattice nodes no worse than their lattice neighbours, best first.
  func latticeMinima(count: Int, maxStarts: Int) -> [[Double]] {
    let exponents = form.exponentIndices
    let axes = exponents.map { Self.latticeValues(ranges[$0], count: count) }
    let shape = axes.map(\.count)
    let total = shape.reduce(1, *)
    var nodes: [(parameters: [Double], sse: Double)] = []
    nodes.reserveCapacity(total)
    var p = ranges.map(\.lowerBound)
    for node in 0..<total {
      var rest = node
      for (axis, index) in exponents.enumerated() {
        p[index] = axes[axis][rest % shape[axis]]
        rest /= shape[axis]
      }
      nodes.append(bestCoefficients(exponents: p))
    }
    var minima: [Int] = []
    for node in 0..<total {
      var coordinates = [Int](), rest = node
      for axis in shape.indices { coordinates.append(rest % shape[axis]); rest /= shape[axis] }
      var isMinimum = true
      // Neighbours differ by one step along one axis (a cheap, sufficient notion for starts).
      for axis in shape.indices where isMinimum {
        var stride = 1
        for a in 0..<axis { stride *= shape[a] }
        for step in [-1, 1] {
          let c = coordinates[axis] + step
          if c >= 0, c < shape[axis], nodes[node + step * stride].sse < nodes[node].sse { isMinimum = false }
        }
      }
      if isMinimum { minima.append(node) }
    }
    return minima.sorted { (nodes[$0].sse, $0) < (nodes[$1].sse, $1) }.prefix(maxStarts).map { nodes[$0].parameters }
  }
}
