import RealModule
import ScalingLaw

/// Huber loss on log residuals from a grid of starts: Chinchilla's "approach 3" (Hoffmann et al.
/// 2022) as replicated by Besiroglu et al. (Epoch AI, 2024).
///
/// Objective: Σ Huber_δ(log Ŷ − log Y) with δ = 1e-3, where log Ŷ = LSE(log a − α·log N − β·log T,
/// log D). Working in (log a, α, β, log D) keeps a and D positive without a box (as the Chinchilla
/// protocol does), but not without a bound: D's floor 0 is still there, at log D = −∞. When the
/// data want D ≤ 0 — as on the visual-reasoning grid, where least squares stops at D = 0 on its
/// box — log D only drifts down until the loss stops changing, and the fit ends at a D such as
/// 3e-16 that is 0 in every prediction. ``floorReached(_:_:)`` says so, and the fit reports D
/// among ``FitResult/parametersAtBounds``, as a boxed fit with D on its bound does. Each start is minimised by BFGS with an Armijo backtracking line search
/// and the analytic gradient; the start with the lowest loss wins.
///
/// Convergence means the loss gradient's largest component fell below `1e-9 × loss + 1e-12` (the
/// floor is rounding level for log residuals, so exact data converges too); or the loss fell by
/// less than `1e-12` relative over the last 50 iterations (stationary — scipy's L-BFGS-B stops
/// on a looser relative reduction, ~2e-9 per iteration; this is what ends a fit whose optimum
/// has D → 0, i.e. log D → −∞, where the gradient only fades); or a line search could make no
/// progress with the gradient already below `1e-6 × loss`. The best start failing all of these
/// throws ``FitError/notConverged(method:detail:)``. Because Huber with a small δ is
/// close to an L1 loss, this fit is less sensitive to single odd points than least squares — the
/// reason to report it beside the others. Its `sse` is the plain SSE on Y of the robust optimum.
public struct RobustHuberFit: Sendable {
  public var delta: Double
  public var maxIterations: Int

  public init(delta: Double = 1e-3, maxIterations: Int = 5_000) {
    self.delta = delta
    self.maxIterations = maxIterations
  }

  /// The start grid: a ∈ {0.2, 0.45, 0.7}, α ∈ {0.02, 0.1, 0.2}, β ∈ {0.005, 0.025, 0.05},
  /// D ∈ {0.001, 0.03, 0.3} — 81 starts spanning the paper's box.
  public static let starts: [ScalingLaw] = {
    var laws: [ScalingLaw] = []
    for a in [0.2, 0.45, 0.7] {
      for alpha in [0.02, 0.1, 0.2] {
        for beta in [0.005, 0.025, 0.05] {
          for D in [0.001, 0.03, 0.3] { laws.append(ScalingLaw(a: a, alpha: alpha, beta: beta, D: D)) }
        }
      }
    }
    return laws
  }()

  public func fit(_ problem: FitProblem) throws(FitError) -> FitResult {
    for (index, o) in problem.observations.enumerated() where o.Y <= 0 {
      throw .invalidObservation(index: index, o, reason: "the robust fit takes log Y, so Y must be > 0")
    }
    let loss = HuberLogLoss(problem: problem, delta: delta)
    let runs = Self.starts.map { loss.minimize(from: $0, maxIterations: maxIterations) }
    let best = runs.enumerated().min { ($0.element.loss, $0.offset) < ($1.element.loss, $1.offset) }!.element
    guard best.converged else {
      throw .notConverged(method: .robust, detail: "\(best.criterion) after \(best.iterations) iterations (loss \(best.loss))")
    }
    let agreeing = runs.filter { abs($0.loss - best.loss) <= 1e-6 * best.loss }.count
    return FitResult(
      method: .robust, law: best.law, sse: problem.sse(best.law), objective: best.loss,
      observationCount: problem.count, totalSumOfSquares: problem.totalSumOfSquares, convention: problem.convention, bounds: nil,
      parametersAtBounds: Self.floorReached(best.law, problem) ? ["D"] : [],
      convergence: Convergence(
        converged: true, iterations: best.iterations, starts: runs.count, startsAgreeing: agreeing,
        criterion: best.criterion))
  }
}

extension RobustHuberFit {
  /// Whether the fit's D sits on its floor 0: below 1e-12 of the smallest measured Y, it changes
  /// no prediction beyond rounding (Ŷ's relative change is at most 1e-12), so the reported value
  /// (e.g. 3e-16) is where the optimiser stopped walking log D down, not an estimate of a floor.
  public static func floorReached(_ law: ScalingLaw, _ problem: FitProblem) -> Bool {
    law.D <= 1e-12 * (problem.Y.min() ?? 0)
  }
}

/// The Huber loss of log residuals as a function of θ = (log a, α, β, log D), with its gradient.
struct HuberLogLoss {
  let logN: [Double]
  let logT: [Double]
  let logY: [Double]
  let delta: Double

  init(problem: FitProblem, delta: Double) {
    logN = problem.N.map { Double.log($0) }
    logT = problem.T.map { Double.log($0) }
    logY = problem.Y.map { Double.log($0) }
    self.delta = delta
  }

  func value(_ theta: [Double]) -> (loss: Double, gradient: [Double]) {
    var loss = 0.0
    var gradient = [0.0, 0.0, 0.0, 0.0]
    for k in logY.indices {
      let u = theta[0] - theta[1] * logN[k] - theta[2] * logT[k]
      let v = theta[3]
      let top = max(u, v)
      let logPrediction = top + Double.log(Double.exp(u - top) + Double.exp(v - top))
      let w = Double.exp(u - logPrediction)  // share of the power-law term in the prediction
      let r = logPrediction - logY[k]
      let psi: Double
      if abs(r) <= delta {
        loss += 0.5 * r * r
        psi = r
      } else {
        loss += delta * (abs(r) - 0.5 * delta)
        psi = r > 0 ? delta : -delta
      }
      gradient[0] += psi * w
      gradient[1] -= psi * w * logN[k]
      gradient[2] -= psi * w * logT[k]
      gradient[3] += psi * (1 - w)
    }
    return (loss, gradient)
  }

  struct Outcome {
    var law: ScalingLaw
    var loss: Double
    var iterations: Int
    var converged: Bool
    var criterion: String
  }

  func minimize(from start: ScalingLaw, maxIterations: Int) -> Outcome {
    var theta = [Double.log(start.a), start.alpha, start.beta, Double.log(start.D)]
    var (loss, gradient) = value(theta)
    var inverseHessian = identity
    var history: [Double] = []
    let window = 50
    func outcome(_ iterations: Int, _ converged: Bool, _ criterion: String) -> Outcome {
      Outcome(law: ScalingLaw(a: Double.exp(theta[0]), alpha: theta[1], beta: theta[2], D: Double.exp(theta[3])),
              loss: loss, iterations: iterations, converged: converged, criterion: criterion)
    }
    for iteration in 0..<maxIterations {
      let gradientNorm = gradient.map(abs).max()!
      if gradientNorm <= 1e-9 * loss + 1e-12 {
        return outcome(iteration, true, "loss gradient ≤ 1e-9·loss")
      }
      history.append(loss)
      if history.count > window, history[history.count - 1 - window] - loss <= 1e-12 * loss {
        return outcome(iteration, true, "loss stationary: relative decrease ≤ 1e-12 over \(window) iterations")
      }
      var direction = multiply(inverseHessian, gradient).map { -$0 }
      var slope = dot(direction, gradient)
      if slope >= 0 {  // not a descent direction: restart from steepest descent
        inverseHessian = identity
        direction = gradient.map { -$0 }
        slope = dot(direction, gradient)
      }
      // Armijo backtracking line search.
      var step = 1.0
      var next: (theta: [Double], loss: Double, gradient: [Double])?
      while step > 1e-20 {
        let trial = zip(theta, direction).map { $0 + step * $1 }
        let (trialLoss, trialGradient) = value(trial)
        if trialLoss.isFinite && trialLoss <= loss + 1e-4 * step * slope {
          next = (trial, trialLoss, trialGradient)
          break
        }
        step /= 2
      }
      guard let next else {
        let converged = gradientNorm <= 1e-6 * loss + 1e-12
        return outcome(iteration, converged, converged
          ? "no further decrease at machine precision; gradient ≤ 1e-6·loss"
          : "line search failed with gradient \(gradientNorm) > 1e-6·loss")
      }
      // BFGS update of the inverse Hessian (skipped when the curvature condition fails).
      let s = zip(next.theta, theta).map { $0 - $1 }
      let y = zip(next.gradient, gradient).map { $0 - $1 }
      let sy = dot(s, y)
      if sy > 1e-300 {
        let hy = multiply(inverseHessian, y)
        let yhy = dot(y, hy)
        for i in 0..<4 {
          for j in 0..<4 {
            inverseHessian[i][j] += (sy + yhy) * s[i] * s[j] / (sy * sy) - (hy[i] * s[j] + s[i] * hy[j]) / sy
          }
        }
      }
      (theta, loss, gradient) = next
    }
    return outcome(maxIterations, false, "iteration limit \(maxIterations) reached")
  }

  private var identity: [[Double]] { (0..<4).map { i in (0..<4).map { i == $0 ? 1 : 0 } } }
  private func dot(_ x: [Double], _ y: [Double]) -> Double { zip(x, y).reduce(0) { $0 + $1.0 * $1.1 } }
  private func multiply(_ m: [[Double]], _ x: [Double]) -> [Double] { m.map { dot($0, x) } }
}
