import ComputeFrontier
import ScalingLaw

/// The compute-optimal number of visual tokens at one Q, found three ways that must agree.
///
/// `numeric` optimises continuous V ∈ [1, 576] at a reference budget, `grid` picks the best of
/// the grid's V values, `closedForm` is β·Q/(α−β) clamped to [1, 576]. Reported by the figures
/// and checked by the claims ledger.
public struct OptimalTokens: Codable, Sendable, Equatable {
  public var Q: Double
  /// The budget (GFLOP) the numeric and grid optima were computed at: a 7 B model at V = 36.
  public var budget: Double
  public var numeric: Double
  public var grid: Double
  public var closedForm: Double
  /// N (billions) that spends `budget` at the numeric optimum.
  public var N: Double

  public init(law: ScalingLaw, Q: Double) {
    let frontier = ComputeFrontier(law: law, Q: Q)
    self.Q = Q
    budget = InferenceCompute.gflops(NBillion: 7, Q: Q, V: 36)
    let optimum = frontier.optimum(budget: budget)
    numeric = optimum.V
    N = optimum.N
    grid = frontier.optimum(budget: budget, among: PaperSetup.gridVisualTokens).V
    closedForm = frontier.closedFormOptimalV
  }
}
