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
struct RegionAttention: Sendable {
  let query: Linear
  let key: Linear
  let value: Linear
  let output: Linear
  let heads: Int

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
    let q = query(queries, flops: &flops)
    let k = key(keys, flops: &flops)
    let v = value(values, flops: &flops)
    let width = q.columns
    let headWidth = width / heads
    let scale = 1 / Float(headWidth).squareRoot()
    var attended = Matrix(zeros: grid.tokenCount, width)
    for region in 0..<grid.tokenCount {
      let window = grid.patchIndices(region: region)
      for head in 0..<heads {
        let columns = (head * headWidth)..<((head + 1) * headWidth)
        var weights = window.map { patch in columns.reduce(Float(0)) { $0 + q[region, $1] * k[patch, $1] } * scale }
        let top = weights.max()!
        weights = weights.map { exp($0 - top) }
        let total = weights.reduce(0, +)
        for c in columns {
          attended[region, c] = zip(window, weights).reduce(Float(0)) { $0 + $1.1 * v[$1.0, c] } / total
        }
      }
      flops += 4 * window.count * width
    }
    return output(attended, flops: &flops)
  }
}
