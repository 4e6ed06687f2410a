import VLM

/// QueCC, query-based convolutional cross-attention (paper §3.2 / PAPER.md §6), following the
/// authors' `quecc.py`:
/// 1. the question's embedding (the LLM's last hidden state) → `Linear(d_llm → d) → LayerNorm`,
///    broadcast-added to every patch feature `x`;
/// 2. `q = MLP(x + text)` (`Linear → GELU → Linear → LayerNorm`), laid out on the patch grid;
/// 3. a depth-wise `Conv2d` with kernel = stride = `s` downsamples the grid to one query per
///    `s × s` region;
/// 4. `k, v` = two more such MLPs on the multi-level features `[P, 4d]`;
/// 5. each region query attends only to its own window (8-head `nn.MultiheadAttention`).
/// The `[V, d]` result goes to the projector. A trained checkpoint exists per stride; here one
/// checkpoint holds a convolution for every stride the grid allows (`q_downsample.s4`, …) and
/// shares the rest, which is equivalent for measuring cost.
public struct QueCC: Sendable {
  let textProjection: Linear
  let textNorm: LayerNorm
  let queryMLP: ProjectionMLP
  let keyMLP: ProjectionMLP
  let valueMLP: ProjectionMLP
  let downsample: [Int: DepthwiseConvolution]
  let attention: RegionAttention

  public static let heads = 8

  public init(_ weights: Weights, visionWidth d: Int, textWidth: Int, gridSide: Int) throws(WeightsError) {
    textProjection = try Linear(weights.scoped("text_projection.0"), inputs: textWidth, outputs: d, bias: true)
    textNorm = try LayerNorm(weights.scoped("text_projection.1"), width: d, epsilon: 1e-6)
    queryMLP = try ProjectionMLP(weights.scoped("q_proj"), inputs: d, width: d)
    keyMLP = try ProjectionMLP(weights.scoped("k_proj"), inputs: 4 * d, width: d)
    valueMLP = try ProjectionMLP(weights.scoped("v_proj"), inputs: 4 * d, width: d)
    var downsample: [Int: DepthwiseConvolution] = [:]
    for stride in Self.strides(gridSide: gridSide) {
      downsample[stride] = try DepthwiseConvolution(weights.scoped("q_downsample.s\(stride)"), channels: d, kernel: stride)
    }
    self.downsample = downsample
    attention = try RegionAttention(weights.scoped("clip_attn"), width: d, heads: Self.heads)
  }

  public static func parameters(visionWidth d: Int, textWidth: Int, gridSide: Int) -> [ParameterSpec] {
    Linear.parameters(inputs: textWidth, outputs: d, bias: true).scoped("text_projection.0")
      + LayerNorm.parameters(width: d).scoped("text_projection.1")
      + ProjectionMLP.parameters(inputs: d, width: d).scoped("q_proj")
      + ProjectionMLP.parameters(inputs: 4 * d, width: d).scoped("k_proj")
      + ProjectionMLP.parameters(inputs: 4 * d, width: d).scoped("v_proj")
      + strides(gridSide: gridSide).flatMap { DepthwiseConvolution.parameters(channels: d, kernel: $0).scoped("q_downsample.s\($0)") }
      + RegionAttention.parameters(width: d).scoped("clip_attn")
  }

  static func strides(gridSide: Int) -> [Int] {
    (1...gridSide).filter { gridSide % $0 == 0 }
  }

  /// Compresses `features` to `grid.tokenCount` tokens of width `d`.
  ///
  /// - Parameter queryEmbedding: the LLM's final hidden state at the question's last token. With
  ///   no question (`nil`) step 1 is skipped; the authors' code would substitute the word "image".
  public func callAsFunction(
    _ features: VisionFeatures, queryEmbedding: [Float]?, grid: CompressionGrid, flops: inout Int
  ) -> Matrix {
    var x = features.patches
    if let queryEmbedding {
      let text = textNorm(textProjection(Matrix(rows: 1, columns: queryEmbedding.count, values: queryEmbedding), flops: &flops))
      x = x.addingToEveryRow(text.values)
    }
    let queries = downsample[grid.stride]!(queryMLP(x, flops: &flops), grid: grid, flops: &flops)
    let keys = keyMLP(features.multiLevel, flops: &flops)
    let values = valueMLP(features.multiLevel, flops: &flops)
    return attention(queries: queries, keys: keys, values: values, grid: grid, flops: &flops)
  }
}

/// `Conv2d(d, d, kernel = stride = s, groups = d)`: each channel of each region is a weighted sum
/// of its own `s²` values plus a bias — `2·P·d` FLOPs for `P` patches.
struct DepthwiseConvolution: Sendable {
  let weight: Matrix  // [channels, s·s]
  let bias: [Float]

  init(_ weights: Weights, channels: Int, kernel: Int) throws(WeightsError) {
    weight = Matrix(rows: channels, columns: kernel * kernel,
                    values: try weights.tensor("weight", shape: [channels, 1, kernel, kernel]))
    bias = try weights.vector("bias", count: channels)
  }

  /// PyTorch's `Conv2d` default: uniform ±1/√(fan_in), fan_in = `s²` for a depth-wise kernel.
  static func parameters(channels: Int, kernel: Int) -> [ParameterSpec] {
    let bound = 1 / Float(kernel)
    return [ParameterSpec(name: "weight", shape: [channels, 1, kernel, kernel], initialization: .uniform(bound: bound)),
            ParameterSpec(name: "bias", shape: [channels], initialization: .uniform(bound: bound))]
  }

  /// `[P, d]` on the patch grid → `[R, d]`, one row per region.
  func callAsFunction(_ x: Matrix, grid: CompressionGrid, flops: inout Int) -> Matrix {
    precondition(weight.columns == grid.regionSize, "a \(grid.stride)×\(grid.stride) convolution")
    var out = Matrix(rows: grid.tokenCount, columns: x.columns, values: (0..<grid.tokenCount).flatMap { _ in bias })
    for region in 0..<grid.tokenCount {
      for (tap, patch) in grid.patchIndices(region: region).enumerated() {
        for c in 0..<x.columns { out[region, c] += weight[c, tap] * x[patch, c] }
      }
    }
    flops += 2 * x.rows * x.columns
    return out
  }
}
