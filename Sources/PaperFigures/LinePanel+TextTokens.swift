import ComputeFrontier
import ScalingLaw

extension LinePanel {
  /// Figure 3a (a): the compute-optimal frontier of `law` for each text-token count Q, as error
  /// against inference compute 2·N·(Q+V) for LLM sizes in `frontierN`, one curve per Q on the
  /// cool ramp; the key gives each curve's optimal V.
  public static func frontiers(
    title: String, law: ScalingLaw, Q values: [Double], frontierN: ClosedRange<Double>,
    visualTokenRange: ClosedRange<Double> = PaperStyle.visualTokenRange, notes: [String] = []
  ) -> LinePanel {
    let series = values.enumerated().map { index, Q in
      let frontier = ComputeFrontier(law: law, Q: Q, visualTokenRange: visualTokenRange).frontier(overN: frontierN)
      let V = frontier.first?.V ?? visualTokenRange.lowerBound
      return LineSeries(
        title: "Q = \(PaperStyle.compact(Q)):  V* = \(PaperStyle.compact(V))",
        points: frontier.map { PlotPoint(x: $0.budget, y: $0.error) },
        color: PaperStyle.coolColor(index: index, of: values.count), style: .line(width: PaperStyle.curveWidth, dashes: nil))
    }
    return LinePanel(
      title: title, xLabel: "Inference compute 2·N·(Q+V)  [GFLOP]", yLabel: "Average downstream error (frontier)",
      logX: true, xFormat: "10^{%L}", yFormat: "%.3f", series: series, keyTitle: "Text tokens Q", notes: notes)
  }

  /// Figure 3a (b): the compute-optimal number of visual tokens against Q. The closed form
  /// V* = β·Q/(α − β) (clamped to the visual-token range) is drawn as a line over `Q`; `numeric` (the optimum
  /// found by search) and `grid` (the best of the grid's V) are drawn as markers, and each
  /// numeric optimum is labelled with its value.
  public static func optimalTokens(
    title: String, law: ScalingLaw, Q range: ClosedRange<Double>, numeric: [PlotPoint], grid: [PlotPoint],
    visualTokenRange: ClosedRange<Double> = PaperStyle.visualTokenRange, notes: [String] = []
  ) -> LinePanel {
    let closedForm = (0...200).map { step in
      let Q = range.lowerBound + (range.upperBound - range.lowerBound) * Double(step) / 200
      return PlotPoint(x: Q, y: ComputeFrontier(law: law, Q: Q, visualTokenRange: visualTokenRange).closedFormOptimalV)
    }
    return LinePanel(
      title: title, xLabel: "Text tokens Q", yLabel: "Compute-optimal visual tokens V*", yFormat: "%g", yMinimum: 0,
      series: [
        LineSeries(
          title: "closed form β·Q/(α−β)", points: closedForm, color: PaperStyle.frontierColor,
          style: .line(width: 2.5, dashes: nil)),
        LineSeries(
          title: "best V of the grid", points: grid, color: PaperStyle.mutedColor,
          style: .markers(.square, filled: false, size: 2.2)),
        LineSeries(
          title: "numeric optimum", points: numeric, color: PaperStyle.heldOutColor,
          style: .markers(.circle, filled: true, size: 1.6)),
      ],
      annotations: numeric.map { PlotAnnotation(PaperStyle.compact($0.y), x: $0.x, y: $0.y, alignment: .left, dx: 0.9, dy: -0.7) },
      keyTitle: "Optimal V", notes: notes)
  }
}
