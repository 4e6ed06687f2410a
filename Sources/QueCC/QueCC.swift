import VLM

/// QueCC, query-based convolutional cross-attention (paper §3.2 / PAPER.md §6), following the
/// authors' `quecc.py`:
/// 1. the question's embedding (the LLM's last hidden state) → `Linear(d_llm → d) → LayerNorm`,
///    broadcast-added to every patch feature `x`;
/// 2. `q = MLP(x + text)` (`Linear → GELU → Linear → LayerNorm`), laid out on the patch grid;
/// 3. a depth-wise `Conv2d` with kernel = stride = `s` downsamples the grid to one query per
///    `s × s` region;
/// 4. `k, v` = two more such MLPs on the multi-level features `[P, 4d]`;
/// 5. each region query attends only to its own window (`nn.MultiheadAttention`, 8 heads in the
///    authors' code, a parameter here).
/// The `[V, d]` result goes to the projector. A trained checkpoint holds the convolution of its
/// own stride (`q_downsample.s4`); the bundled cost-measurement checkpoints hold one for every
/// stride the grid allows and share the rest, which is equivalent for measuring cost.
///
/// Steps 4 and 5's key/value projections depend only on the image: `imageContext` computes them
/// once per image, and `compress` runs steps 1–3 and 5 for many questions at once.
public struct QueCC: Sendable {
  let textProjection: Linear
  let textNorm: LayerNorm
  let queryMLP: ProjectionMLP
  let keyMLP: ProjectionMLP
  let valueMLP: ProjectionMLP
  let downsample: [Int: DepthwiseConvolution]
  let attention: RegionAttention

  /// Heads of the authors' region attention.
  public static let heads = 8

  /// Every stride of `gridSide`, 8 heads: the bundled cost-measurement layout.
  public init(_ weights: Weights, visionWidth d: Int, textWidth: Int, gridSide: Int) throws(WeightsError) {
    try self.init(weights, visionWidth: d, textWidth: textWidth, strides: Self.strides(gridSide: gridSide), heads: Self.heads)
  }

  /// A QueCC with a convolution `q_downsample.s{s}` for each of `strides` and `heads` attention heads.
  public init(_ weights: Weights, visionWidth d: Int, textWidth: Int, strides: [Int], heads: Int) throws(WeightsError) {
    precondition(heads >= 1 && d % heads == 0, "\(heads) heads do not divide width \(d)")
    textProjection = try Linear(weights.scoped("text_projection.0"), inputs: textWidth, outputs: d, bias: true)
    textNorm = try LayerNorm(weights.scoped("text_projection.1"), width: d, epsilon: 1e-6)
    queryMLP = try ProjectionMLP(weights.scoped("q_proj"), inputs: d, width: d)
    keyMLP = try ProjectionMLP(weights.scoped("k_proj"), inputs: 4 * d, width: d)
    valueMLP = try ProjectionMLP(weights.scoped("v_proj"), inputs: 4 * d, width: d)
    var downsample: [Int: DepthwiseConvolution] = [:]
    for stride in strides {
      downsample[stride] = try DepthwiseConvolution(weights.scoped("q_downsample.s\(stride)"), channels: d, kernel: stride)
    }
    self.downsample = downsample
    attention = try RegionAttention(weights.scoped("clip_attn"), width: d, heads: heads)
  }

  public static func parameters(visionWidth d: Int, textWidth: Int, gridSide: Int) -> [ParameterSpec] {
    parameters(visionWidth: d, textWidth: textWidth, strides: strides(gridSide: gridSide))
  }

  public static func parameters(visionWidth d: Int, textWidth: Int, strides: [Int]) -> [ParameterSpec] {
    Linear.parameters(inputs: textWidth, outputs: d, bias: true).scoped("text_projection.0")
      + LayerNorm.parameters(width: d).scoped("text_projection.1")
      + ProjectionMLP.parameters(inputs: d, width: d).scoped("q_proj")
      + ProjectionMLP.parameters(inputs: 4 * d, width: d).scoped("k_proj")
      + ProjectionMLP.parameters(inputs: 4 * d, width: d).scoped("v_proj")
      + strides.flatMap { DepthwiseConvolution.parameters(channels: d, kernel: $0).scoped("q_downsample.s\($0)") }
      + RegionAttention.parameters(width: d).scoped("clip_attn")
  }

  static func strides(gridSide: Int) -> [Int] {
    (1...gridSide).filter { gridSide % $0 == 0 }
  }

  /// The strides this instance has a convolution for.
  public var strides: [Int] { downsample.keys.sorted() }

  /// What QueCC computes from an image alone, whatever the question: its patch features and the
  /// projected keys and values of the region attention.
  public struct ImageContext: Sendable {
    let patches: Matrix
    let keysValues: RegionAttention.ProjectedKeysValues
  }

  /// Steps 4 and the key/value projections of step 5 for one image.
  public func imageContext(_ features: VisionFeatures, flops: inout Int) -> ImageContext {
    imageContexts([features], flops: &flops)[0]
  }

  /// The same for several images, each projection one GEMM over all of them.
  public func imageContexts(_ features: [VisionFeatures], flops: inout Int) -> [ImageContext] {
    let multi = Matrix.stacking(features.map(\.multiLevel))
    let keysValues = attention.project(
      keys: keyMLP(multi, flops: &flops), values: valueMLP(multi, flops: &flops), images: features.count, flops: &flops)
    return zip(features, keysValues).map { ImageContext(patches: $0.patches, keysValues: $1) }
  }

  /// Compresses `features` to `grid.tokenCount` tokens of width `d`.
  ///
  /// - Parameter queryEmbedding: the LLM's final hidden state at the question's last token. With
  ///   no question (`nil`) step 1 is skipped; the authors' code would substitute the word "image".
  public func callAsFunction(
    _ features: VisionFeatures, queryEmbedding: [Float]?, grid: CompressionGrid, flops: inout Int
  ) -> Matrix {
    let context = imageContext(features, flops: &flops)
    return compress([context], queryEmbeddings: queryEmbedding.map { Matrix(rows: 1, columns: $0.count, values: $0) },
                    grid: grid, flops: &flops)
  }

  /// Compresses `B = contexts.count` questions at once, question `b` about `contexts[b]` with
  /// query embedding row `b` of `queryEmbeddings` (`[B, d_llm]`, or `nil` for no question):
  /// `[B·V, d]`, question `b`'s tokens in rows `b·V ..< (b+1)·V`. The projections run as one GEMM
  /// over all questions; the convolution and the windowed attention per question.
  public func compress(
    _ contexts: [ImageContext], queryEmbeddings: Matrix?, grid: CompressionGrid, flops: inout Int
  ) -> Matrix {
    guard let convolution = downsample[grid.stride] else {
      preconditionFailure("this QueCC has no q_downsample.s\(grid.stride) (strides \(strides))")
    }
    var x = Matrix.stacking(contexts.map(\.patches))
    if let queryEmbeddings {
      precondition(queryEmbeddings.rows == contexts.count, "one query embedding per question")
      let text = textNorm(textProjection(queryEmbeddings, flops: &flops))
      let patches = grid.gridSide * grid.gridSide, width = x.columns
      x.values.withUnsafeMutableBufferPointer { x in
        for question in 0..<contexts.count {
          for patch in 0..<patches {
            for c in 0..<width { x[(question * patches + patch) * width + c] += text[question, c] }
          }
        }
      }
    }
    let queries = convolution(queryMLP(x, flops: &flops), grid: grid, flops: &flops)
    return attention(queries: queries, keysValues: contexts.map(\.keysValues), grid: grid, flops: &flops)
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

  /// `[B·P, d]`, `B` patch grids stacked → `[B·R, d]`, one row per region of each grid.
  func callAsFunction(_ x: Matrix, grid: CompressionGrid, flops: inout Int) -> Matrix {
    precondition(weight.columns == grid.regionSize, "a \(grid.stride)×\(grid.stride) convolution")
    let patches = grid.gridSide * grid.gridSide, regions = grid.tokenCount, width = x.columns
    precondition(x.rows % patches == 0, "whole patch grids")
    let grids = x.rows / patches
    let windows = (0..<regions).map(grid.patchIndices)
    var out = Matrix(rows: grids * regions, columns: width, values: (0..<(grids * regions)).flatMap { _ in bias })
    x.values.withUnsafeBufferPointer { x in
      weight.values.withUnsafeBufferPointer { w in
        out.values.withUnsafeMutableBufferPointer { out in
          for block in 0..<grids {
            for region in 0..<regions {
              let y = (block * regions + region) * width
              for (tap, patch) in windows[region].enumerated() {
                let source = (block * patches + patch) * width
                for c in 0..<width { out[y + c] += w[c * grid.regionSize + tap] * x[source + c] }
              }
            }
          }
        }
      }
    }
    flops += 2 * x.rows * width
    return out
  }
}
