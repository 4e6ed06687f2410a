import Foundation
import Gnuplot

/// Rows of estimates against references on one log axis (the claims-at-a-glance figure): per
/// row a shaded band (where a criterion passes), an open diamond (the paper's value), and a
/// point with its interval (ours), each divided by the row's reference so that rows of
/// different units share the axis. Each row is labelled above itself with its numbers.
public struct IntervalPanel: Hashable, Sendable {
  public struct Row: Hashable, Sendable {
    /// Printed above the row, numbers included.
    public var label: String
    /// Everything below is divided by it.
    public var reference: Double
    public var value: Double
    public var interval: ClosedRange<Double>?
    public var paper: Double?
    /// The band's ends; an open end runs to the edge of the axis.
    public var lower: Double?
    public var upper: Double?
    /// Colour of the point (e.g. by verdict).
    public var color: RGBColor

    public init(
      label: String, reference: Double, value: Double, interval: ClosedRange<Double>?, paper: Double?, lower: Double?,
      upper: Double?, color: RGBColor
    ) {
      self.label = label
      self.reference = reference
      self.value = value
      self.interval = interval
      self.paper = paper
      self.lower = lower
      self.upper = upper
      self.color = color
    }
  }

  public var title: String
  public var xLabel: String
  /// Top to bottom.
  public var rows: [Row]
  /// The x axis, in units of each row's reference.
  public var xRange: ClosedRange<Double>
  public var notes: [String]

  public init(title: String, xLabel: String, rows: [Row], xRange: ClosedRange<Double>, notes: [String] = []) {
    self.title = title
    self.xLabel = xLabel
    self.rows = rows
    self.xRange = xRange
    self.notes = notes
  }

  var problem: String? {
    if rows.isEmpty { return "nothing to draw: no rows" }
    if !(xRange.lowerBound > 0) { return "the log x axis needs a positive lower end, got \(xRange.lowerBound)" }
    if let bad = rows.first(where: { !($0.reference > 0 && $0.reference.isFinite) }) { return "row '\(bad.label)' has no positive reference" }
    return nil
  }

  func drawing(prefix: String) throws(GnuplotScriptError) -> PanelDrawing {
    var drawing = PanelDrawing(title: title, xLabel: xLabel, yLabel: "", legendColumn: 40)
    drawing.notes = notes
    let count = Double(rows.count)
    drawing.axes = [
      "set logscale x",
      "set xrange [\(try GnuplotLiteral.number(xRange.lowerBound)):\(try GnuplotLiteral.number(xRange.upperBound))]",
      "set yrange [-0.4:\(try GnuplotLiteral.number(count + 0.9))]",
      "set arrow 1 from 1, graph 0 to 1, graph 1 nohead lw 1.5 lc rgb '#888888' back",
      "unset ytics",
      "set grid back xtics lt 1 dt (6,6) lw 1 lc \(PaperStyle.gridColor.gnuplot)",
      "set key inside center bottom horizontal samplen 1.5 font ',\(PaperStyle.keyFontSize)'",
    ]
    var bands: [[Double]] = []
    var points: [[Double]] = []
    var papers: [[Double]] = []
    for (index, row) in rows.enumerated() {
      let y = count - Double(index)
      let low = row.lower.map { max($0 / row.reference, xRange.lowerBound) } ?? xRange.lowerBound
      let high = row.upper.map { min($0 / row.reference, xRange.upperBound) } ?? xRange.upperBound
      bands.append([low, y, low, high, y - 0.18, y + 0.18])
      let interval = row.interval ?? row.value...row.value
      points.append([row.value / row.reference, y, interval.lowerBound / row.reference, interval.upperBound / row.reference,
                     Double(row.color.packed)])
      if let paper = row.paper { papers.append([paper / row.reference, y]) }
      drawing.labels.append(
        "\(GnuplotLiteral.string(row.label)) at graph 0.01, first \(try GnuplotLiteral.number(y + 0.42)) left "
          + "font ',\(PaperStyle.keyFontSize)' tc rgb 'black' noenhanced front")
    }
    let band = RGBColor(red: 0xb7, green: 0xdd, blue: 0xb0)
    drawing.datablocks.append(("\(prefix)BANDS", ["x", "y", "x_low", "x_high", "y_low", "y_high"], [DatablockSection(rows: bands)]))
    drawing.datablocks.append(("\(prefix)OURS", ["x", "y", "x_low", "x_high", "rgb"], [DatablockSection(rows: points)]))
    drawing.elements.append(
      "$\(prefix)BANDS using 1:2:3:4:5:6 with boxxyerror fs solid 1.0 noborder lc \(band.gnuplot) title 'criterion passes'")
    if !papers.isEmpty {
      drawing.datablocks.append(("\(prefix)PAPER", ["x", "y"], [DatablockSection(rows: papers)]))
      drawing.elements.append("$\(prefix)PAPER using 1:2 with points pt 12 ps 3 lw 2 lc rgb 'black' title \"the paper's value\"")
    }
    drawing.elements.append(
      "$\(prefix)OURS using 1:2:3:4:5 with xerrorbars pt 7 ps 1.8 lw 2.5 lc rgb variable title 'ours, 95 % bootstrap interval'")
    return drawing
  }
}
