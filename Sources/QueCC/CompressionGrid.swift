/// How a square patch grid is cut into `V` square regions, one output token per region.
///
/// The grid side (24 for CLIP ViT-L/14-336) must be a multiple of the stride `s`, so the token
/// counts on offer are `(grid/s)²` for each divisor `s`: 576, 144, 64, 36, 16, 9, 4, 1 at full
/// size — the paper's V ∈ {1, 4, 16, 36, 64, 144, 576} plus 9.
public struct CompressionGrid: Sendable, Equatable {
  /// Patches per side of the input grid.
  public let gridSide: Int
  /// Region side `s` (kernel = stride of QueCC's convolution).
  public let stride: Int

  /// The grid that yields `tokens` regions, or `unsupportedTokenCount`.
  public init(gridSide: Int, tokens: Int) throws(CompressionError) {
    guard let stride = (1...max(gridSide, 1)).first(where: { gridSide % $0 == 0 && (gridSide / $0) * (gridSide / $0) == tokens }) else {
      throw .unsupportedTokenCount(tokens, supported: Self.supportedTokenCounts(gridSide: gridSide))
    }
    self.gridSide = gridSide
    self.stride = stride
  }

  /// Every achievable token count, ascending.
  public static func supportedTokenCounts(gridSide: Int) -> [Int] {
    (1...max(gridSide, 1)).filter { gridSide % $0 == 0 }.map { (gridSide / $0) * (gridSide / $0) }.sorted()
  }

  /// Regions per side, `grid / s`.
  public var side: Int { gridSide / stride }
  /// `V`, the number of compressed tokens.
  public var tokenCount: Int { side * side }
  /// Patches in one region, `s²`.
  public var regionSize: Int { stride * stride }

  /// Row-major indices (in the patch grid) of the `s × s` window of region `region`; regions are
  /// numbered row-major too, as the authors' `einops` rearrangement orders them.
  public func patchIndices(region: Int) -> [Int] {
    let top = (region / side) * stride
    let left = (region % side) * stride
    return (0..<stride).flatMap { dy in (0..<stride).map { dx in (top + dy) * gridSide + left + dx } }
  }
}

/// A requested compression that the grid cannot produce.
public enum CompressionError: Error, Equatable, CustomStringConvertible {
  case unsupportedTokenCount(Int, supported: [Int])

  public var description: String {
    switch self {
    case .unsupportedTokenCount(let tokens, let supported):
      return "cannot compress to \(tokens) visual tokens: the patch grid splits into "
        + supported.map(String.init).joined(separator: ", ") + " square regions"
    }
  }
}
