import Gnuplot
import ScalingLaw

/// The pieces every panel that draws the scaling law shares (the scaling-law panel of Figures 1
/// and 3b, the extrapolation panel of Figure 2): the law as gnuplot functions, its parameters,
/// the axes, the curves, the measurement datablocks and the α, β key entries — written once, so
/// the two kinds of panel cannot draw the law differently.
extension PanelDrawing {
  /// The law `Y(N, V)` and compute `flops(N, V) = 2·N·(Q+V)` as functions, the law's parameters
  /// and Q as variables (full precision), and log-x axes with errors to three decimals.
  mutating func setLaw(_ law: ScalingLaw, Q: Double) {
    functions = [
      ("flops", ["N", "V"], "2*N*(Q+V)"),
      ("Y", ["N", "V"], "a*N**(-alpha)*V**(-beta) + D"),
    ]
    variables = [("a", law.a), ("alpha", law.alpha), ("beta", law.beta), ("D", law.D), ("Q", Q)]
    axes = [
      "set samples 200",
      "set logscale x",
      "set format x '10^{%L}'",
      "set mxtics 10",
      "set format y '%.3f'",
      "set offsets 0, 0, graph 0.04, graph 0.04",
      "set grid back xtics ytics lt 1 dt (6,6) lw 1 lc \(PaperStyle.gridColor.gnuplot)",
    ]
  }

  /// The law's curve for `N` billion parameters, sampled log-uniformly over V ∈ [1, 576], as a
  /// plot element without its colour.
  static func lawCurve(N: Double) throws(GnuplotScriptError) -> String {
    let range = PaperStyle.visualTokenRange
    let logV = "u=log(\(try GnuplotLiteral.number(range.lowerBound))):log(\(try GnuplotLiteral.number(range.upperBound)))"
    let n = try GnuplotLiteral.number(N)
    return "[\(logV)] '+' using (flops(\(n),exp(u))):(Y(\(n),exp(u))) with lines lw \(PaperStyle.curveWidth)"
  }

  /// The α and β key entries.
  static func exponentKeyEntries(_ law: ScalingLaw) -> [String] {
    ["α = \(PaperStyle.legendValue(law.alpha))", "β = \(PaperStyle.legendValue(law.beta))"].map {
      "keyentry with lines lt nodraw title \(GnuplotLiteral.string($0))"
    }
  }

  static let observationColumns = ["N", "V", "Y", "marker_size"]

  /// Observations grouped by N (ascending), rows by ascending V, with the marker size by V.
  static func observationSections(_ observations: [Observation]) -> [(N: Double, section: DatablockSection)] {
    Dictionary(grouping: observations, by: \.N).sorted { $0.key < $1.key }.map { N, group in
      let rows = group.sorted { $0.V < $1.V }.map { [$0.N, $0.V, $0.Y, PaperStyle.markerSize(V: $0.V)] }
      return (N, DatablockSection(comment: "N = \(N)", rows: rows))
    }
  }
}
