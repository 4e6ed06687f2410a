/// A colour as 8-bit red, green and blue, spelled for gnuplot as `rgb '#rrggbb'`.
public struct RGBColor: Hashable, Sendable, CustomStringConvertible {
  public var red: UInt8
  public var green: UInt8
  public var blue: UInt8

  public init(red: UInt8, green: UInt8, blue: UInt8) {
    self.red = red
    self.green = green
    self.blue = blue
  }

  /// `#rrggbb`, lower-case hex.
  public var description: String {
    "#" + [red, green, blue].map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
  }

  /// The gnuplot colour specification, for `lc` or `tc`.
  public var gnuplot: String { "rgb '\(description)'" }

  /// The colour a fraction `t` (0…1) of the way from `self` to `other`, channel by channel.
  func mixed(with other: RGBColor, _ t: Double) -> RGBColor {
    func channel(_ a: UInt8, _ b: UInt8) -> UInt8 { UInt8((Double(a) + (Double(b) - Double(a)) * t).rounded()) }
    return RGBColor(red: channel(red, other.red), green: channel(green, other.green), blue: channel(blue, other.blue))
  }
}
