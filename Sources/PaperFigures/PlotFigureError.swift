import Gnuplot

/// Why a ``PlotFigure`` could not be described: inputs that would draw a wrong or empty plot
/// are refused rather than drawn.
public enum PlotFigureError: Error, Hashable, Sendable, CustomStringConvertible {
  case noPanels
  /// Panel `panel` (1-based) has an input that cannot be plotted.
  case invalidPanel(panel: Int, reason: String)
  /// The script builder refused a value or name.
  case script(GnuplotScriptError)

  public var description: String {
    switch self {
    case .noPanels: "figure: no panels to draw"
    case .invalidPanel(let panel, let reason): "figure, panel \(panel): \(reason)"
    case .script(let error): "figure: \(error)"
    }
  }
}
