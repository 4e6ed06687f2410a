import ScalingLaw

/// The visual-reasoning grid (average accuracy) typed in from
/// paper-artifacts/visual_reasoning_avg_accuracy.csv, so the analysis tests do not need the store.
enum Grids {
  static let sizes: [Double] = [0.5, 1.8, 4, 7]
  static let visualTokens: [Double] = [1, 4, 16, 36, 64, 144, 576]

  static let visualReasoning: [Observation] = zip(sizes, [
    [0.3855, 0.3917, 0.4078, 0.4133, 0.4151, 0.4244, 0.4320],
    [0.4333, 0.4519, 0.4528, 0.4597, 0.4609, 0.4758, 0.4808],
    [0.4630, 0.4692, 0.4858, 0.4916, 0.5023, 0.5092, 0.5185],
    [0.4810, 0.4971, 0.5050, 0.5141, 0.5172, 0.5238, 0.5354],
  ]).flatMap { N, accuracies in zip(visualTokens, accuracies).map { Observation(N: N, V: $0, accuracy: $1) } }

  /// Exact data from `law` on the grid's V at `sizes`.
  static func synthetic(_ law: ScalingLaw, sizes: [Double]) -> [Observation] {
    sizes.flatMap { N in visualTokens.map { V in Observation(N: N, V: V, Y: law.error(N: N, T: V)) } }
  }
}
