import Foundation
import Gnuplot
import ScalingLaw

/// Lays out one or more ``ScalingLawPanel``s side by side as one self-contained gnuplot script
/// in ``PaperStyle``.
///
/// Each fitted curve is drawn from the law itself, as a gnuplot function sampled at V
/// log-uniform over 1…576, not from pre-computed points, so the script shows the exact formula
/// and its parameters (at full precision, set per panel as `a`, `alpha`, `beta`, `D`, `Q`).
/// Measurements and the frontier are inline datablocks. The legend column to the right of each
/// panel holds the fit (α, β to 4 significant digits), a key for N and the frontier, and, at its
/// bottom, the marker-size key for V, so no legend covers data.
public struct ScalingLawFigure: Hashable, Sendable {
  /// Base name of the script and its images.
  public var name: String
  public var panels: [ScalingLawPanel]
  /// Header lines: where the inputs come from and how the law was fitted. The figure appends
  /// each panel's parameters.
  public var header: [String]

  public init(name: String, panels: [ScalingLawPanel], header: [String] = []) {
    self.name = name
    self.panels = panels
    self.header = header
  }

  /// The gnuplot script that draws the figure.
  public func script() throws(ScalingLawFigureError) -> GnuplotScript {
    guard !panels.isEmpty else { throw .noPanels }
    for (index, panel) in panels.enumerated() {
      if let reason = Self.problem(in: panel) { throw .invalidPanel(panel: index + 1, reason: reason) }
    }
    do {
      return try build()
    } catch {
      throw .script(error)
    }
  }

  // MARK: Layout

  /// The panel frame in PNG pixels: room for the y axis on the left, the legend column on the
  /// right, the title above and the x axis below. Everything is placed in screen coordinates
  /// computed from these, so the figure looks the same in every format and nothing depends on
  /// gnuplot's automatic margins.
  private enum Frame {
    static let left = 125, legendColumn = 310, top = 60, bottom = 90
    /// Extra bottom margin per line of notes, and the notes' first line below the plot.
    static let noteLine = 18, notesBelowPlot = 86
    /// Row height of the marker-size key (it fits the largest marker).
    static let sizeKeyRow = 28
  }

  private func build() throws(GnuplotScriptError) -> GnuplotScript {
    let canvas = PaperStyle.canvas(panels: panels.count)
    var script = try GnuplotScript(
      name: name, canvas: canvas,
      header: header + panels.enumerated().map { index, panel in
        let law = panel.law
        return "panel \(index + 1) '\(panel.title)': Q = \(panel.Q), a = \(law.a), alpha = \(law.alpha), "
          + "beta = \(law.beta), D = \(law.D) (law evaluated with T = V)"
      })
    script.comment("Inference compute in GFLOP (N in billions) and the scaling law with T = V.")
    script.comment("a, alpha, beta, D and Q are set per panel below, at full precision.")
    try script.function("flops", parameters: ["N", "V"], definition: "2*N*(Q+V)")
    try script.function("Y", parameters: ["N", "V"], definition: "a*N**(-alpha)*V**(-beta) + D")
    script.comment("Layout in pixels of the PNG canvas; sx() and sy() turn them into screen fractions.")
    try script.variable("W", Double(canvas.width))
    try script.variable("H", Double(canvas.height))
    try script.function("sx", parameters: ["px"], definition: "px/W")
    try script.function("sy", parameters: ["px"], definition: "px/H")
    script.blankLine()
    script.command("set samples 200")
    script.command("set logscale x")
    script.command("set format x '10^{%L}'")
    script.command("set mxtics 10")
    script.command("set format y '%.3f'")
    script.command("set offsets 0, 0, graph 0.04, graph 0.04")
    script.command("set tics out nomirror font ',13'")
    script.command("set border lw \(PaperStyle.borderWidth)")
    script.command("set grid back xtics ytics lt 1 dt (6,6) lw 1 lc \(PaperStyle.gridColor.gnuplot)")
    let noteLines = panels.map { $0.notes.count }.max() ?? 0
    let plotBottom = Frame.bottom + Frame.noteLine * noteLines
    script.command("set tmargin at screen sy(\(canvas.height - Frame.top))")
    script.command("set bmargin at screen sy(\(plotBottom))")
    script.command("set multiplot")
    for (index, panel) in panels.enumerated() {
      try add(panel, number: index + 1, left: index * PaperStyle.panelWidth, plotBottom: plotBottom, to: &script)
    }
    script.blankLine()
    script.command("unset multiplot")
    return script
  }

  /// One panel: its data, its parameters, its axes and legend column, and the plot command.
  private func add(
    _ panel: ScalingLawPanel, number: Int, left: Int, plotBottom: Int, to script: inout GnuplotScript
  ) throws(GnuplotScriptError) {
    script.blankLine()
    script.comment("Panel \(number): \(panel.title)")
    let data = PanelData(panel, number: number)
    if !data.observations.isEmpty {
      try script.datablock(data.observationsName, columns: PanelData.columns, sections: data.observations.map(\.section))
    }
    if !panel.frontier.isEmpty {
      try script.datablock(data.frontierName, columns: ["flops", "error"], rows: panel.frontier.map { [$0.flops, $0.error] })
    }
    for (series, sections) in data.extras.enumerated() {
      try script.datablock(data.extraName(series), columns: PanelData.columns, sections: sections.map(\.section))
    }
    try script.variable("a", panel.law.a)
    try script.variable("alpha", panel.law.alpha)
    try script.variable("beta", panel.law.beta)
    try script.variable("D", panel.law.D)
    try script.variable("Q", panel.Q)

    let plotRight = left + PaperStyle.panelWidth - Frame.legendColumn
    script.command("set lmargin at screen sx(\(left + Frame.left))")
    script.command("set rmargin at screen sx(\(plotRight))")
    script.command("set title \(GnuplotLiteral.string(panel.title)) font ',16' noenhanced")
    script.command("set xlabel \(GnuplotLiteral.string(panel.xLabel)) font ',15' noenhanced")
    script.command("set ylabel 'Average downstream error' font ',15'")
    script.command(
      "set key at screen sx(\(plotRight + 10)), screen sy(\(PaperStyle.panelHeight - Frame.top)) left top Left reverse "
        + "samplen 2.0 spacing 1.1 font ',13' noenhanced title \(GnuplotLiteral.string(panel.lawLabel)) left")
    try addSizeKey(V: Self.distinctV(panel), left: plotRight + 20, bottom: plotBottom, to: &script)
    if !panel.notes.isEmpty {
      script.command(
        "set label 100 \(GnuplotLiteral.string(panel.notes.joined(separator: "\n"))) "
          + "at screen sx(\(left + 20)), screen sy(\(plotBottom - Frame.notesBelowPlot)) left font ',11' "
          + "tc \(PaperStyle.mutedColor.gnuplot) noenhanced")
    }
    script.command("plot sample \\\n  " + (try plotElements(panel, data)).joined(separator: ", \\\n  "))
    script.command("unset label")
  }

  /// The plot elements, back to front: fitted curves, measurements, extra series; then the key:
  /// α and β, one entry per N, the frontier (drawn on top), the extra series.
  private func plotElements(_ panel: ScalingLawPanel, _ data: PanelData) throws(GnuplotScriptError) -> [String] {
    var elements: [String] = []
    let range = PaperStyle.visualTokenRange
    let logV = "u=log(\(try GnuplotLiteral.number(range.lowerBound))):log(\(try GnuplotLiteral.number(range.upperBound)))"
    for N in panel.curveN {
      let n = try GnuplotLiteral.number(N)
      elements.append(
        "[\(logV)] '+' using (flops(\(n),exp(u))):(Y(\(n),exp(u))) with lines lw \(PaperStyle.curveWidth) "
          + "lc \(PaperStyle.color(N: N).gnuplot) notitle")
    }
    for (index, entry) in data.observations.enumerated() {
      elements.append(
        "$\(data.observationsName) index \(index) using (flops($1,$2)):3:4 with points "
          + "pt \(PaperStyle.marker(N: entry.N).filled) ps variable lc \(PaperStyle.color(N: entry.N).gnuplot) notitle")
    }
    for (series, sections) in data.extras.enumerated() {
      for (index, entry) in sections.enumerated() {
        elements.append(
          "$\(data.extraName(series)) index \(index) using (flops($1,$2)):3:4 with points "
            + "pt \(PaperStyle.marker(N: entry.N).open) ps variable lw 2 lc \(PaperStyle.color(N: entry.N).gnuplot) notitle")
      }
    }
    for parameter in ["α = \(PaperStyle.legendValue(panel.law.alpha))", "β = \(PaperStyle.legendValue(panel.law.beta))"] {
      elements.append("keyentry with lines lt nodraw title \(GnuplotLiteral.string(parameter))")
    }
    let keySize = try GnuplotLiteral.pointSize(1.5)
    for N in Set(panel.curveN + panel.observations.map(\.N)).sorted() {
      let style = panel.curveN.contains(N) ? "linespoints lw \(PaperStyle.curveWidth)" : "points"
      elements.append(
        "keyentry with \(style) pt \(PaperStyle.marker(N: N).filled) ps \(keySize) lc \(PaperStyle.color(N: N).gnuplot) "
          + "title \(GnuplotLiteral.string(PaperStyle.sizeLabel(N: N)))")
    }
    if !panel.frontier.isEmpty {
      elements.append(
        "$\(data.frontierName) using 1:2 with lines dt \(PaperStyle.frontierDashes) lw \(PaperStyle.frontierWidth) "
          + "lc \(PaperStyle.frontierColor.gnuplot) title 'compute-optimal frontier'")
    }
    for series in panel.extraSeries {
      elements.append(
        "keyentry with points pt \(MarkerShape.circle.open) ps \(keySize) lw 2 lc \(PaperStyle.mutedColor.gnuplot) "
          + "title \(GnuplotLiteral.string(series.title))")
    }
    return elements
  }

  /// The marker-size key at the bottom of the legend column: one grey marker per V, sized like
  /// the data's markers, each labelled with its V.
  private func addSizeKey(
    V values: [Double], left: Int, bottom: Int, to script: inout GnuplotScript
  ) throws(GnuplotScriptError) {
    let row = Frame.sizeKeyRow
    script.command(
      "set label 1 '#Tokens (V)' at screen sx(\(left)), screen sy(\(bottom + row * values.count + 6)) left font ',13'")
    for (index, V) in values.enumerated() {
      let y = bottom + row * (values.count - 1 - index) + 8
      script.command(
        "set label \(index + 2) \(GnuplotLiteral.string(String(format: "%g", V))) "
          + "at screen sx(\(left + 15)), screen sy(\(y)) left point pt \(MarkerShape.circle.filled) "
          + "ps \(try GnuplotLiteral.pointSize(PaperStyle.markerSize(V: V))) lc \(PaperStyle.mutedColor.gnuplot) "
          + "offset char 1.6, 0 font ',12'")
    }
  }

  // MARK: Data

  /// The V values a panel shows, for the marker-size key; the authors' grid if it shows none.
  private static func distinctV(_ panel: ScalingLawPanel) -> [Double] {
    let shown = Set((panel.observations + panel.extraSeries.flatMap(\.observations)).map(\.V)).sorted()
    return shown.isEmpty ? PaperSetup.gridVisualTokens : shown
  }

  /// Why `panel` cannot be drawn, or nil.
  private static func problem(in panel: ScalingLawPanel) -> String? {
    let law = panel.law
    if ![law.a, law.alpha, law.beta, law.D].allSatisfy(\.isFinite) { return "the law has a non-finite parameter: \(law)" }
    if !(panel.Q.isFinite && panel.Q >= 0) { return "Q must be finite and non-negative, got \(panel.Q)" }
    if let N = panel.curveN.first(where: { !($0.isFinite && $0 > 0) }) { return "curve N must be positive, got \(N)" }
    let points = panel.observations + panel.extraSeries.flatMap(\.observations)
    if let bad = points.first(where: { !($0.N.isFinite && $0.N > 0 && $0.V.isFinite && $0.V > 0 && $0.Y.isFinite) }) {
      return "observation needs positive finite N and V and a finite Y, got N = \(bad.N), V = \(bad.V), Y = \(bad.Y)"
    }
    if let bad = panel.frontier.first(where: { !($0.flops.isFinite && $0.flops > 0 && $0.error.isFinite) }) {
      return "frontier point needs positive finite flops and a finite error, got \(bad.flops), \(bad.error)"
    }
    if panel.curveN.isEmpty && panel.observations.isEmpty { return "nothing to draw: no curves and no observations" }
    return nil
  }
}

/// A panel's measurements as datablock sections, one per N, and the datablocks' names.
private struct PanelData {
  static let columns = ["N", "V", "Y", "marker_size"]
  let number: Int
  let observations: [(N: Double, section: DatablockSection)]
  let extras: [[(N: Double, section: DatablockSection)]]

  init(_ panel: ScalingLawPanel, number: Int) {
    self.number = number
    observations = Self.sections(panel.observations)
    extras = panel.extraSeries.map { Self.sections($0.observations) }
  }

  var observationsName: String { "OBS_\(number)" }
  var frontierName: String { "FRONTIER_\(number)" }
  func extraName(_ series: Int) -> String { "EXTRA_\(number)_\(series + 1)" }

  /// Observations grouped by N (ascending), rows by ascending V, with the marker size by V.
  private static func sections(_ observations: [Observation]) -> [(N: Double, section: DatablockSection)] {
    Dictionary(grouping: observations, by: \.N).sorted { $0.key < $1.key }.map { N, group in
      let rows = group.sorted { $0.V < $1.V }.map { [$0.N, $0.V, $0.Y, PaperStyle.markerSize(V: $0.V)] }
      return (N, DatablockSection(comment: "N = \(N)", rows: rows))
    }
  }
}
