import Gnuplot

/// A line plot: titled series of (x, y) points drawn as lines or markers, on linear or log axes,
/// with optional text annotations (Figure 3a).
public struct LinePanel: Hashable, Sendable {
  public var title: String
  public var xLabel: String
  public var yLabel: String
  public var logX: Bool
  public var logY: Bool
  /// gnuplot formats of the tic labels, e.g. `10^{%L}` or `%.3f`.
  public var xFormat: String
  public var yFormat: String
  /// The lowest y the axis shows (e.g. 0 for a count); nil to fit the data.
  public var yMinimum: Double?
  /// The highest y the axis shows; nil to fit the data (set both ends when every series may be
  /// flat, as a compute-optimal V pinned at 1 is).
  public var yMaximum: Double?
  /// Drawn in order, back to front; the key lists the titled ones in the same order.
  public var series: [LineSeries]
  public var annotations: [PlotAnnotation]
  public var keyTitle: String?
  /// Lines of small print under the panel.
  public var notes: [String]

  public init(
    title: String, xLabel: String, yLabel: String, logX: Bool = false, logY: Bool = false,
    xFormat: String = "%g", yFormat: String = "%g", yMinimum: Double? = nil, yMaximum: Double? = nil, series: [LineSeries],
    annotations: [PlotAnnotation] = [], keyTitle: String? = nil, notes: [String] = []
  ) {
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.logX = logX
    self.logY = logY
    self.xFormat = xFormat
    self.yFormat = yFormat
    self.yMinimum = yMinimum
    self.yMaximum = yMaximum
    self.series = series
    self.annotations = annotations
    self.keyTitle = keyTitle
    self.notes = notes
  }

  var problem: String? {
    if series.isEmpty { return "nothing to draw: no series" }
    if let empty = series.first(where: { $0.points.isEmpty }) { return "series '\(empty.title ?? "untitled")' has no points" }
    let points = series.flatMap(\.points)
    if logX, let bad = points.first(where: { !($0.x > 0) }) { return "log x axis needs x > 0, got \(bad.x)" }
    if logY, let bad = points.first(where: { !($0.y > 0) }) { return "log y axis needs y > 0, got \(bad.y)" }
    return nil
  }

  func drawing(prefix: String) throws(GnuplotScriptError) -> PanelDrawing {
    var drawing = PanelDrawing(title: title, xLabel: xLabel, yLabel: yLabel, legendColumn: 310)
    drawing.keyTitle = keyTitle
    drawing.notes = notes
    if logX { drawing.axes.append("set logscale x") }
    if logY { drawing.axes.append("set logscale y") }
    drawing.axes += [
      "set format x \(GnuplotLiteral.string(xFormat))",
      "set format y \(GnuplotLiteral.string(yFormat))",
      "set mxtics \(logX ? 10 : 2)",
      "set autoscale xfix",
      "set offsets graph 0.03, graph 0.03, graph \(yMaximum == nil ? 0.05 : 0), graph \(yMinimum == nil ? 0.05 : 0)",
      "set grid back xtics ytics lt 1 dt (6,6) lw 1 lc \(PaperStyle.gridColor.gnuplot)",
    ]
    if yMinimum != nil || yMaximum != nil {
      let low = try yMinimum.map { v throws(GnuplotScriptError) in try GnuplotLiteral.number(v) } ?? "*"
      let high = try yMaximum.map { v throws(GnuplotScriptError) in try GnuplotLiteral.number(v) } ?? "*"
      drawing.axes.append("set yrange [\(low):\(high)]")
    }
    for (index, series) in series.enumerated() {
      let name = "\(prefix)SERIES_\(index + 1)"
      drawing.datablocks.append((name, ["x", "y"], [DatablockSection(comment: series.title, rows: series.points.map { [$0.x, $0.y] })]))
      let title = series.title.map { "title \(GnuplotLiteral.string($0))" } ?? "notitle"
      drawing.elements.append("$\(name) using 1:2 \(try series.style.gnuplot(color: series.color)) \(title)")
    }
    for annotation in annotations {
      try drawing.label(annotation.text, x: annotation.x, y: annotation.y, alignment: annotation.alignment.rawValue,
                        dx: annotation.dx, dy: annotation.dy, color: annotation.color)
    }
    return drawing
  }
}

/// A titled set of points drawn one way (a line or markers) in one colour.
public struct LineSeries: Hashable, Sendable {
  /// The key entry; nil leaves the series out of the key.
  public var title: String?
  public var points: [PlotPoint]
  public var color: RGBColor
  public var style: SeriesStyle

  public init(title: String?, points: [PlotPoint], color: RGBColor, style: SeriesStyle) {
    self.title = title
    self.points = points
    self.color = color
    self.style = style
  }
}

/// How a series is drawn.
public enum SeriesStyle: Hashable, Sendable {
  /// A line of `width`; `dashes` is a gnuplot dash pattern such as `(4,6)`, nil for solid.
  case line(width: Double, dashes: String?)
  /// Markers of one shape, filled or open, at a fixed size.
  case markers(MarkerShape, filled: Bool, size: Double)

  func gnuplot(color: RGBColor) throws(GnuplotScriptError) -> String {
    switch self {
    case .line(let width, let dashes):
      "with lines lw \(try GnuplotLiteral.number(width))" + (dashes.map { " dt \($0)" } ?? "") + " lc \(color.gnuplot)"
    case .markers(let shape, let filled, let size):
      "with points pt \(filled ? shape.filled : shape.open) ps \(try GnuplotLiteral.pointSize(size))"
        + (filled ? "" : " lw 2") + " lc \(color.gnuplot)"
    }
  }
}

/// A point of a line plot.
public struct PlotPoint: Hashable, Sendable {
  public var x: Double
  public var y: Double

  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }
}

/// Free text placed at data coordinates.
public struct PlotAnnotation: Hashable, Sendable {
  public enum Alignment: String, Hashable, Sendable { case left, center, right }

  public var text: String
  public var x: Double
  public var y: Double
  public var alignment: Alignment
  /// Offset of the text from the point, in character widths and heights.
  public var dx: Double
  public var dy: Double
  public var color: RGBColor

  public init(
    _ text: String, x: Double, y: Double, alignment: Alignment = .left, dx: Double = 0.8, dy: Double = 0,
    color: RGBColor = PaperStyle.mutedColor
  ) {
    self.text = text
    self.x = x
    self.y = y
    self.alignment = alignment
    self.dx = dx
    self.dy = dy
    self.color = color
  }
}
