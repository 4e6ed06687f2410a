import Foundation

/// Numbers as people read them: the one rounding rule of every number this project prints for
/// reading (terminal, claims table, report, README), so the same quantity never shows as 0.97 %
/// in one place and 1.0 % in another.
///
/// The rule is ``significantDigits`` significant digits, trailing zeros dropped (`%g` in the C
/// locale, so every machine prints the same bytes): enough to compare with the paper's two- or
/// three-digit values and to see a bootstrap interval's width, few enough that a line fits a
/// terminal. `--full-precision` (``Precision/full``) prints Swift's shortest representation that
/// reads back to the same `Double` instead; JSON outputs never go through here (machines read
/// every digit).
public enum DisplayNumber {
  /// How many significant digits a rounded number keeps.
  public static let significantDigits = 4

  /// Rounded for reading, or every digit.
  public enum Precision: Sendable, Equatable {
    case rounded
    case full
  }

  /// The precision in force: `.rounded` unless a command's `--full-precision` set it for the
  /// work it wraps (a task-local, so concurrent work elsewhere is not affected).
  @TaskLocal public static var precision: Precision = .rounded

  /// `x` under the rule: `0.07094`, `13.52`, `576`, `3.249e-16`; or every digit under `.full`.
  public static func text(_ x: Double) -> String {
    guard x.isFinite else { return x.isNaN ? "NaN" : (x > 0 ? "∞" : "−∞") }
    switch precision {
    case .rounded:
      let text = String(format: "%.\(significantDigits)g", x)
      return text == "-0" ? "0" : text
    case .full:
      // Whole numbers without Swift's trailing ".0" (4, not 4.0), as the rounded form prints them.
      if x == x.rounded(), abs(x) < 1e15 { return String(format: "%.0f", x == 0 ? 0 : x) }
      return "\(x)"
    }
  }

  /// A share in [0, 1] as a percentage under the same rule: `0.9722 %`, `99 %`, `100 %`.
  public static func percent(_ share: Double) -> String {
    guard share.isFinite else { return "undefined" }
    return text(share * 100) + " %"
  }

  /// `[low, high]` under the rule.
  public static func interval(_ low: Double, _ high: Double) -> String {
    "[\(text(low)), \(text(high))]"
  }
}
