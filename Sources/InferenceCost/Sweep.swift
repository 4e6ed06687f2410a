import InferenceEngine
import VLM

/// Median cost of one sweep configuration (model, V, Q), per component.
public struct SweepMeasurement: Sendable, Equatable {
  public var model: String
  /// LLM parameters.
  public var N: Int
  public var V: Int
  public var Q: Int
  /// Per component: FLOPs counted (identical across repetitions) and the median wall time.
  public var costs: [InferenceComponent: ComponentCost]

  public init(model: String, N: Int, V: Int, Q: Int, costs: [InferenceComponent: ComponentCost]) {
    self.model = model
    self.N = N
    self.V = V
    self.Q = Q
    self.costs = costs
  }

  /// The paper's inference compute, `2·N·(Q+V)`, in FLOPs.
  public var paperFLOPs: Double { 2 * Double(N) * Double(Q + V) }
  public var prefillSeconds: Double { costs[.prefill]?.seconds ?? 0 }
  /// Vision encoder + question pass + compressor + prefill + decode, summed in that fixed order
  /// (a dictionary's order varies between runs, and so would the last bits of the sum).
  public var totalSeconds: Double { InferenceComponent.allCases.reduce(0) { $0 + (costs[$1]?.seconds ?? 0) } }
}

/// Runs a sweep plan on this machine.
public enum Sweep {
  /// Measures every configuration of `plan`, model by model; `progress` gets one line per model.
  ///
  /// Each model gets one untimed warm-up run first (page faults on fresh weights, allocator
  /// growth). Repetitions are interleaved — every (V, Q) once, then every (V, Q) again — so a
  /// burst of load from another process lands in one repetition of several configurations rather
  /// than in every repetition of one; each component's time is the median of its repetitions.
  public static func run(
    _ plan: SweepPlan, store: CheckpointStore, progress: (String) -> Void = { _ in }
  ) throws -> [SweepMeasurement] {
    var measurements: [SweepMeasurement] = []
    let grid = plan.textTokens.flatMap { Q in plan.visualTokens.map { V in (V: V, Q: Q) } }
    for configuration in plan.family.models {
      let model = try store.load(configuration, family: plan.family)
      let image = Image.synthetic(side: configuration.vision.imageSide, seed: plan.imageSeed)
      func run(V: Int, Q: Int) throws -> InferenceResult {
        try model.run(InferenceRequest(image: image, question: SweepPlan.question(tokens: Q), visualTokens: V,
                                       compressor: plan.compressor, newTokens: plan.newTokens))
      }
      _ = try run(V: plan.visualTokens.max() ?? 1, Q: plan.textTokens.max() ?? 0)
      var results = Array(repeating: [InferenceResult](), count: grid.count)
      for _ in 0..<max(plan.repetitions, 1) {
        for (index, point) in grid.enumerated() { results[index].append(try run(V: point.V, Q: point.Q)) }
      }
      for (point, runs) in zip(grid, results) {
        var costs: [InferenceComponent: ComponentCost] = [:]
        for component in InferenceComponent.allCases {
          costs[component] = ComponentCost(
            flops: runs[0].costs[component]?.flops ?? 0, seconds: median(runs.map { $0.costs[component]?.seconds ?? 0 }))
        }
        measurements.append(SweepMeasurement(model: configuration.name, N: configuration.parameterCount, V: point.V, Q: point.Q, costs: costs))
      }
      progress("measured \(configuration.name) (N = \(configuration.parameterCount))")
    }
    return measurements
  }

  /// The median of `values` (the mean of the middle two for an even count; 0 for none).
  public static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }
}
