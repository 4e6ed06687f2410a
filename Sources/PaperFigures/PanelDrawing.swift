import Gnuplot

/// One panel of a ``PlotFigure`` as gnuplot pieces, before it is placed: what every panel kind
/// (lines, grouped bars, extrapolation, scaling law) turns itself into.
///
/// Datablock names carry the panel's prefix (`P1_…`), so panels never overwrite each other's
/// data; everything else is set after a `reset` at the start of the panel, so no setting leaks
/// from one panel into the next.
struct PanelDrawing {
  var title: String
  var xLabel: String
  var yLabel: String
  /// Width in pixels of the legend column right of the plot.
  var legendColumn: Int
  var datablocks: [(name: String, columns: [String], sections: [DatablockSection])] = []
  /// Functions the plot elements call; the figure defines each once, before the panels.
  var functions: [(name: String, parameters: [String], definition: String)] = []
  /// Variables set right before this panel's plot (full precision).
  var variables: [(name: String, value: Double)] = []
  /// Axis settings (scales, ranges, tics, formats, grid).
  var axes: [String] = []
  /// `set label` bodies, numbered by the figure.
  var labels: [String] = []
  /// Plot elements, back to front, then the key's entries.
  var elements: [String] = []
  var keyTitle: String?
  /// Lines of small print under the plot.
  var notes: [String] = []
  /// V values for the marker-size key at the bottom of the legend column; empty for none.
  var sizeKeyV: [Double] = []
  /// Lines the figure appends to its script's header, each after `panel N ` (e.g. the panel's
  /// law at full precision).
  var header: [String] = []

  init(title: String, xLabel: String, yLabel: String, legendColumn: Int) {
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.legendColumn = legendColumn
  }

  /// A label with free text at data coordinates; `vertical` turns it to read upwards.
  mutating func label(
    _ text: String, x: Double, y: Double, alignment: String = "center", vertical: Bool = false, dx: Double = 0,
    dy: Double = 0, fontSize: Int = 11, color: RGBColor = PaperStyle.mutedColor
  ) throws(GnuplotScriptError) {
    labels.append(
      "\(GnuplotLiteral.string(text)) at first \(try GnuplotLiteral.number(x)), first \(try GnuplotLiteral.number(y)) "
        + "\(alignment)\(vertical ? " rotate by 90" : "") offset char \(try GnuplotLiteral.number(dx)), \(try GnuplotLiteral.number(dy)) "
        + "font ',\(fontSize)' tc \(color.gnuplot) noenhanced front")
  }
}
