import ComputeFrontier
import ScalingLaw

/// The compute-optimal number of visual tokens at one Q, found three ways that must agree.
///
/// `numeric` optimises continuous V ∈ [1, 576] at a reference budget, `grid` picks the best of
/// the grid's V values, `closedForm` is β·Q/(α−β) clamped to [1, 576]. Reported by the figures
/// and checked by the claims ledger.
public struct OptimalTokens: Codable, Sendable, Equatable {
  public var Q: Double
  /// The budget (GFLOP) the numeric and grid optima were computed at: a 7 B model at V = 36 for
  /// the paper's figures, the largest trained LM at V = 36 for the miniature replication's.
  public var budget: Double
  public var numeric: Double
  public var grid: Double
  public var closedForm: Double
  /// N (billions) that spends `budget` at the numeric optimum.
  public var N: Double

  /// At the paper's reference budget (a 7 B model at V = 36), over its 1…576 tokens and grid.
  public init(law: ScalingLaw, Q: Double) {
    self.init(
      law: law, Q: Q, referenceNBillion: 7, visualTokenRange: PaperSetup.visualTokenRange, grid: PaperSetup.gridVisualTokens)
  }

  /// At the budget of the `referenceNBillion` model at V = 36, over `visualTokenRange` and the
  /// `grid` of measured V (a miniature model's 1…144 and its own grid).
  public init(law: ScalingLaw, Q: Double, referenceNBillion: Double, visualTokenRange: ClosedRange<Double>, grid: [Double]) {
    let frontier = ComputeFrontier(law: law, Q: Q, visualTokenRange: visualTokenRange)
    self.Q = Q
    budget = InferenceCompute.gflops(NBillion: referenceNBillion, Q: Q, V: 36)
    let optimum = frontier.optimum(budget: budget)
    numeric = optimum.V
    N = optimum.N
    self.grid = frontier.optimum(budget: budget, among: grid).V
    closedForm = frontier.closedFormOptimalV
  }
}
