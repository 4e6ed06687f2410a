import Gnuplot

/// ± `halfWidth` around the error `Y` measured at (N, V): one sample standard deviation over seeds.
public struct ErrorBar: Hashable, Sendable {
  public var N: Double
  public var V: Double
  public var Y: Double
  public var halfWidth: Double

  public init(N: Double, V: Double, Y: Double, halfWidth: Double) {
    (self.N, self.V, self.Y, self.halfWidth) = (N, V, Y, halfWidth)
  }

  /// The bar of a mean accuracy over seeds: at error 1 − mean, ± the accuracies' standard deviation.
  public init(N: Double, V: Double, meanAccuracy: Double, standardDeviation: Double) {
    self.init(N: N, V: V, Y: 1 - meanAccuracy, halfWidth: standardDeviation)
  }

  /// Why these bars cannot be drawn, or nil.
  static func problem(_ bars: [ErrorBar]) -> String? {
    guard let bad = bars.first(where: { !($0.N > 0 && $0.V > 0 && $0.Y.isFinite && $0.halfWidth.isFinite && $0.halfWidth >= 0) }) else {
      return nil
    }
    return "error bar needs positive N and V, a finite Y and a finite half-width ≥ 0, got \(bad)"
  }
}

extension PanelDrawing {
  /// Adds seed error bars to a panel whose x is compute (`flops(N, V)`): their datablock and a
  /// note under the panel, and returns the plot element that draws them (nil for no bars), for
  /// the caller to place under its markers so each mean stays visible. One drawing for every
  /// panel that shows miniature cells trained with several seeds.
  mutating func seedErrorBars(_ bars: [ErrorBar], prefix: String) -> String? {
    guard !bars.isEmpty else { return nil }
    let name = "\(prefix)SEED_SD"
    datablocks.append((name, ["N_billion", "V", "error", "seed_sd"], [
      DatablockSection(comment: "± one sample standard deviation over seeds", rows: bars.map { [$0.N, $0.V, $0.Y, $0.halfWidth] }),
    ]))
    notes.append("Bars: ± one standard deviation over training seeds, where a configuration has several (its mean is drawn).")
    return "$\(name) using (flops($1,$2)):3:4 with yerrorbars pt -1 lw 1.5 lc \(PaperStyle.frontierColor.gnuplot) notitle"
  }
}
