import ComputeFrontier
import ScalingLaw

extension ScalingLawPanel {
  /// The standard panel of the paper's scaling-law figures: the fitted law drawn for each LLM
  /// size in the data, the measurements, and the compute-optimal frontier computed from the law
  /// for LLM sizes in `frontierN` (the authors draw 0.3 B to 20 B) and visual tokens in
  /// `visualTokenRange` (the paper's 1…576 unless a miniature model's grid is smaller).
  public static func fitted(
    title: String, Q: Double, law: ScalingLaw, lawLabel: String, observations: [Observation],
    frontierN: ClosedRange<Double>, visualTokenRange: ClosedRange<Double> = PaperStyle.visualTokenRange,
    notes: [String] = [], extraSeries: [PointSeries] = []
  ) -> ScalingLawPanel {
    let frontier = ComputeFrontier(law: law, Q: Q, visualTokenRange: visualTokenRange)
      .frontier(overN: frontierN)
      .map { FrontierPoint(flops: $0.budget, error: $0.error) }
    let Qtext = Q.rounded() == Q ? String(Int(Q)) : String(Q)
    return ScalingLawPanel(
      title: title, Q: Q, xLabel: "Inference compute 2·N·(\(Qtext)+V)  [GFLOP]", law: law, lawLabel: lawLabel,
      curveN: Array(Set(observations.map(\.N))).sorted(), observations: observations, frontier: frontier,
      notes: notes, extraSeries: extraSeries)
  }
}
