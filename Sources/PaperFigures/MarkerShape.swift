/// A marker shape, with gnuplot's filled and open point types for it (cairo terminals).
public enum MarkerShape: Hashable, Sendable, CaseIterable {
  case circle
  case triangleDown
  /// Filled pentagon: gnuplot's closest filled shape to the authors' star (its `*` point is
  /// made of thin strokes and vanishes at small sizes; a text glyph ignores `ps variable`).
  case pentagon
  case diamond
  case square
  case triangleUp

  /// The filled point type (`pt`), used for measured points.
  public var filled: Int {
    switch self {
    case .square: 5
    case .circle: 7
    case .triangleUp: 9
    case .triangleDown: 11
    case .diamond: 13
    case .pentagon: 15
    }
  }

  /// The open point type, used for extra point series (e.g. held-out measurements).
  public var open: Int { filled - 1 }
}
