import Foundation
import Gnuplot
import ScalingLaw

extension ScalingLawPanel {
  /// Why the panel cannot be drawn, or nil.
  var problem: String? {
    if ![law.a, law.alpha, law.beta, law.D].allSatisfy(\.isFinite) { return "the law has a non-finite parameter: \(law)" }
    if !(Q.isFinite && Q >= 0) { return "Q must be finite and non-negative, got \(Q)" }
    if let N = curveN.first(where: { !($0.isFinite && $0 > 0) }) { return "curve N must be positive, got \(N)" }
    let points = observations + extraSeries.flatMap(\.observations)
    if let bad = points.first(where: { !($0.N.isFinite && $0.N > 0 && $0.V.isFinite && $0.V > 0 && $0.Y.isFinite) }) {
      return "observation needs positive finite N and V and a finite Y, got N = \(bad.N), V = \(bad.V), Y = \(bad.Y)"
    }
    if let bad = frontier.first(where: { !($0.flops.isFinite && $0.flops > 0 && $0.error.isFinite) }) {
      return "frontier point needs positive finite flops and a finite error, got \(bad.flops), \(bad.error)"
    }
    if let bad = ErrorBar.problem(errorBars) { return bad }
    if curveN.isEmpty && observations.isEmpty { return "nothing to draw: no curves and no observations" }
    return nil
  }

  /// The panel as gnuplot pieces.
  ///
  /// Each fitted curve is drawn from the law itself, as a gnuplot function sampled at V
  /// log-uniform over 1…576, not from pre-computed points, so the script shows the exact formula
  /// and its parameters (at full precision, set per panel as `a`, `alpha`, `beta`, `D`, `Q`).
  /// Measurements and the frontier are inline datablocks. The legend column holds the fit (α, β
  /// to 4 significant digits), a key for N and the frontier, and, at its bottom, the marker-size
  /// key for V, so no legend covers data.
  func drawing(prefix: String) throws(GnuplotScriptError) -> PanelDrawing {
    var drawing = PanelDrawing(title: title, xLabel: xLabel, yLabel: "Average downstream error", legendColumn: 310)
    drawing.header = [
      "'\(title)': Q = \(Q), a = \(law.a), alpha = \(law.alpha), beta = \(law.beta), D = \(law.D) (law evaluated with T = V)",
    ]
    drawing.setLaw(law, Q: Q)
    drawing.keyTitle = lawLabel
    drawing.notes = notes
    drawing.sizeKeyV = {
      let shown = Set((observations + extraSeries.flatMap(\.observations)).map(\.V)).sorted()
      return shown.isEmpty ? PaperSetup.gridVisualTokens : shown
    }()
    let columns = PanelDrawing.observationColumns
    let observationsName = "\(prefix)OBS", frontierName = "\(prefix)FRONTIER"
    let measured = PanelDrawing.observationSections(observations)
    if !measured.isEmpty { drawing.datablocks.append((observationsName, columns, measured.map(\.section))) }
    if !frontier.isEmpty {
      drawing.datablocks.append((frontierName, ["flops", "error"], [DatablockSection(comment: nil, rows: frontier.map { [$0.flops, $0.error] })]))
    }
    let extras = extraSeries.map { PanelDrawing.observationSections($0.observations) }
    for (series, sections) in extras.enumerated() {
      drawing.datablocks.append(("\(prefix)EXTRA_\(series + 1)", columns, sections.map(\.section)))
    }
    let seedBars = drawing.seedErrorBars(errorBars, prefix: prefix)

    // Back to front: fitted curves, measurements, extra series; then the key: α and β, one
    // entry per N, the frontier (drawn on top), the extra series.
    for N in curveN {
      drawing.elements.append(try PanelDrawing.lawCurve(N: N) + " lc \(PaperStyle.color(N: N).gnuplot) notitle")
    }
    // Under the markers, so each mean stays visible.
    if let seedBars { drawing.elements.append(seedBars) }
    for (index, entry) in measured.enumerated() {
      drawing.elements.append(
        "$\(observationsName) index \(index) using (flops($1,$2)):3:4 with points "
          + "pt \(PaperStyle.marker(N: entry.N).filled) ps variable lc \(PaperStyle.color(N: entry.N).gnuplot) notitle")
    }
    for (series, sections) in extras.enumerated() {
      for (index, entry) in sections.enumerated() {
        drawing.elements.append(
          "$\(prefix)EXTRA_\(series + 1) index \(index) using (flops($1,$2)):3:4 with points "
            + "pt \(PaperStyle.marker(N: entry.N).open) ps variable lw 2 lc \(PaperStyle.color(N: entry.N).gnuplot) notitle")
      }
    }
    drawing.elements += PanelDrawing.exponentKeyEntries(law)
    let keySize = try GnuplotLiteral.pointSize(1.5)
    for N in Set(curveN + observations.map(\.N)).sorted() {
      let style = curveN.contains(N) ? "linespoints lw \(PaperStyle.curveWidth)" : "points"
      drawing.elements.append(
        "keyentry with \(style) pt \(PaperStyle.marker(N: N).filled) ps \(keySize) lc \(PaperStyle.color(N: N).gnuplot) "
          + "title \(GnuplotLiteral.string(PaperStyle.sizeLabel(N: N)))")
    }
    if !frontier.isEmpty {
      drawing.elements.append(
        "$\(frontierName) using 1:2 with lines dt \(PaperStyle.frontierDashes) lw \(PaperStyle.frontierWidth) "
          + "lc \(PaperStyle.frontierColor.gnuplot) title 'compute-optimal frontier'")
    }
    for series in extraSeries {
      drawing.elements.append(
        "keyentry with points pt \(MarkerShape.circle.open) ps \(keySize) lw 2 lc \(PaperStyle.mutedColor.gnuplot) "
          + "title \(GnuplotLiteral.string(series.title))")
    }
    return drawing
  }
}
