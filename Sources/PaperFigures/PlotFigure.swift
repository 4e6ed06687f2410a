import Foundation
import Gnuplot

/// Every figure of this project: one or more panels (scaling law, extrapolation, line plots,
/// grouped bars) laid out in rows as one self-contained gnuplot script in ``PaperStyle``.
///
/// Every panel is ``PaperStyle/panelWidth`` by ``PaperStyle/panelHeight`` pixels with the y axis
/// on the left, a legend column on the right, the title above and notes under the x axis, all
/// placed in screen coordinates so each format looks the same. Panels fill rows of `columns`
/// left to right.
public struct PlotFigure: Hashable, Sendable {
  /// Base name of the script and its images.
  public var name: String
  public var panels: [PlotPanel]
  /// Panels per row (``PaperStyle/figureColumns`` unless a caller asks otherwise).
  public var columns: Int
  /// Header lines: the inputs and how the numbers were computed.
  public var header: [String]

  public init(name: String, panels: [PlotPanel], columns: Int? = nil, header: [String] = []) {
    self.name = name
    self.panels = panels
    self.columns = max(1, columns ?? PaperStyle.figureColumns)
    self.header = header
  }

  /// The gnuplot script that draws the figure.
  public func script() throws(PlotFigureError) -> GnuplotScript {
    guard !panels.isEmpty else { throw .noPanels }
    var drawings: [PanelDrawing] = []
    for (index, panel) in panels.enumerated() {
      if let reason = panel.problem { throw .invalidPanel(panel: index + 1, reason: reason) }
      do {
        drawings.append(try panel.drawing(prefix: "P\(index + 1)_"))
      } catch {
        throw .script(error)
      }
    }
    do {
      return try build(drawings)
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
    static let left = 125, top = 60, bottom = 90
    /// Extra bottom margin per line of notes, and the notes' first line below the plot.
    static let noteLine = 18, notesBelowPlot = 86
    /// Row height of the marker-size key.
    static let sizeKeyRow = 28
  }

  private var rows: Int { (panels.count + columns - 1) / columns }

  private func build(_ drawings: [PanelDrawing]) throws(GnuplotScriptError) -> GnuplotScript {
    let canvas = GnuplotCanvas(
      width: PaperStyle.panelWidth * columns, height: PaperStyle.panelHeight * rows,
      font: PaperStyle.font, fontSize: PaperStyle.fontSize)
    var script = try GnuplotScript(name: name, canvas: canvas, header: header + drawings.enumerated().flatMap { index, drawing in drawing.header.map { "panel \(index + 1) \($0)" } })
    script.comment("Layout in pixels of the PNG canvas; sx() and sy() turn them into screen fractions.")
    try script.variable("W", Double(canvas.width))
    try script.variable("H", Double(canvas.height))
    try script.function("sx", parameters: ["px"], definition: "px/W")
    try script.function("sy", parameters: ["px"], definition: "px/H")
    var defined: Set<String> = []
    for function in drawings.flatMap(\.functions) where defined.insert(function.name).inserted {
      try script.function(function.name, parameters: function.parameters, definition: function.definition)
    }
    script.blankLine()
    script.command("set multiplot")
    for (index, drawing) in drawings.enumerated() {
      try add(drawing, number: index + 1, row: index / columns, column: index % columns, to: &script,
              noteLines: notesInRow(index / columns, drawings))
    }
    script.blankLine()
    script.command("unset multiplot")
    return script
  }

  private func notesInRow(_ row: Int, _ drawings: [PanelDrawing]) -> Int {
    drawings.indices.filter { $0 / columns == row }.map { drawings[$0].notes.count }.max() ?? 0
  }

  private func add(
    _ drawing: PanelDrawing, number: Int, row: Int, column: Int, to script: inout GnuplotScript, noteLines: Int
  ) throws(GnuplotScriptError) {
    script.blankLine()
    script.comment("Panel \(number): \(drawing.title)")
    for block in drawing.datablocks {
      try script.datablock(block.name, columns: block.columns, sections: block.sections)
    }
    let left = column * PaperStyle.panelWidth
    let base = (rows - 1 - row) * PaperStyle.panelHeight
    let plotRight = left + PaperStyle.panelWidth - drawing.legendColumn
    let plotTop = base + PaperStyle.panelHeight - Frame.top
    let plotBottom = base + Frame.bottom + Frame.noteLine * noteLines
    script.command("reset")
    for variable in drawing.variables { try script.variable(variable.name, variable.value) }
    script.command("set pointsize pointscale")
    script.command("set tics out nomirror font ',\(PaperStyle.tickFontSize)'")
    script.command("set border lw \(PaperStyle.borderWidth)")
    script.command("set lmargin at screen sx(\(left + Frame.left))")
    script.command("set rmargin at screen sx(\(plotRight))")
    script.command("set tmargin at screen sy(\(plotTop))")
    script.command("set bmargin at screen sy(\(plotBottom))")
    script.command("set title \(GnuplotLiteral.string(drawing.title)) font ',\(PaperStyle.titleFontSize)' noenhanced")
    script.command("set xlabel \(GnuplotLiteral.string(drawing.xLabel)) font ',\(PaperStyle.labelFontSize)' noenhanced")
    script.command("set ylabel \(GnuplotLiteral.string(drawing.yLabel)) font ',\(PaperStyle.labelFontSize)' noenhanced")
    script.command(
      "set key at screen sx(\(plotRight + 10)), screen sy(\(plotTop)) left top Left reverse samplen 2.0 spacing 1.1 "
        + "font ',\(PaperStyle.keyFontSize)' noenhanced" + (drawing.keyTitle.map { " title \(GnuplotLiteral.string($0)) left" } ?? ""))
    for command in drawing.axes { script.command(command) }
    var labelNumber = 0
    for label in drawing.labels {
      labelNumber += 1
      script.command("set label \(labelNumber) \(label)")
    }
    try addSizeKey(drawing.sizeKeyV, left: plotRight + 20, bottom: plotBottom, firstLabel: labelNumber + 1, to: &script)
    if !drawing.notes.isEmpty {
      script.command(
        "set label \(labelNumber + (drawing.sizeKeyV.isEmpty ? 0 : drawing.sizeKeyV.count + 1) + 1) "
          + "\(GnuplotLiteral.string(drawing.notes.joined(separator: "\n"))) "
          + "at screen sx(\(left + 20)), screen sy(\(plotBottom - Frame.notesBelowPlot)) left font ',\(PaperStyle.noteFontSize)' "
          + "tc \(PaperStyle.mutedColor.gnuplot) noenhanced")
    }
    // `sample` tells gnuplot that a leading `[u=…]` is a sampling range, not the axis ranges.
    let keyword = drawing.elements.first?.hasPrefix("[") == true ? "plot sample \\\n  " : "plot "
    script.command(keyword + drawing.elements.joined(separator: ", \\\n  "))
  }

  /// The marker-size key at the bottom of the legend column: one grey marker per V.
  private func addSizeKey(
    _ values: [Double], left: Int, bottom: Int, firstLabel: Int, to script: inout GnuplotScript
  ) throws(GnuplotScriptError) {
    guard !values.isEmpty else { return }
    let row = Frame.sizeKeyRow
    script.command(
      "set label \(firstLabel) '#Tokens (V)' at screen sx(\(left)), screen sy(\(bottom + row * values.count + 6)) left font ',13'")
    for (index, V) in values.enumerated() {
      let y = bottom + row * (values.count - 1 - index) + 8
      script.command(
        "set label \(firstLabel + index + 1) \(GnuplotLiteral.string(String(format: "%g", V))) "
          + "at screen sx(\(left + 15)), screen sy(\(y)) left point pt \(MarkerShape.circle.filled) "
          + "ps \(try GnuplotLiteral.pointSize(PaperStyle.markerSize(V: V))) lc \(PaperStyle.mutedColor.gnuplot) "
          + "offset char 1.6, 0 font ',12'")
    }
  }
}

/// One panel of a ``PlotFigure``.
public enum PlotPanel: Hashable, Sendable {
  case lines(LinePanel)
  case bars(GroupedBarPanel)
  case extrapolation(ExtrapolationPanel)
  /// Figures 1 and 3b: the fitted law against inference compute, with the measurements and the
  /// compute-optimal frontier.
  case scalingLaw(ScalingLawPanel)
  /// The claims at a glance: estimates with intervals against references and bands.
  case intervals(IntervalPanel)
  /// A grid of values on a diverging colour scale (the report's residual maps).
  case heatmap(HeatmapPanel)

  var problem: String? {
    switch self {
    case .scalingLaw(let panel): panel.problem
    case .lines(let panel): panel.problem
    case .bars(let panel): panel.problem
    case .extrapolation(let panel): panel.problem
    case .intervals(let panel): panel.problem
    case .heatmap(let panel): panel.problem
    }
  }

  func drawing(prefix: String) throws(GnuplotScriptError) -> PanelDrawing {
    switch self {
    case .lines(let panel): try panel.drawing(prefix: prefix)
    case .bars(let panel): try panel.drawing(prefix: prefix)
    case .extrapolation(let panel): try panel.drawing(prefix: prefix)
    case .scalingLaw(let panel): try panel.drawing(prefix: prefix)
    case .intervals(let panel): try panel.drawing(prefix: prefix)
    case .heatmap(let panel): try panel.drawing(prefix: prefix)
    }
  }
}
