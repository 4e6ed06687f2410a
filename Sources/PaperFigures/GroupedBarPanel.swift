import Gnuplot

/// Grouped bars: one group per x position (an iso-compute group, a benchmark), one bar per
/// member in its own colour, optional text above each bar (rotated, so neighbours never
/// overlap), a ★ on highlighted bars (the best of their group), and an optional reference value
/// per group drawn as a black dash across it (Figure 4, Table 1).
public struct GroupedBarPanel: Hashable, Sendable {
  public var title: String
  public var xLabel: String
  public var yLabel: String
  /// The y axis range; bars start at its lower end when it is above zero (say so in a note).
  public var yRange: ClosedRange<Double>
  /// gnuplot format of the y tic labels.
  public var yFormat: String
  public var groups: [BarGroup]
  /// Key entries, one coloured box each.
  public var legend: [BarLegendEntry]
  /// Key entry for the reference dashes; nil when no group has a reference.
  public var referenceTitle: String?
  public var keyTitle: String?
  /// Width in pixels of the legend column right of the plot: room for the longest key entry.
  public var legendColumn: Int
  /// Lines of small print under the panel.
  public var notes: [String]

  public init(
    title: String, xLabel: String, yLabel: String, yRange: ClosedRange<Double>, yFormat: String = "%g",
    groups: [BarGroup], legend: [BarLegendEntry], referenceTitle: String? = nil, keyTitle: String? = nil,
    legendColumn: Int = 320, notes: [String] = []
  ) {
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.yRange = yRange
    self.yFormat = yFormat
    self.groups = groups
    self.legend = legend
    self.referenceTitle = referenceTitle
    self.keyTitle = keyTitle
    self.legendColumn = legendColumn
    self.notes = notes
  }

  /// A y range zoomed on `values`: from a little below the smallest (down to a multiple of
  /// `step`, never below zero) to a quarter of the span above the largest, room for the labels
  /// over the bars. Bars from zero squash the 0.01–0.05 differences that decide Figure 4's
  /// groups into a few pixels; a panel drawn on this range must say where its axis starts.
  public static func zoomedRange(_ values: [Double], step: Double = 0.02) -> ClosedRange<Double> {
    guard let low = values.min(), let high = values.max(), low.isFinite, high.isFinite else { return 0...1 }
    let span = max(high - low, step)
    let bottom = max(0, ((low - 0.15 * span) / step).rounded(.down) * step)
    return bottom...(high + 0.3 * (high - bottom))
  }

  var problem: String? {
    if groups.isEmpty { return "nothing to draw: no bar groups" }
    if groups.contains(where: { $0.bars.isEmpty }) { return "a bar group has no bars" }
    if !(yRange.lowerBound.isFinite && yRange.upperBound.isFinite && yRange.lowerBound < yRange.upperBound) {
      return "the y range must be finite and non-empty, got \(yRange)"
    }
    return nil
  }

  func drawing(prefix: String) throws(GnuplotScriptError) -> PanelDrawing {
    var drawing = PanelDrawing(title: title, xLabel: xLabel, yLabel: yLabel, legendColumn: legendColumn)
    drawing.keyTitle = keyTitle
    drawing.notes = notes
    var tics: [String] = []
    for (index, group) in groups.enumerated() {
      tics.append("\(GnuplotLiteral.string(group.label)) \(try GnuplotLiteral.number(Double(index)))")
    }
    drawing.axes = [
      "set style fill solid 1.0 noborder",
      "set xrange [-0.6:\(try GnuplotLiteral.number(Double(groups.count) - 0.4))]",
      "set yrange [\(try GnuplotLiteral.number(yRange.lowerBound)):\(try GnuplotLiteral.number(yRange.upperBound))]",
      "set xtics (\(tics.joined(separator: ", "))) scale 0 noenhanced font ',12'",
      "set format y \(GnuplotLiteral.string(yFormat))",
      "set grid back ytics lt 1 dt (6,6) lw 1 lc \(PaperStyle.gridColor.gnuplot)",
    ]
    let width = min(PaperStyle.barGroupFill / Double(groups.map(\.bars.count).max()!), PaperStyle.maximumBarWidth)
    var rows: [[Double]] = []
    var references: [[Double]] = []
    for (index, group) in groups.enumerated() {
      let center = Double(index)
      let count = Double(group.bars.count)
      for (position, bar) in group.bars.enumerated() {
        let x = center + (Double(position) - (count - 1) / 2) * width
        rows.append([x, bar.value, width, Double(bar.color.packed)])
        if let label = bar.label {
          try drawing.label(
            (bar.highlighted ? "★ " : "") + label, x: x, y: bar.value, alignment: "left", vertical: true, dx: 0.35, dy: 0.4,
            fontSize: 10, color: bar.highlighted ? PaperStyle.frontierColor : PaperStyle.mutedColor)
        } else if bar.highlighted {
          try drawing.label("★", x: x, y: bar.value, dy: 0.7, fontSize: 12, color: PaperStyle.frontierColor)
        }
      }
      if let reference = group.reference {
        let half = count * width / 2 + 0.04
        references.append([center - half, reference, 2 * half, 0])
      }
    }
    drawing.datablocks.append(("\(prefix)BARS", ["x", "value", "width", "rgb"], [DatablockSection(rows: rows)]))
    drawing.elements.append("$\(prefix)BARS using 1:2:3:4 with boxes lc rgb variable notitle")
    if !references.isEmpty {
      drawing.datablocks.append(("\(prefix)REFERENCE", ["x", "y", "dx", "dy"], [DatablockSection(rows: references)]))
      drawing.elements.append(
        "$\(prefix)REFERENCE using 1:2:3:4 with vectors nohead lw 3 lc \(PaperStyle.frontierColor.gnuplot) notitle")
    }
    for entry in legend {
      drawing.elements.append(
        "keyentry with boxes fs solid 1.0 noborder lc \(entry.color.gnuplot) title \(GnuplotLiteral.string(entry.title))")
    }
    if let referenceTitle, !references.isEmpty {
      drawing.elements.append(
        "keyentry with lines lw 3 lc \(PaperStyle.frontierColor.gnuplot) title \(GnuplotLiteral.string(referenceTitle))")
    }
    return drawing
  }
}

/// The bars at one x position.
public struct BarGroup: Hashable, Sendable {
  /// The x tic label under the group (may have several lines).
  public var label: String
  public var bars: [Bar]
  /// A value drawn as a black dash across the group (e.g. the uncompressed baseline).
  public var reference: Double?

  public init(label: String, bars: [Bar], reference: Double? = nil) {
    self.label = label
    self.bars = bars
    self.reference = reference
  }
}

/// One bar.
public struct Bar: Hashable, Sendable {
  public var value: Double
  public var color: RGBColor
  /// Small text above the bar (e.g. its V).
  public var label: String?
  /// Marks the bar with a ★ (e.g. the best of its group).
  public var highlighted: Bool

  public init(value: Double, color: RGBColor, label: String? = nil, highlighted: Bool = false) {
    self.value = value
    self.color = color
    self.label = label
    self.highlighted = highlighted
  }
}

/// A key entry of a bar chart: a coloured box and its title.
public struct BarLegendEntry: Hashable, Sendable {
  public var title: String
  public var color: RGBColor

  public init(title: String, color: RGBColor) {
    self.title = title
    self.color = color
  }
}

extension RGBColor {
  /// The colour as one integer 0xRRGGBB, what gnuplot's `lc rgb variable` reads from a column.
  var packed: Int { Int(red) << 16 | Int(green) << 8 | Int(blue) }
}
