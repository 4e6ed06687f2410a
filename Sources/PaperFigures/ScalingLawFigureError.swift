import Gnuplot

/// Why a scaling-law figure could not be described: inputs that would draw a wrong or empty
/// plot are refused rather than drawn.
public enum ScalingLawFigureError: Error, Hashable, Sendable, CustomStringConvertible {
  case noPanels
  /// Panel `panel` (1-based) has an input that cannot be plotted.
  case invalidPanel(panel: Int, reason: String)
  /// The script builder refused a value or name.
  case script(GnuplotScriptError)

  public var description: String {
    switch self {
    case .noPanels: "scaling-law figure: no panels to draw"
    case .invalidPanel(let panel, let reason): "scaling-law figure, panel \(panel): \(reason)"
    case .script(let error): "scaling-law figure: \(error)"
    }
  }
}
