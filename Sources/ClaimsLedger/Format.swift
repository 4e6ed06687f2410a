import Foundation

/// Numbers as the ledger prints them: a fixed number of significant digits, the same bytes on
/// every machine (the C locale of `String(format:)`).
enum Format {
  /// `x` with `digits` significant digits, trailing zeros dropped: 0.07094, 13.5, 576.
  static func number(_ x: Double, digits: Int = 4) -> String {
    guard x.isFinite else { return x.isNaN ? "NaN" : (x > 0 ? "∞" : "−∞") }
    return String(format: "%.\(digits)g", x)
  }

  /// `share` (in [0, 1]) as a percentage with one decimal: 97.5 %.
  static func percent(_ share: Double) -> String {
    guard share.isFinite else { return "undefined" }
    return String(format: "%.1f %%", share * 100)
  }

  /// A tolerance (in [0, 1]) as a percentage, shortest form: 15 %, 2 %.
  static func tolerance(_ share: Double) -> String {
    "\(number(share * 100)) %"
  }

  /// An interval `[low, high]` as `[a, b]`.
  static func interval(_ bounds: [Double]?, digits: Int = 4) -> String {
    guard let bounds, bounds.count == 2 else { return "—" }
    return "[\(number(bounds[0], digits: digits)), \(number(bounds[1], digits: digits))]"
  }
}
