import SeededRandom

/// A square RGB image as the vision encoder consumes it: already resized and normalised,
/// channel-major `[3, side, side]`.
public struct Image: Sendable, Equatable {
  public let side: Int
  /// `3 · side · side` values, channel by channel, row by row.
  public var pixels: [Float]

  public init(side: Int, pixels: [Float]) {
    precondition(pixels.count == 3 * side * side, "an RGB image of side \(side) has \(3 * side * side) values")
    self.side = side
    self.pixels = pixels
  }

  /// A reproducible noise image (uniform in [−1, 1], roughly CLIP-normalised pixel range): the
  /// engine measures cost, which does not depend on what the picture shows.
  public static func synthetic(side: Int, seed: UInt64) -> Image {
    var generator = SplitMix64(seed: seed)
    return Image(side: side, pixels: (0..<(3 * side * side)).map { _ in Float(2 * generator.nextUnitDouble() - 1) })
  }
}
