import VLM

/// A TokenPacker-style compressor as PAPER.md §6 contrasts it with QueCC: the region queries come
/// from **bilinear downsampling** of the patch features (no text), projected by a single
/// `Linear → LayerNorm`; keys, values and the windowed attention are as in QueCC.
public struct TokenPacker: Sendable {
  let queryProjection: Linear
  let queryNorm: LayerNorm
  let keyMLP: ProjectionMLP
  let valueMLP: ProjectionMLP
  let attention: RegionAttention

  /// - Parameter heads: heads of the region attention (the authors' 8 by default).
  public init(_ weights: Weights, visionWidth d: Int, heads: Int = QueCC.heads) throws(WeightsError) {
    precondition(heads >= 1 && d % heads == 0, "\(heads) heads do not divide width \(d)")
    queryProjection = try Linear(weights.scoped("q_proj"), inputs: d, outputs: d, bias: false)
    queryNorm = try LayerNorm(weights.scoped("ln_q"), width: d, epsilon: 1e-6)
    keyMLP = try ProjectionMLP(weights.scoped("k_proj"), inputs: 4 * d, width: d)
    valueMLP = try ProjectionMLP(weights.scoped("v_proj"), inputs: 4 * d, width: d)
    attention = try RegionAttention(weights.scoped("clip_attn"), width: d, heads: heads)
  }

  public static func parameters(visionWidth d: Int) -> [ParameterSpec] {
    Linear.parameters(inputs: d, outputs: d, bias: false).scoped("q_proj")
      + LayerNorm.parameters(width: d).scoped("ln_q")
      + ProjectionMLP.parameters(inputs: 4 * d, width: d).scoped("k_proj")
      + ProjectionMLP.parameters(inputs: 4 * d, width: d).scoped("v_proj")
      + RegionAttention.parameters(width: d).scoped("clip_attn")
  }

  public func callAsFunction(_ features: VisionFeatures, grid: CompressionGrid, flops: inout Int) -> Matrix {
    compress([features], grid: grid, flops: &flops)
  }

  /// Compresses several images at once, `[images·V, d]` (image `i`'s tokens in rows
  /// `i·V ..< (i+1)·V`); every projection is one GEMM over all of them.
  public func compress(_ features: [VisionFeatures], grid: CompressionGrid, flops: inout Int) -> Matrix {
    let downsampled = Matrix.stacking(features.map { Self.bilinearDownsample($0.patches, gridSide: grid.gridSide, to: grid.side) })
    let queries = queryNorm(queryProjection(downsampled, flops: &flops))
    let multi = Matrix.stacking(features.map(\.multiLevel))
    let keysValues = attention.project(
      keys: keyMLP(multi, flops: &flops), values: valueMLP(multi, flops: &flops), images: features.count, flops: &flops)
    return attention(queries: queries, keysValues: keysValues, grid: grid, flops: &flops)
  }

  /// `F.interpolate(mode: "bilinear", align_corners: true)` of a `[g·g, d]` grid to `[n·n, d]`
  /// (interpolation, not counted as FLOPs).
  static func bilinearDownsample(_ x: Matrix, gridSide g: Int, to n: Int) -> Matrix {
    func source(_ i: Int) -> (Int, Int, Float) {
      // PyTorch's order of operations: the scale `(g − 1)/(n − 1)` first, then times the index.
      let position = n > 1 ? Float(g - 1) / Float(n - 1) * Float(i) : 0
      let low = min(Int(position), g - 1)
      return (low, min(low + 1, g - 1), position - Float(low))
    }
    var out = Matrix(zeros: n * n, x.columns)
    for i in 0..<n {
      let (y0, y1, fy) = source(i)
      for j in 0..<n {
        let (x0, x1, fx) = source(j)
        for c in 0..<x.columns {
          let top = x[y0 * g + x0, c] * (1 - fx) + x[y0 * g + x1, c] * fx
          let bottom = x[y1 * g + x0, c] * (1 - fx) + x[y1 * g + x1, c] * fx
          out[i * n + j, c] = top * (1 - fy) + bottom * fy
        }
      }
    }
    return out
  }
}
