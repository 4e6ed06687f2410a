import Foundation
import Gnuplot
import ScalingLaw

/// The one visual style of every figure in this project: colours and markers by LLM size N,
/// marker size by visual tokens V, fonts, canvas sizes, line widths and grid.
///
/// It follows the authors' Figure 1 so the two can be compared side by side: a warm sequential
/// palette from small to large N (a little deeper than theirs, so the smallest model stays
/// readable on white), one marker shape per N, and markers that grow with log V. The held-out
/// 14B model gets a cool colour that cannot be mistaken for a point on the warm ramp.
public enum PaperStyle {
  // MARK: Canvas and text

  /// Font family of all text (the one matplotlib, and so the authors' figure, uses).
  public static let font = "DejaVu Sans"
  /// Base font size in points; titles, labels and keys are set relative to it.
  public static let fontSize = 14
  /// Text sizes in points (1 pt = 1 px on the PNG canvas) of every figure's parts. The smallest,
  /// ``noteFontSize``, is ~9.5 px at ``pageWidth``.
  public static let titleFontSize = 16
  public static let labelFontSize = 15
  public static let tickFontSize = 13
  public static let keyFontSize = 13
  public static let noteFontSize = 11

  /// Width of one panel in PNG pixels; figures are this many pixels wide per panel.
  public static let panelWidth = 960
  /// Height of every figure in PNG pixels.
  public static let panelHeight = 660

  /// The width, in pixels, at which the README shows a figure (GitHub's content column): every
  /// figure must be legible at it.
  public static let pageWidth = 830
  /// Panels per row: one. A figure of two 960-px panels side by side was shown at 43 % of its
  /// size in the README, its 13-pt tick labels ~5 px tall; one panel a row is shown at 86 %
  /// (``pageWidth`` / ``panelWidth``), its smallest text (11-pt notes) ~9.5 px. Panels that
  /// compare are stacked on the same axes instead (``ExtrapolationPanel/sharingAxes(_:)``).
  public static let figureColumns = 1

  /// The canvas for a figure of `panels` panels side by side.
  public static func canvas(panels: Int) -> GnuplotCanvas {
    GnuplotCanvas(width: panelWidth * max(panels, 1), height: panelHeight, font: font, fontSize: fontSize)
  }

  /// A one-panel figure.
  public static var onePanel: GnuplotCanvas { canvas(panels: 1) }
  /// A two-panel figure (Figure 1's (a) and (b)).
  public static var twoPanel: GnuplotCanvas { canvas(panels: 2) }

  // MARK: Lines and grid

  /// Fitted curves.
  public static let curveWidth = 3.0
  /// The compute-optimal frontier: thick black dots, drawn over the curves.
  public static let frontierWidth = 4.0
  /// The frontier's dash pattern (dot, gap), in multiples of its line width.
  public static let frontierDashes = "(4,6)"
  public static let frontierColor = RGBColor(red: 0, green: 0, blue: 0)
  /// Plot frame.
  public static let borderWidth = 1.2
  /// Major grid lines, light enough to stay behind the data.
  public static let gridColor = RGBColor(red: 0xcc, green: 0xcc, blue: 0xcc)
  /// Secondary text (notes, the marker-size legend).
  public static let mutedColor = RGBColor(red: 0x55, green: 0x55, blue: 0x55)

  // MARK: N → colour and shape

  /// The authors' four model sizes (billions of parameters) and their colours: light yellow →
  /// orange → red → dark red.
  public static let palette: [(N: Double, color: RGBColor)] = [
    (0.5, RGBColor(red: 0xe5, green: 0xae, blue: 0x2e)),
    (1.8, RGBColor(red: 0xf0, green: 0x80, blue: 0x28)),
    (4, RGBColor(red: 0xd7, green: 0x30, blue: 0x27)),
    (7, RGBColor(red: 0x7f, green: 0x0a, blue: 0x1e)),
  ]
  /// The held-out 14B model (Figure 2).
  public static let heldOutN = 14.0
  public static let heldOutColor = RGBColor(red: 0x2c, green: 0x6f, blue: 0xb3)

  /// The colour of LLM size `N` (billions).
  ///
  /// The palette's sizes get their colours exactly, 14B gets ``heldOutColor``; any other N is
  /// placed on the warm ramp by log N, between its neighbouring palette sizes and clamped to
  /// the ends. Deterministic, and monotone along the ramp as N grows.
  public static func color(N: Double) -> RGBColor {
    if let stand = miniatureStandIn(N: N) { return color(N: stand) }
    if N == heldOutN { return heldOutColor }
    guard let first = palette.first, let last = palette.last else { return frontierColor }
    if !(N > first.N) { return first.color }
    if N >= last.N { return last.color }
    let upper = palette.firstIndex { $0.N >= N } ?? palette.count - 1
    let (low, high) = (palette[upper - 1], palette[upper])
    let t = (log(N) - log(low.N)) / (log(high.N) - log(low.N))
    return low.color.mixed(with: high.color, t)
  }

  /// The marker shape of LLM size `N`: the authors' circle, triangle, star-like pentagon and
  /// diamond for 0.5, 1.8, 4 and 7B, a square for 14B, an upward triangle for any other size.
  public static func marker(N: Double) -> MarkerShape {
    if let t = miniaturePosition(N: N) {
      // One palette size per quarter of the range, so four miniature sizes get four shapes.
      return marker(N: palette[min(palette.count - 1, Int(t * Double(palette.count)))].N)
    }
    return switch N {
    case 0.5: .circle
    case 1.8: .triangleDown
    case 4: .pentagon
    case 7: .diamond
    case heldOutN: .square
    default: .triangleUp
    }
  }

  /// The miniature replication's LLMs, in billions: 20 k to 1 M parameters, far below any
  /// published VLM. Their figures use the same ramp and markers, spread over this range instead
  /// of the paper's 0.5–7 B, so four sizes still look like four sizes.
  public static let miniatureSizesBillion: ClosedRange<Double> = 2e-5...1e-3

  /// The paper size that stands in for a miniature size `N` on the colour ramp and the markers
  /// (log N mapped from ``miniatureSizesBillion`` onto the palette's 0.5–7 B); nil for a size of
  /// 10 M parameters or more, which keeps its own place.
  static func miniatureStandIn(N: Double) -> Double? {
    guard let t = miniaturePosition(N: N), let first = palette.first?.N, let last = palette.last?.N else { return nil }
    return exp(log(first) + t * log(last / first))
  }

  /// Where a miniature size lies in ``miniatureSizesBillion``, 0…1 by log N; nil at 10 M
  /// parameters or more.
  static func miniaturePosition(N: Double) -> Double? {
    guard N < 0.01 else { return nil }
    let range = miniatureSizesBillion
    return min(1, max(0, log(N / range.lowerBound) / log(range.upperBound / range.lowerBound)))
  }

  // MARK: V → marker size

  /// The visual-token counts a compressor produces: 1 up to CLIP's 576 uncompressed tokens.
  public static let visualTokenRange = PaperSetup.visualTokenRange
  /// Marker size (gnuplot `ps`) at the smallest and at the largest V of ``visualTokenRange``.
  public static let markerSizes: ClosedRange<Double> = 1.0...3.2

  /// The marker size for `V` visual tokens: linear in log V across ``visualTokenRange``, so it
  /// grows strictly with V (V below 1 is drawn as V = 1).
  public static func markerSize(V: Double) -> Double {
    let t = log(max(V, 1)) / log(visualTokenRange.upperBound)
    return markerSizes.lowerBound + (markerSizes.upperBound - markerSizes.lowerBound) * t
  }

  // MARK: Text

  /// A fitted parameter for a legend: 4 significant digits (`0.0709`, `0.01512`). The figure's
  /// variables and header keep full precision.
  public static func legendValue(_ value: Double) -> String {
    String(format: "%.4g", value)
  }

  /// The label of LLM size `N` billions: `0.5B`, `4B`, `14B`; below 10 M parameters (the
  /// miniature replication's LLMs) in thousands of parameters, `25k`, `793k`.
  public static func sizeLabel(N: Double) -> String {
    N < 0.01 ? String(format: "%.0fk", N * 1e6) : String(format: "%gB", N)
  }
}
