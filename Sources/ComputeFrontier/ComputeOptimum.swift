import RealModule
import ScalingLaw

/// The best configuration for one compute budget: which LLM size N and how many visual tokens V.
public struct ComputeOptimum: Hashable, Sendable, Codable {
  /// Inference compute 2·N·(Q+V), GFLOP.
  public var budget: Double
  /// LLM size in billions of parameters that spends the whole budget.
  public var N: Double
  /// Visual tokens.
  public var V: Double
  /// Predicted error at (N, V).
  public var error: Double
}

/// The compute-optimal trade-off between LLM size and visual tokens implied by a fitted law.
///
/// For a budget C = 2·N·(Q+V), choosing V fixes N = C / (2(Q+V)) and the error is
/// `Y(V) = a·(C/(2(Q+V)))^-α·T(V)^-β + D`. With T = V this is minimised by
/// `V* = β·Q/(α − β)` when α > β (V* = 0 → the minimum V at Q = 0: the paper's headline);
/// when α ≤ β more visual tokens always win. Everything here is computed numerically from the
/// law and cross-checked against that closed form — nothing is hard-coded.
public struct ComputeFrontier: Sendable {
  public var law: ScalingLaw
  /// Text tokens per query.
  public var Q: Double
  public var convention: TokenConvention
  /// The visual-token range a compressor can produce (1 to the 576 uncompressed CLIP tokens).
  public var visualTokenRange: ClosedRange<Double>

  /// How close to a value the numeric optimum counts as at it: within 0.1 % (the golden-section
  /// search's resolution on log V is far finer; this absorbs the boundary comparison).
  public static let resolutionFactor = 1.001

  public init(law: ScalingLaw, Q: Double, convention: TokenConvention = .visual, visualTokenRange: ClosedRange<Double> = PaperSetup.visualTokenRange) {
    precondition(visualTokenRange.lowerBound > 0, "visual tokens must be positive")
    self.law = law
    self.Q = Q
    self.convention = convention
    self.visualTokenRange = visualTokenRange
  }

  /// The predicted error when `budget` GFLOP are spent with `V` visual tokens.
  public func error(budget: Double, V: Double) -> Double {
    let N = InferenceCompute.parametersBillion(forBudgetGFLOP: budget, Q: Q, V: V)
    return law.error(N: N, V: V, Q: Q, convention: convention)
  }

  private func optimum(budget: Double, V: Double) -> ComputeOptimum {
    ComputeOptimum(budget: budget, N: InferenceCompute.parametersBillion(forBudgetGFLOP: budget, Q: Q, V: V), V: V,
                   error: error(budget: budget, V: V))
  }

  /// The optimum over continuous V in `visualTokenRange`, by golden-section search on log V.
  ///
  /// The error is unimodal in log V at fixed budget (its derivative changes sign at most once),
  /// so golden-section search converges to the global optimum; the two ends of the range are
  /// compared as well so a boundary optimum is returned exactly.
  public func optimum(budget: Double) -> ComputeOptimum {
    let (lo, hi) = (Double.log(visualTokenRange.lowerBound), Double.log(visualTokenRange.upperBound))
    let logV = GoldenSection.minimize(lo...hi) { error(budget: budget, V: Double.exp($0)) }
    let candidates = [visualTokenRange.lowerBound, Double.exp(logV), visualTokenRange.upperBound]
    return candidates.map { optimum(budget: budget, V: $0) }.min { $0.error < $1.error }!
  }

  /// The optimum over a discrete set of V (e.g. the grid's 1, 4, …, 576); ties go to fewer tokens.
  public func optimum(budget: Double, among visualTokens: [Double]) -> ComputeOptimum {
    visualTokens.sorted().map { optimum(budget: budget, V: $0) }.min { $0.error < $1.error }!
  }

  /// The closed form V* = β·Q/(α − β) for T = V, clamped to `visualTokenRange`; for T = Q + V the
  /// error goes as (Q+V)^(α−β), so V* is the smallest V if α > β and the largest otherwise.
  public var closedFormOptimalV: Double {
    let (alpha, beta) = (law.alpha, law.beta)
    let unclamped: Double
    switch convention {
    case .visual:
      unclamped = alpha > beta ? beta * Q / (alpha - beta) : .infinity
    case .textPlusVisual:
      unclamped = alpha > beta ? 0 : .infinity
    }
    return min(max(unclamped, visualTokenRange.lowerBound), visualTokenRange.upperBound)
  }

  /// The frontier traced over LLM sizes `N` (billions): for each size, the budget it would spend
  /// at the optimal V, re-optimised numerically at that budget. `count` sizes, log-spaced.
  ///
  /// Parametrising by N rather than by budget gives the frontier the same extent as the authors'
  /// figure (they draw it for N from 0.3 B to 20 B).
  public func frontier(overN sizes: ClosedRange<Double>, count: Int = 64) -> [ComputeOptimum] {
    let reference = optimum(budget: InferenceCompute.gflops(NBillion: sizes.lowerBound, Q: Q, V: visualTokenRange.lowerBound))
    return Self.logSpaced(sizes, count: count).map { N in
      optimum(budget: InferenceCompute.gflops(NBillion: N, Q: Q, V: reference.V))
    }
  }

  /// `count` values spaced evenly in log between the ends of `range` (ends included exactly).
  public static func logSpaced(_ range: ClosedRange<Double>, count: Int) -> [Double] {
    precondition(range.lowerBound > 0 && count >= 2, "log spacing needs a positive range and two points")
    let (lo, hi) = (Double.log(range.lowerBound), Double.log(range.upperBound))
    return (0..<count).map { i in
      i == 0 ? range.lowerBound : i == count - 1 ? range.upperBound
        : Double.exp(lo + (hi - lo) * Double(i) / Double(count - 1))
    }
  }
}

/// Golden-section search for the minimum of a unimodal function on an interval, to 1e-12: the
/// one line search behind every compute-optimal V (the paper's law, and any other form between
/// two neighbouring nodes of a global scan).
public enum GoldenSection {
  /// The midpoint of the final bracket around the minimum of `f` on `interval`.
  public static func minimize(_ interval: ClosedRange<Double>, _ f: (Double) -> Double) -> Double {
    var (lo, hi) = (interval.lowerBound, interval.upperBound)
    let ratio = (Double.sqrt(5) - 1) / 2
    var x1 = hi - ratio * (hi - lo)
    var x2 = lo + ratio * (hi - lo)
    var f1 = f(x1)
    var f2 = f(x2)
    while hi - lo > 1e-12 {
      if f1 <= f2 {
        (hi, x2, f2) = (x2, x1, f1)
        x1 = hi - ratio * (hi - lo)
        f1 = f(x1)
      } else {
        (lo, x1, f1) = (x1, x2, f2)
        x2 = lo + ratio * (hi - lo)
        f2 = f(x2)
      }
    }
    return (lo + hi) / 2
  }
}
