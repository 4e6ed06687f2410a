import Foundation
import Gnuplot

/// A grid of values as coloured cells on a diverging palette centred on zero (blue below, red
/// above, white at zero), rows and columns labelled by category: the residual maps of the
/// reviewer report (rows N, columns V, values Y − Ŷ). Empty cells stay white.
public struct HeatmapPanel: Hashable, Sendable {
  public var title: String
  public var xLabel: String
  public var yLabel: String
  /// Column labels, left to right.
  public var columns: [String]
  /// Row labels, bottom to top.
  public var rows: [String]
  /// `values[row][column]`; nil for no measurement.
  public var values: [[Double?]]
  /// The colour scale's title (beside the colour box).
  public var scaleTitle: String
  public var notes: [String]

  public init(
    title: String, xLabel: String, yLabel: String, columns: [String], rows: [String], values: [[Double?]],
    scaleTitle: String, notes: [String] = []
  ) {
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.columns = columns
    self.rows = rows
    self.values = values
    self.scaleTitle = scaleTitle
    self.notes = notes
  }

  var problem: String? {
    if rows.isEmpty || columns.isEmpty { return "nothing to draw: no cells" }
    if values.count != rows.count || values.contains(where: { $0.count != columns.count }) {
      return "values must be \(rows.count) rows of \(columns.count) columns"
    }
    if !values.joined().compactMap({ $0 }).allSatisfy(\.isFinite) { return "a value is not finite" }
    return nil
  }

  func drawing(prefix: String) throws(GnuplotScriptError) -> PanelDrawing {
    var drawing = PanelDrawing(title: title, xLabel: xLabel, yLabel: yLabel, legendColumn: 170)
    drawing.notes = notes
    // Symmetric about zero, so white is exactly "the law is right".
    let extreme = max(values.joined().compactMap { $0 }.map(abs).max() ?? 1, 1e-12)
    let m = try GnuplotLiteral.number(extreme)
    var xtics: [String] = []
    for (index, label) in columns.enumerated() { xtics.append("\(GnuplotLiteral.string(label)) \(index)") }
    var ytics: [String] = []
    for (index, label) in rows.enumerated() { ytics.append("\(GnuplotLiteral.string(label)) \(index)") }
    drawing.axes = [
      "set xrange [-0.5:\(try GnuplotLiteral.number(Double(columns.count) - 0.5))]",
      "set yrange [-0.5:\(try GnuplotLiteral.number(Double(rows.count) - 0.5))]",
      "set xtics (\(xtics.joined(separator: ", "))) scale 0",
      "set ytics (\(ytics.joined(separator: ", "))) scale 0",
      "set palette defined (-\(m) '#2166ac', 0 '#ffffff', \(m) '#b2182b')",
      "set cbrange [-\(m):\(m)]",
      "set cbtics font ',\(PaperStyle.tickFontSize)'",
      "set cblabel \(GnuplotLiteral.string(scaleTitle)) font ',\(PaperStyle.labelFontSize)' noenhanced",
      "set colorbox vertical user origin graph 1.04, graph 0 size graph 0.04, graph 1",
      "unset key",
    ]
    var cells: [[Double]] = []
    for (row, line) in values.enumerated() {
      for (column, value) in line.enumerated() {
        if let value { cells.append([Double(column), Double(row), value]) }
      }
    }
    drawing.datablocks.append(("\(prefix)CELLS", ["column", "row", "value"], [DatablockSection(rows: cells)]))
    drawing.elements.append("$\(prefix)CELLS using 1:2:(0.5):(0.5):3 with boxxyerror fs solid 1.0 noborder lc palette notitle")
    return drawing
  }
}
