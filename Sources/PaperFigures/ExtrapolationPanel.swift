import Foundation
import ComputeFrontier
import Gnuplot
import ResultValues
import ScalingLaw

/// A scaling law fitted on some LLM sizes and extended to a size it was not fitted on
/// (Figure 2): the fitted curves and their measurements as in Figure 1, the predicted size's
/// curve dashed inside its bootstrap band, and that size's measurements, when there are any, as
/// open markers labelled with their relative error.
///
/// x is inference compute 2·N·(Q+V) in GFLOP (log), y the average downstream error; curves are
/// the law as a gnuplot function of V over 1…576, with its parameters at full precision.
public struct ExtrapolationPanel: Hashable, Sendable {
  public var title: String
  /// Text tokens per query; enters only the compute axis.
  public var Q: Double
  /// The law fitted on `fitObservations`.
  public var law: ScalingLaw
  /// Title of the legend, above α and β.
  public var lawLabel: String
  public var fitObservations: [Observation]
  /// The LLM size (billions) the law predicts.
  public var predictedN: Double
  /// The predicted curve's band, by V; empty for none.
  public var band: [BandPoint]
  /// Key entry of the band, e.g. `95 % bootstrap band (1000 refits)`.
  public var bandTitle: String
  /// The predicted size's points that were measured (with their relative error); empty when
  /// there are none.
  public var heldOut: [ExtrapolationPoint]
  /// Seed noise of the measurements trained with several seeds (fitted or held out), as in
  /// ``ScalingLawPanel/errorBars``.
  public var errorBars: [ErrorBar] = []
  /// A message printed large inside the plot, top right (e.g. that the predicted size was
  /// never measured); nil for none.
  public var callout: String?
  /// Lines of small print under the panel.
  public var notes: [String]
  /// Fixed x (GFLOP) and y ranges; nil lets gnuplot choose. Panels set side by side for
  /// comparison share theirs (``sharingAxes(_:)``): Figure 2's two panels once ran x to 10⁵
  /// and 10⁴ and y from 0.42 and 0.44, so the eye compared different scales.
  public var ranges: (x: ClosedRange<Double>, y: ClosedRange<Double>)? {
    get { xRange.flatMap { x in yRange.map { (x, $0) } } }
    set { (xRange, yRange) = (newValue?.x, newValue?.y) }
  }
  var xRange: ClosedRange<Double>?
  var yRange: ClosedRange<Double>?

  public init(
    title: String, Q: Double, law: ScalingLaw, lawLabel: String, fitObservations: [Observation], predictedN: Double,
    band: [BandPoint], bandTitle: String, heldOut: [ExtrapolationPoint], callout: String? = nil, notes: [String] = []
  ) {
    self.title = title
    self.Q = Q
    self.law = law
    self.lawLabel = lawLabel
    self.fitObservations = fitObservations
    self.predictedN = predictedN
    self.band = band
    self.bandTitle = bandTitle
    self.heldOut = heldOut.filter { $0.measuredError != nil && $0.relativeError != nil }
    self.callout = callout
    self.notes = notes
  }

  /// What the panel draws, corner to corner: compute from the smallest fitted N at V = 1 to the
  /// largest N drawn (fitted or predicted) at V = 576, errors over the curves' ends, the
  /// measurements and the band.
  var extent: (x: ClosedRange<Double>, y: ClosedRange<Double>)? {
    let sizes = fitObservations.map(\.N) + [predictedN]
    guard let smallest = sizes.min(), let largest = sizes.max() else { return nil }
    let V = PaperStyle.visualTokenRange
    let x = InferenceCompute.gflops(NBillion: smallest, Q: Q, V: V.lowerBound)...InferenceCompute.gflops(
      NBillion: largest, Q: Q, V: V.upperBound)
    let errors = [law.error(N: smallest, T: V.lowerBound), law.error(N: largest, T: V.upperBound)]
      + fitObservations.map(\.Y) + heldOut.compactMap(\.measuredError) + band.flatMap { [$0.lower, $0.upper] }
      + errorBars.flatMap { [$0.Y - $0.halfWidth, $0.Y + $0.halfWidth] }
    guard let low = errors.min(), let high = errors.max() else { return nil }
    return (x, low...high)
  }

  /// `panels` with one x and one y range, the union of what each draws: x out to whole decades
  /// (the log axis's tics), y out to the next 0.02 with a 4 % margin.
  public static func sharingAxes(_ panels: [ExtrapolationPanel]) -> [ExtrapolationPanel] {
    let extents = panels.compactMap(\.extent)
    guard let xLow = extents.map(\.x.lowerBound).min(), let xHigh = extents.map(\.x.upperBound).max(),
      let yLow = extents.map(\.y.lowerBound).min(), let yHigh = extents.map(\.y.upperBound).max(), xLow > 0
    else { return panels }
    let margin = (yHigh - yLow) * 0.04
    let step = 0.02
    let x = pow(10, (log10(xLow)).rounded(.down))...pow(10, (log10(xHigh)).rounded(.up))
    let y = ((yLow - margin) / step).rounded(.down) * step...((yHigh + margin) / step).rounded(.up) * step
    return panels.map { panel in
      var panel = panel
      panel.ranges = (x, y)
      return panel
    }
  }

  var problem: String? {
    if fitObservations.isEmpty { return "no fitted observations" }
    if ![law.a, law.alpha, law.beta, law.D].allSatisfy(\.isFinite) { return "the law has a non-finite parameter: \(law)" }
    if !(Q.isFinite && Q >= 0) { return "Q must be finite and non-negative, got \(Q)" }
    if !(predictedN.isFinite && predictedN > 0) { return "the predicted N must be positive, got \(predictedN)" }
    let V = fitObservations.map(\.V) + heldOut.map(\.V) + band.map(\.V)
    if let bad = V.first(where: { !($0.isFinite && $0 > 0) }) { return "V must be positive, got \(bad)" }
    if let bad = fitObservations.first(where: { !($0.N.isFinite && $0.N > 0) }) { return "N must be positive, got \(bad.N)" }
    return ErrorBar.problem(errorBars)
  }

  func drawing(prefix: String) throws(GnuplotScriptError) -> PanelDrawing {
    let Qtext = PaperStyle.compact(Q)
    var drawing = PanelDrawing(
      title: title, xLabel: "Inference compute 2·N·(\(Qtext)+V)  [GFLOP]", yLabel: "Average downstream error",
      legendColumn: 310)
    drawing.keyTitle = lawLabel
    drawing.notes = notes
    drawing.setLaw(law, Q: Q)
    if let xRange, let yRange {
      drawing.axes.append(
        "set xrange [\(try GnuplotLiteral.number(xRange.lowerBound)):\(try GnuplotLiteral.number(xRange.upperBound))]")
      drawing.axes.append(
        "set yrange [\(try GnuplotLiteral.number(yRange.lowerBound)):\(try GnuplotLiteral.number(yRange.upperBound))]")
    }
    let fitN = Set(fitObservations.map(\.N)).sorted()
    let predictedColor = PaperStyle.color(N: predictedN)
    let predictedLabel = PaperStyle.sizeLabel(N: predictedN)
    func curve(_ N: Double) throws(GnuplotScriptError) -> String { try PanelDrawing.lawCurve(N: N) }

    if !band.isEmpty {
      drawing.datablocks.append((
        "\(prefix)BAND", ["flops", "lower", "upper"],
        [DatablockSection(comment: "\(bandTitle), N = \(predictedN)", rows: band.sorted { $0.V < $1.V }.map {
          [InferenceCompute.gflops(NBillion: predictedN, Q: Q, V: $0.V), $0.lower, $0.upper]
        })]))
      drawing.elements.append(
        "$\(prefix)BAND using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc \(predictedColor.gnuplot) notitle")
    }
    for N in fitN {
      drawing.elements.append(try curve(N) + " lc \(PaperStyle.color(N: N).gnuplot) notitle")
    }
    drawing.elements.append(try curve(predictedN) + " dt (8,5) lc \(predictedColor.gnuplot) notitle")
    // Under the markers, so each mean stays visible.
    if let seedBars = drawing.seedErrorBars(errorBars, prefix: prefix) { drawing.elements.append(seedBars) }
    drawing.datablocks.append(("\(prefix)OBS", PanelDrawing.observationColumns, PanelDrawing.observationSections(fitObservations).map(\.section)))
    for (index, N) in fitN.enumerated() {
      drawing.elements.append(
        "$\(prefix)OBS index \(index) using (flops($1,$2)):3:4 with points pt \(PaperStyle.marker(N: N).filled) "
          + "ps variable lc \(PaperStyle.color(N: N).gnuplot) notitle")
    }
    let marker = PaperStyle.marker(N: predictedN)
    if !heldOut.isEmpty {
      let measured = heldOut.sorted { $0.V < $1.V }
      drawing.datablocks.append((
        "\(prefix)HELDOUT", ["N", "V", "Y", "marker_size"],
        [DatablockSection(comment: "measured N = \(predictedN)", rows: measured.map {
          [predictedN, $0.V, $0.measuredError!, PaperStyle.markerSize(V: $0.V)]
        })]))
      drawing.elements.append(
        "$\(prefix)HELDOUT using (flops($1,$2)):3:4 with points pt \(marker.open) ps variable lw 2 "
          + "lc \(predictedColor.gnuplot) notitle")
      for point in measured {
        let below = point.measuredError! < law.error(N: predictedN, T: point.V)
        try drawing.label(
          PaperStyle.percent(point.relativeError!), x: InferenceCompute.gflops(NBillion: predictedN, Q: Q, V: point.V), y: point.measuredError!,
          dy: below ? -1.3 : 1.3, fontSize: 10, color: predictedColor)
      }
    }
    if let callout {
      drawing.labels.append(
        "\(GnuplotLiteral.string(callout)) at graph 0.97, graph 0.95 right font ',13' tc \(predictedColor.gnuplot) noenhanced front")
    }

    drawing.elements += PanelDrawing.exponentKeyEntries(law)
    let keySize = try GnuplotLiteral.pointSize(1.5)
    for N in fitN {
      drawing.elements.append(
        "keyentry with linespoints lw \(PaperStyle.curveWidth) pt \(PaperStyle.marker(N: N).filled) ps \(keySize) "
          + "lc \(PaperStyle.color(N: N).gnuplot) title \(GnuplotLiteral.string(PaperStyle.sizeLabel(N: N)))")
    }
    drawing.elements.append(
      "keyentry with lines lw \(PaperStyle.curveWidth) dt (8,5) lc \(predictedColor.gnuplot) "
        + "title \(GnuplotLiteral.string("\(predictedLabel) predicted"))")
    if !band.isEmpty {
      drawing.elements.append(
        "keyentry with filledcurves fs transparent solid 0.22 noborder lc \(predictedColor.gnuplot) "
          + "title \(GnuplotLiteral.string(bandTitle))")
    }
    if !heldOut.isEmpty {
      drawing.elements.append(
        "keyentry with points pt \(marker.open) ps \(keySize) lw 2 lc \(predictedColor.gnuplot) "
          + "title \(GnuplotLiteral.string("\(predictedLabel) measured"))")
    }
    drawing.sizeKeyV = Set(fitObservations.map(\.V) + heldOut.map(\.V)).sorted()
    return drawing
  }
}
