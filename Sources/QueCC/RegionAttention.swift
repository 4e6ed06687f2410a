import Foundation
import VLM

/// PyTorch `nn.MultiheadAttention` (packed `in_proj`, then `out_proj`) where region query `r`
/// attends only to the keys and values of its own `s × s` window — the "each convolution grid
/// to its own tokens" attention of QueCC and TokenPacker.
///
/// Because a window only sees its own patches, a compressed token depends on nothing outside
/// its region (apart from QueCC's global query embedding). FLOPs: the three input projections
/// `2·(R + 2P)·d²`, the windowed attention `4·P·d` (every patch is in exactly one window), and
/// the output projection `2·R·d²`, for `R` regions, `P` patches and width `d`.
///
/// Keys and values depend only on the image, so they are projected once (`project`) and reused
/// by every question about it; the queries of many questions go through one GEMM.
struct RegionAttention: Sendable {
  let query: Linear
  let key: Linear
  let value: Linear
  let output: Linear
  let heads: Int

  /// One image's keys and values after their input projections: rows `firstRow ..< firstRow + P`
  /// of `keys` and `values` (several images share one projected matrix, uncopied).
  struct ProjectedKeysValues: Sendable {
    let keys: Matrix
    let values: Matrix
    var firstRow = 0
  }

  init(_ weights: Weights, width: Int, heads: Int) throws(WeightsError) {
    let packed = try weights.matrix("in_proj_weight", rows: 3 * width, columns: width)
    let bias = try weights.vector("in_proj_bias", count: 3 * width)
    func slice(_ part: Int) -> Linear {
      Linear(weight: packed.rows((part * width)..<((part + 1) * width)), bias: Array(bias[(part * width)..<((part + 1) * width)]))
    }
    query = slice(0)
    key = slice(1)
    value = slice(2)
    output = try Linear(weights.scoped("out_proj"), inputs: width, outputs: width, bias: true)
    self.heads = heads
  }

  /// PyTorch's initialisation: Xavier-uniform packed projection, zero biases, default `out_proj`.
  static func parameters(width: Int) -> [ParameterSpec] {
    [ParameterSpec(name: "in_proj_weight", shape: [3 * width, width], initialization: .uniform(bound: (6 / Float(4 * width)).squareRoot())),
     ParameterSpec(name: "in_proj_bias", shape: [3 * width], initialization: .constant(0)),
     ParameterSpec(name: "out_proj.weight", shape: [width, width], initialization: .uniform(bound: 1 / Float(width).squareRoot())),
     ParameterSpec(name: "out_proj.bias", shape: [width], initialization: .constant(0))]
  }

  /// - Parameters:
  ///   - queries: `[R, d]`, one per region of `grid`.
  ///   - keys, values: `[P, d]`, the whole patch grid.
  func callAsFunction(queries: Matrix, keys: Matrix, values: Matrix, grid: CompressionGrid, flops: inout Int) -> Matrix {
    self(queries: queries, keysValues: [project(keys: keys, values: values, flops: &flops)], grid: grid, flops: &flops)
  }

  func project(keys: Matrix, values: Matrix, flops: inout Int) -> ProjectedKeysValues {
    ProjectedKeysValues(keys: key(keys, flops: &flops), values: value(values, flops: &flops))
  }

  /// The keys and values of `images` patch grids stacked in `keys` and `values` (`[images·P, ·]`),
  /// projected by one GEMM each, one entry per image.
  func project(keys: Matrix, values: Matrix, images: Int, flops: inout Int) -> [ProjectedKeysValues] {
    let projected = project(keys: keys, values: values, flops: &flops)
    let patches = images == 0 ? 0 : keys.rows / images
    return (0..<images).map { ProjectedKeysValues(keys: projected.keys, values: projected.values, firstRow: $0 * patches) }
  }

  /// Attends `B = keysValues.count` blocks of region queries at once: `queries` is `[B·R, d]`,
  /// block `b` attending to `keysValues[b]`; returns `[B·R, d]`.
  func callAsFunction(queries: Matrix, keysValues: [ProjectedKeysValues], grid: CompressionGrid, flops: inout Int) -> Matrix {
    let regions = grid.tokenCount
    precondition(queries.rows == keysValues.count * regions, "one block of \(regions) region queries per image")
    let q = query(queries, flops: &flops)
    let width = q.columns
    let headWidth = width / heads
    let scale = 1 / Float(headWidth).squareRoot()
    let windows = (0..<regions).map(grid.patchIndices)
    var attended = Matrix(zeros: q.rows, width)
    var weights = [Float](repeating: 0, count: grid.regionSize)
    q.values.withUnsafeBufferPointer { q in
      attended.values.withUnsafeMutableBufferPointer { out in
        for (block, kv) in keysValues.enumerated() {
          kv.keys.values.withUnsafeBufferPointer { k in
            kv.values.values.withUnsafeBufferPointer { v in
              for region in 0..<regions {
                let row = block * regions + region
                for head in 0..<heads {
                  let first = head * headWidth
                  for (j, patch) in windows[region].enumerated() {
                    let patch = kv.firstRow + patch
                    var dot: Float = 0
                    for c in first..<(first + headWidth) { dot += q[row * width + c] * k[patch * width + c] }
                    weights[j] = dot * scale
                  }
                  weights.withUnsafeMutableBufferPointer { Attention.softmax($0) }
                  for c in first..<(first + headWidth) {
                    var sum: Float = 0
                    for (j, patch) in windows[region].enumerated() { sum += weights[j] * v[(kv.firstRow + patch) * width + c] }
                    out[row * width + c] = sum
                  }
                }
              }
            }
          }
        }
      }
    }
    flops += 4 * keysValues.count * grid.gridSide * grid.gridSide * width
    return output(attended, flops: &flops)
  }
}
