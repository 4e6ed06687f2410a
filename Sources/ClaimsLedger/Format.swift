import Foundation
import ResultValues

/// Numbers as the ledger prints them: ``ResultValues/DisplayNumber``'s one rounding rule (the
/// one `repro fit`, `extrapolate` and the README use), so a value shown in the claims table, the
/// report and a terminal reads the same everywhere. Raw data values are the one exception
/// (``dataValue(_:)``): they are printed to ten digits so a copy error is recognisable.
enum Format {
  /// `x` under the rule: 0.07094, 13.52, 576.
  static func number(_ x: Double) -> String {
    DisplayNumber.text(x)
  }

  /// `share` (in [0, 1]) as a percentage under the rule: 97.5 %, 0.9722 %.
  static func percent(_ share: Double) -> String {
    DisplayNumber.percent(share)
  }

  /// A tolerance (in [0, 1]) as a percentage: 15 %, 2 %.
  static func tolerance(_ share: Double) -> String {
    percent(share)
  }

  /// An interval `[low, high]` as `[a, b]`.
  static func interval(_ bounds: [Double]?) -> String {
    guard let bounds, bounds.count == 2 else { return "—" }
    return DisplayNumber.interval(bounds[0], bounds[1])
  }

  /// A published or stored data value (an accuracy) to ten significant digits: the seed files'
  /// own precision, so that two identical values are visibly identical.
  static func dataValue(_ x: Double) -> String {
    String(format: "%.10g", x)
  }
}
