import Foundation
import Gnuplot
import GoldenFiles
import PaperFigures
import ScalingLaw
import Testing

/// The law of the golden figure (a visual-reasoning fit; D = 0).
let goldenLaw = ScalingLaw(a: 0.59077, alpha: 0.0709, beta: 0.0151, D: 0)

/// The 28 visual-reasoning grid points, Y = 1 − average accuracy, from
/// paper-artifacts/visual_reasoning_avg_accuracy.csv (authors' values.py).
let visualReasoning: [Observation] = [
  (0.5, [0.6145, 0.6083, 0.5922, 0.5867, 0.5849, 0.5756, 0.5680]),
  (1.8, [0.5667, 0.5481, 0.5472, 0.5403, 0.5391, 0.5242, 0.5192]),
  (4, [0.5370, 0.5308, 0.5142, 0.5084, 0.4977, 0.4908, 0.4815]),
  (7, [0.5190, 0.5029, 0.4950, 0.4859, 0.4828, 0.4762, 0.4646]),
].flatMap { N, errors in
  zip([1.0, 4, 16, 36, 64, 144, 576], errors).map { V, Y in Observation(N: N, V: V, Y: Y) }
}

/// Figure 1 (a) and (b) from fixed inputs; the frontier points are a fixed list.
func figure1Like(_ edit: (inout [ScalingLawPanel]) -> Void = { _ in }) -> PlotFigure {
  let xLabel = { (Q: String) in "Inference compute 2·N·(\(Q)+V)  [GFLOP]" }
  var panels = [
      ScalingLawPanel(
        title: "(a) Q = 0 (cached text)", Q: 0, xLabel: xLabel("0"), law: goldenLaw,
        curveN: [0.5, 1.8, 4, 7], observations: visualReasoning,
        frontier: [(0.6, 0.6434), (1.7145, 0.5973), (4.899, 0.5544), (14.0, 0.5146), (40.0, 0.4777)]
          .map { FrontierPoint(flops: $0, error: $1) }),
      ScalingLawPanel(
        title: "(b) Q = 50", Q: 50, xLabel: xLabel("50"), law: goldenLaw,
        curveN: [0.5, 1.8, 4, 7], observations: visualReasoning,
        frontier: [(38.4, 0.6183), (109.73, 0.5739), (313.53, 0.5328), (895.91, 0.4945), (2560.0, 0.4591)]
          .map { FrontierPoint(flops: $0, error: $1) }),
  ]
  edit(&panels)
  return PlotFigure(
    name: "figure1-like", panels: panels.map(PlotPanel.scalingLaw),
    header: [
      "Figure 1-like golden figure: visual reasoning, 28 grid points (N = 0.5, 1.8, 4, 7 B; V = 1 ... 576).",
      "law: Y(N, V) = a * N^-alpha * V^-beta + D",
    ])
}

@Suite("The scaling-law figure")
struct ScalingLawPanelTests {
  @Test("a two-panel Figure 1-like script matches Golden/figure1-like.gp byte for byte")
  func golden() throws {
    try Golden.expect(try figure1Like().script().text, matches: "figure1-like.gp")
  }

  @Test("parameters at full precision in variables and header, 4 digits in the legend")
  func parameters() throws {
    let figure = figure1Like { $0[0].law = ScalingLaw(a: 0.590771234, alpha: 0.0709123456, beta: 0.01512345678, D: 0.01) }
    let text = try figure.script().text
    #expect(text.contains("\nalpha = 0.0709123456\n"))
    #expect(text.contains("\nbeta = 0.01512345678\n"))
    #expect(text.contains("\na = 0.590771234\n"))
    #expect(text.contains("\nD = 0.01\n"))
    #expect(text.contains("keyentry with lines lt nodraw title 'α = 0.07091'"))
    #expect(text.contains("keyentry with lines lt nodraw title 'β = 0.01512'"))
    #expect(text.contains("# panel 1 '(a) Q = 0 (cached text)': Q = 0.0, a = 0.590771234, alpha = 0.0709123456"))
  }

  @Test("curves are the law as a gnuplot function, sampled log-uniformly in V from 1 to 576")
  func curvesFromTheLaw() throws {
    let text = try figure1Like().script().text
    #expect(text.contains("Y(N,V) = a*N**(-alpha)*V**(-beta) + D\n"))
    #expect(text.contains("flops(N,V) = 2*N*(Q+V)\n"))
    #expect(text.contains("plot sample \\\n  [u=log(1.0):log(576.0)] '+' using (flops(0.5,exp(u))):(Y(0.5,exp(u)))"))
    #expect(text.contains("\nQ = 50.0\n"))
    #expect(text.contains("\nW = 960.0\nH = 1320.0\n"), "one panel a row (PaperStyle.figureColumns)")
    #expect(text.contains("set tmargin at screen sy(1260)\n") && text.contains("set tmargin at screen sy(600)\n"), "panel 2 under panel 1")
    #expect(text.contains("$P2_FRONTIER using 1:2 with lines dt (4,6) lw 4.0 lc rgb '#000000'"))
  }

  @Test("inputs that cannot be drawn are refused with the panel number")
  func refusesBadInput() {
    #expect(throws: PlotFigureError.noPanels) { try PlotFigure(name: "x", panels: []).script() }
    var figure = figure1Like { $0[1].law.alpha = .nan }
    #expect(throws: PlotFigureError.self) { try figure.script() }
    do {
      _ = try figure.script()
    } catch {
      guard case .invalidPanel(2, _) = error else { Issue.record("wrong error \(error)"); return }
      #expect(error.description.contains("panel 2"))
    }
    figure = figure1Like { $0[0].observations.append(Observation(N: 0.5, V: 0, Y: 0.6)) }
    #expect(throws: PlotFigureError.self) { try figure.script() }
    figure = figure1Like()
    figure.name = "bad/name"
    #expect(throws: PlotFigureError.script(.invalidScriptName("bad/name"))) { try figure.script() }
  }

  @Test("seed error bars are drawn under the markers, with a note; a bar that cannot be drawn is refused")
  func errorBars() throws {
    let figure = figure1Like { $0[0].errorBars = [ErrorBar(N: 7, V: 1, meanAccuracy: 0.6, standardDeviation: 0.05)] }
    let text = try figure.script().text
    #expect(text.contains("$P1_SEED_SD << EOD\n# N_billion V error seed_sd\n# ± one sample standard deviation over seeds\n7.0 1.0 0.4 0.05\n"))
    let bars = try #require(text.range(of: "$P1_SEED_SD using (flops($1,$2)):3:4 with yerrorbars"))
    let markers = try #require(text.range(of: "$P1_OBS index 0 using"))
    #expect(bars.lowerBound < markers.lowerBound, "bars first, markers on top")
    #expect(text.contains("Bars: ± one standard deviation over training seeds"))
    #expect(!(try figure1Like().script().text.contains("yerrorbars")), "no seeds, no bars")
    let bad = figure1Like { $0[1].errorBars = [ErrorBar(N: 7, V: 1, Y: 0.4, halfWidth: -0.1)] }
    #expect(throws: PlotFigureError.self) { try bad.script() }
  }

  @Test("notes and extra series are drawn: small print under the panel, open markers with a key entry")
  func extras() throws {
    let figure = figure1Like {
      $0[0].notes = ["OCR: 4B at V = 64 looks low_ish"]
      $0[0].extraSeries = [
        PointSeries(title: "held-out 14B", observations: [Observation(N: 14, V: 1, Y: 0.5), Observation(N: 14, V: 576, Y: 0.45)])
      ]
    }
    let text = try figure.script().text
    #expect(text.contains("$P1_EXTRA_1 << EOD\n# N V Y marker_size\n# N = 14.0\n14.0 1.0 0.5 1.0\n"))
    #expect(text.contains("$P1_EXTRA_1 index 0 using (flops($1,$2)):3:4 with points pt 4 ps variable lw 2 lc rgb '#2c6fb3'"))
    #expect(text.contains("title 'held-out 14B'"))
    #expect(text.contains(" 'OCR: 4B at V = 64 looks low_ish' at screen"))
    #expect(text.contains("noenhanced"))
    #expect(text.contains("set bmargin at screen sy(768)\n"), "room for one line of notes (panel 1, the upper row)")
  }
}

@Suite("Rendering the scaling-law figure", .enabled(if: (try? GnuplotRenderer.locate()) != nil, "gnuplot is not installed"))
struct ScalingLawPanelRenderTests {
  @Test("the golden figure renders without gnuplot errors")
  func renders() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("paperfigures-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let images = try GnuplotRenderer.locate().render(try figure1Like().script(), into: directory, formats: [.png])
    let png = try Data(contentsOf: images[1])
    #expect(Array(png.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
    #expect(png.count > 20_000, "a figure with data, not an empty frame")
  }
}
