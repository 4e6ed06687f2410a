import Foundation
import Gnuplot
import GoldenFiles
import PaperFigures
import ResultValues
import ScalingLaw
import Testing

/// Figure 2 (extrapolation) from fixed inputs: (a) 14B predicted, not measured; (b) 7B predicted
/// from 0.5–4B and measured, with relative errors.
func figure2Like() -> PlotFigure {
  let band = { (N: Double, halfWidth: Double) in
    [1.0, 16, 576].map { V in
      BandPoint(V: V, lower: goldenLaw.error(N: N, T: V) - halfWidth, upper: goldenLaw.error(N: N, T: V) + halfWidth)
    }
  }
  let measured7B = visualReasoning.filter { $0.N == 7 }.map {
    ExtrapolationPoint(V: $0.V, predictedError: goldenLaw.error(N: 7, T: $0.V), measuredError: $0.Y)
  }
  return PlotFigure(name: "figure2-like", panels: [
    .extrapolation(ExtrapolationPanel(
      title: "(a) fit on 0.5B–7B, predict 14B", Q: 0, law: goldenLaw, lawLabel: "Scaling law (least-squares)",
      fitObservations: visualReasoning, predictedN: 14, band: band(14, 0.004), bandTitle: "95% bootstrap band",
      heldOut: [], callout: "14B measurements not published:\ningest them with ./repro ingest",
      notes: ["14B measurements not published; ingest them with ./repro ingest FILE."])),
    .extrapolation(ExtrapolationPanel(
      title: "(b) fit on 0.5B–4B, predict 7B", Q: 0, law: goldenLaw, lawLabel: "Scaling law (least-squares)",
      fitObservations: visualReasoning.filter { $0.N < 7 }, predictedN: 7, band: band(7, 0.006), bandTitle: "95% bootstrap band",
      heldOut: measured7B, notes: ["7B measured at 7 V."])),
  ], header: ["Figure 2-like golden figure."])
}

/// Figure 3a from the golden law: frontiers for three Q and the optimal V against Q.
func figure3aLike() -> PlotFigure {
  PlotFigure(name: "figure3a-like", panels: [
    .lines(.frontiers(title: "(a) Compute-optimal frontier for each Q", law: goldenLaw, Q: [0, 50, 200], frontierN: 0.3...20)),
    .lines(.optimalTokens(
      title: "(b) The optimal V grows with Q", law: goldenLaw, Q: 0...200,
      numeric: [PlotPoint(x: 0, y: 1), PlotPoint(x: 50, y: 13.5), PlotPoint(x: 200, y: 54.1)],
      grid: [PlotPoint(x: 0, y: 1), PlotPoint(x: 50, y: 16), PlotPoint(x: 200, y: 64)], notes: ["A note."])),
  ])
}

/// Figure 4-like bars in a 2 × 2 layout: iso-compute groups coloured by N, V on the bars.
func figure4Like() -> PlotFigure {
  let group = { (label: String, members: [(N: Double, V: Double, accuracy: Double)], best: Int) in
    BarGroup(label: label, bars: members.enumerated().map { index, m in
      Bar(value: m.accuracy, color: PaperStyle.color(N: m.N), label: PaperStyle.compact(m.V), highlighted: index == best)
    })
  }
  let panel = { (title: String) in
    PlotPanel.bars(GroupedBarPanel(
      title: title, xLabel: "Iso-compute group [GFLOP]", yLabel: "Average accuracy", yRange: 0...0.6, yFormat: "%.2f",
      groups: [
        group("✓ 14.8", [(0.5, 16, 0.4078), (1.8, 4, 0.4519), (7, 1, 0.481)], 2),
        group("✗ 33.9", [(0.5, 36, 0.4133), (4, 4, 0.4692)], 0),
      ],
      legend: [0.5, 1.8, 4, 7].map { BarLegendEntry(title: PaperStyle.sizeLabel(N: $0), color: PaperStyle.color(N: $0)) },
      keyTitle: "LLM size N", legendColumn: 160, notes: ["Numbers on bars: V."]))
  }
  return PlotFigure(name: "figure4-like", panels: ["(a)", "(b)", "(c)", "(d)"].map(panel), columns: 2)
}

/// Table 1-like bars: methods per benchmark, the best starred, the baseline as a dash.
func table1Like() -> PlotFigure {
  let quecc = PaperStyle.color(method: "QueCC")
  let packer = PaperStyle.color(method: "TokenPacker")
  return PlotFigure(name: "table1-like", panels: [
    .bars(GroupedBarPanel(
      title: "(c) 4 tokens", xLabel: "Benchmark", yLabel: "Score (%)", yRange: 40...90,
      groups: [
        BarGroup(label: "GQA", bars: [Bar(value: 56.2, color: packer), Bar(value: 56.5, color: quecc, highlighted: true)], reference: 62),
        BarGroup(label: "MME", bars: [Bar(value: 1347.6 / 28, color: packer), Bar(value: 1390.3 / 28, color: quecc, highlighted: true)], reference: 1510.7 / 28),
      ],
      legend: [BarLegendEntry(title: "TokenPacker (4)", color: packer), BarLegendEntry(title: "QueCC (4)", color: quecc)],
      referenceTitle: "LLaVA-1.5 (576)", keyTitle: "Method (tokens)", notes: ["MME as score / 2800 × 100."])),
  ])
}

/// Figure 3b-like: the scaling-law figure with the OCR grid's notes under the panel.
func figure3bLike() -> PlotFigure {
  let law = ScalingLaw(a: 0.9172, alpha: 0.02823, beta: 0.03941, D: 0)
  let ocr = visualReasoning.map { Observation(N: $0.N, V: $0.V, Y: law.error(N: $0.N, T: $0.V)) }
  return PlotFigure(name: "figure3b-like", panels: [
    .scalingLaw(.fitted(
      title: "(a) OCR, bounds containing the optimum", Q: 0, law: law, lawLabel: "Scaling law (least-squares)",
      observations: ocr, frontierN: 0.3...20,
      notes: PaperStyle.wrapped(["Known problems of the OCR grid (kept as published):", "• 7B@576 is identical to 4B@576 (0.3460536811): probably a copy error"], columns: 60))),
  ])
}

/// Claims-at-a-glance-like rows: a value with its interval inside a two-sided band, and one
/// with only an upper bound and no paper value.
func glanceLike() -> PlotFigure {
  PlotFigure(name: "glance-like", panels: [
    .intervals(IntervalPanel(
      title: "Claims at a glance", xLabel: "value ÷ reference",
      rows: [
        .init(label: "α: paper 0.077, ours 0.0709", reference: 0.077, value: 0.0709, interval: 0.069...0.0743, paper: 0.077,
              lower: 0.077 * 0.85, upper: 0.077 * 1.15, color: RGBColor(red: 0x1a, green: 0x7f, blue: 0x37)),
        .init(label: "worst error: ours 0.0097", reference: 0.02, value: 0.0097, interval: 0.0056...0.0235, paper: nil,
              lower: nil, upper: 0.02, color: RGBColor(red: 0x1a, green: 0x7f, blue: 0x37)),
      ],
      xRange: 0.1...2)),
  ])
}

/// A residual-map-like heatmap: two rows, three columns, one empty cell.
func heatmapLike() -> PlotFigure {
  PlotFigure(name: "heatmap-like", panels: [
    .heatmap(HeatmapPanel(
      title: "(a) residuals", xLabel: "Visual tokens V", yLabel: "LLM size N", columns: ["1", "4", "16"], rows: ["0.5 B", "7 B"],
      values: [[-0.6, 0.06, nil], [0.44, -0.1, 0.15]], scaleTitle: "Y − Ŷ (points)")),
  ])
}

@Suite("Line, bar and extrapolation figures")
struct PlotFigureTests {
  @Test("each figure kind matches its golden script byte for byte", arguments: ["figure2-like", "figure3a-like", "figure4-like", "table1-like", "figure3b-like", "glance-like", "heatmap-like"])
  func golden(name: String) throws {
    let text = switch name {
    case "figure2-like": try figure2Like().script().text
    case "figure3a-like": try figure3aLike().script().text
    case "figure4-like": try figure4Like().script().text
    case "table1-like": try table1Like().script().text
    case "glance-like": try glanceLike().script().text
    case "heatmap-like": try heatmapLike().script().text
    default: try figure3bLike().script().text
    }
    try Golden.expect(text, matches: "\(name).gp")
  }

  @Test("panels are laid out in rows of `columns`; each panel starts from a reset")
  func layout() throws {
    let text = try figure4Like().script().text
    #expect(text.contains("\nW = 1920.0\nH = 1320.0\n"))
    #expect(text.components(separatedBy: "\nreset\n").count == 5)
    #expect(text.contains("set lmargin at screen sx(1085)\n"), "second column")
    #expect(text.contains("set tmargin at screen sy(600)\n"), "second row")
    #expect(text.contains("set tmargin at screen sy(1260)\n"), "first row")
    #expect(text.contains("$P4_BARS << EOD"), "datablocks are per panel")
  }

  @Test("bars: colours by column, labels read upwards, the best starred, references as dashes")
  func bars() throws {
    let text = try figure4Like().script().text
    #expect(text.contains("$P1_BARS using 1:2:3:4 with boxes lc rgb variable notitle"))
    // 7B's colour #7f0a1e as one integer, the third bar of the first group at x = 0 + 0.22.
    #expect(text.contains("\n0.22 0.481 0.22 8325662.0\n"))
    #expect(text.contains("set label 3 '★ 1' at first 0.22, first 0.481 left rotate by 90 offset char 0.35, 0.4"))
    #expect(text.contains("set xtics ('✓ 14.8' 0.0, '✗ 33.9' 1.0) scale 0 noenhanced"))
    let table = try table1Like().script().text
    #expect(table.contains("set label 1 '★' at first 0.11, first 56.5 center offset char 0.0, 0.7"))
    #expect(table.contains("$P1_REFERENCE using 1:2:3:4 with vectors nohead lw 3"))
    #expect(table.contains("\n-0.26 62.0 0.52 0.0\n"))
    #expect(table.contains("keyentry with lines lw 3 lc rgb '#000000' title 'LLaVA-1.5 (576)'"))
  }

  @Test("extrapolation: the law as functions, the band, the held-out points labelled with their error")
  func extrapolation() throws {
    let text = try figure2Like().script().text
    #expect(text.contains("Y(N,V) = a*N**(-alpha)*V**(-beta) + D\n"))
    #expect(text.contains("[u=log(1.0):log(576.0)] '+' using (flops(14.0,exp(u))):(Y(14.0,exp(u))) with lines lw 3.0 dt (8,5) lc rgb '#2c6fb3'"))
    #expect(text.contains("$P1_BAND using 1:2:3 with filledcurves fs transparent solid 0.22 noborder lc rgb '#2c6fb3' notitle"))
    #expect(text.contains("\"14B measurements not published:\\ningest them with ./repro ingest\" at graph 0.97, graph 0.95 right"))
    #expect(!text.contains("P1_HELDOUT"))
    #expect(text.contains("$P2_HELDOUT using (flops($1,$2)):3:4 with points pt 12 ps variable lw 2 lc rgb '#7f0a1e' notitle"))
    #expect(text.contains("title '7B measured'"))
    #expect(text.contains("title '7B predicted'"))
  }

  @Test("extrapolation: seed error bars under the markers, inside the shared y range; a bar that cannot be drawn is refused")
  func extrapolationErrorBars() throws {
    let panels = { (bars: [ErrorBar]) -> [ExtrapolationPanel] in
      figure2Like().panels.map { panel in
        guard case .extrapolation(var extrapolation) = panel else { fatalError("figure2Like has extrapolation panels") }
        extrapolation.errorBars = bars
        return extrapolation
      }
    }
    // A bar far above every point: the shared y range must grow to hold it.
    let tall = [ErrorBar(N: 7, V: 1, Y: 0.5, halfWidth: 0.3)]
    let text = try PlotFigure(name: "figure2-bars", panels: ExtrapolationPanel.sharingAxes(panels(tall)).map(PlotPanel.extrapolation)).script().text
    #expect(text.contains("$P2_SEED_SD << EOD\n# N_billion V error seed_sd\n# ± one sample standard deviation over seeds\n7.0 1.0 0.5 0.3\n"))
    let bars = try #require(text.range(of: "$P2_SEED_SD using (flops($1,$2)):3:4 with yerrorbars"))
    let markers = try #require(text.range(of: "$P2_OBS index 0 using"))
    #expect(bars.lowerBound < markers.lowerBound, "bars first, markers on top")
    let yRange = try #require(text.range(of: "set yrange [")).upperBound
    let top = try #require(Double(text[yRange...].prefix { $0 != "]" }.split(separator: ":")[1]))
    #expect(top >= 0.8, "the y range holds the bar's top, 0.8")
    let bad = panels([ErrorBar(N: 7, V: 1, Y: .nan, halfWidth: 0.1)])
    #expect(throws: PlotFigureError.self) { try PlotFigure(name: "bad", panels: bad.map(PlotPanel.extrapolation)).script() }
  }

  @Test("inputs that cannot be drawn are refused with the panel number")
  func refusals() {
    #expect(throws: PlotFigureError.noPanels) { try PlotFigure(name: "x", panels: []).script() }
    let emptyBars = GroupedBarPanel(title: "t", xLabel: "x", yLabel: "y", yRange: 0...1, groups: [], legend: [])
    #expect(throws: PlotFigureError.invalidPanel(panel: 2, reason: "nothing to draw: no bar groups")) {
      try PlotFigure(name: "x", panels: [figure4Like().panels[0], .bars(emptyBars)]).script()
    }
    let logLine = LinePanel(title: "t", xLabel: "x", yLabel: "y", logX: true, series: [
      LineSeries(title: "s", points: [PlotPoint(x: 0, y: 1)], color: PaperStyle.frontierColor, style: .line(width: 1, dashes: nil)),
    ])
    #expect(throws: PlotFigureError.invalidPanel(panel: 1, reason: "log x axis needs x > 0, got 0.0")) {
      try PlotFigure(name: "x", panels: [.lines(logLine)]).script()
    }
    var figure = figure2Like()
    guard case .extrapolation(var panel) = figure.panels[1] else { return }
    panel.law.beta = .infinity
    figure.panels[1] = .extrapolation(panel)
    #expect(throws: PlotFigureError.self) { try figure.script() }
    let nonFinite = GroupedBarPanel(
      title: "t", xLabel: "x", yLabel: "y", yRange: 0...1, groups: [BarGroup(label: "g", bars: [Bar(value: .nan, color: PaperStyle.frontierColor)])],
      legend: [])
    #expect(throws: PlotFigureError.self) { try PlotFigure(name: "x", panels: [.bars(nonFinite)]).script() }
  }

  @Test("style helpers: the cool ramp's ends, method colours, compact numbers, percentages, wrapping")
  func style() {
    #expect(PaperStyle.coolColor(index: 0, of: 6) == PaperStyle.coolRamp[0])
    #expect(PaperStyle.coolColor(index: 5, of: 6) == PaperStyle.coolRamp[2])
    #expect(Set((0..<6).map { PaperStyle.coolColor(index: $0, of: 6) }).count == 6)
    #expect(PaperStyle.color(method: "QueCC") != PaperStyle.color(method: "TokenPacker"))
    #expect([0, 50, 13.523, 0.5, 1016.4].map(PaperStyle.compact) == ["0", "50", "13.5", "0.5", "1016"])
    #expect(PaperStyle.percent(0.009722) == "0.9722 %", "the one rounding rule (DisplayNumber)")
    #expect(PaperStyle.wrapped(["aaa bbb ccc"], columns: 7) == ["aaa bbb", "  ccc"])
    #expect([0, 1, 3].map(PaperStyle.panelLabel) == ["(a)", "(b)", "(d)"])
  }
}

@Suite("Rendering the line, bar and extrapolation figures", .enabled(if: (try? GnuplotRenderer.locate()) != nil, "gnuplot is not installed"))
struct PlotFigureRenderTests {
  @Test("every golden figure renders without gnuplot errors")
  func renders() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plotfigures-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    for figure in [figure2Like(), figure3aLike(), figure4Like(), table1Like()] {
      let images = try GnuplotRenderer.locate().render(try figure.script(), into: directory, formats: [.png])
      let png = try Data(contentsOf: images[1])
      #expect(Array(png.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
      #expect(png.count > 20_000, "\(figure.name): a figure with data, not an empty frame")
    }
  }
}
