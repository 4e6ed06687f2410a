import Foundation
import Testing
import VLM

@testable import QueCC

@Suite("Compression grid, region attention and the other compressors")
struct CompressorTests {
  @Test func gridOffersTheDivisorsOfTheSide() throws {
    #expect(CompressionGrid.supportedTokenCounts(gridSide: 24) == [1, 4, 9, 16, 36, 64, 144, 576])
    #expect(throws: CompressionError.unsupportedTokenCount(5, supported: [1, 4, 9, 16, 36, 64, 144, 576])) {
      try CompressionGrid(gridSide: 24, tokens: 5)
    }
    let grid = try CompressionGrid(gridSide: 24, tokens: 16)
    #expect(grid.stride == 6)
    // Region 5 is row 1, column 1: rows 6..<12, columns 6..<12 of the patch grid.
    #expect(grid.patchIndices(region: 5).first == 6 * 24 + 6)
    #expect(grid.patchIndices(region: 5).last == 11 * 24 + 11)
    #expect(Set((0..<16).flatMap(grid.patchIndices)).count == 576)
  }

  /// `nn.MultiheadAttention` with a block mask, written out naively in Double.
  @Test func regionAttentionEqualsNaiveReference() throws {
    let d = Tiny.visionWidth, heads = 8, headWidth = d / heads
    let specs = RegionAttention.parameters(width: d).map {
      // Non-zero biases so the reference checks they are applied.
      ParameterSpec(name: $0.name, shape: $0.shape, initialization: .uniform(bound: 0.3))
    }
    let weights = try Tiny.weights(specs)
    let attention = try RegionAttention(weights, width: d, heads: heads)
    let grid = try CompressionGrid(gridSide: 24, tokens: 36)
    let queries = Tiny.matrix(rows: 36, columns: d, seed: 11)
    let keys = Tiny.matrix(rows: 576, columns: d, seed: 12)
    let values = Tiny.matrix(rows: 576, columns: d, seed: 13)
    var flops = 0
    let fast = attention(queries: queries, keys: keys, values: values, grid: grid, flops: &flops)

    let inWeight = try weights.matrix("in_proj_weight", rows: 3 * d, columns: d)
    let inBias = try weights.vector("in_proj_bias", count: 3 * d)
    let outWeight = try weights.matrix("out_proj.weight", rows: d, columns: d)
    let outBias = try weights.vector("out_proj.bias", count: d)
    func project(_ x: Matrix, _ row: Int, part: Int) -> [Double] {
      (0..<d).map { o in (0..<d).reduce(Double(inBias[part * d + o])) { $0 + Double(inWeight[part * d + o, $1]) * Double(x[row, $1]) } }
    }
    var reference = [Float]()
    for region in 0..<36 {
      let q = project(queries, region, part: 0)
      let window = grid.patchIndices(region: region)
      let k = window.map { project(keys, $0, part: 1) }
      let v = window.map { project(values, $0, part: 2) }
      var concatenated = [Double](repeating: 0, count: d)
      for h in 0..<heads {
        let columns = (h * headWidth)..<((h + 1) * headWidth)
        let scores = k.map { key in columns.reduce(0.0) { $0 + q[$1] * key[$1] } / Double(headWidth).squareRoot() }
        let exps = scores.map { exp($0 - scores.max()!) }
        for c in columns { concatenated[c] = zip(exps, v).reduce(0.0) { $0 + $1.0 * $1.1[c] } / exps.reduce(0, +) }
      }
      reference += (0..<d).map { o in Float((0..<d).reduce(Double(outBias[o])) { $0 + Double(outWeight[o, $1]) * concatenated[$1] }) }
    }
    #expect(maxAbsoluteDifference(fast.values, reference) < 1e-5)
  }

  @Test func averagePoolingIsTheRegionMean() throws {
    let features = Tiny.features(seed: 14)
    let grid = try CompressionGrid(gridSide: 24, tokens: 4)
    let pooled = AveragePooling.compress(features, grid: grid)
    let window = grid.patchIndices(region: 3)
    let mean = window.reduce(Float(0)) { $0 + features.patches[$1, 5] } / Float(window.count)
    #expect(abs(pooled[3, 5] - mean) < 1e-5)
    #expect(pooled.rows == 4)
  }

  @Test func bilinearDownsampleWithAlignedCornersKeepsTheCorners() {
    // A 3 × 3 grid of one channel, value = 10·row + column.
    let x = Matrix(rows: 9, columns: 1, values: (0..<9).map { Float(10 * ($0 / 3) + $0 % 3) })
    #expect(TokenPacker.bilinearDownsample(x, gridSide: 3, to: 2).values == [0, 2, 20, 22])
    #expect(TokenPacker.bilinearDownsample(x, gridSide: 3, to: 1).values == [0])
    #expect(TokenPacker.bilinearDownsample(x, gridSide: 3, to: 3).values == x.values)
  }

  @Test func everyConnectorProducesProjectedTokens() throws {
    let connector = try VisualConnector(
      Tiny.weights(VisualConnector.parameters(visionWidth: Tiny.visionWidth, textWidth: Tiny.textWidth, gridSide: 24)),
      visionWidth: Tiny.visionWidth, textWidth: Tiny.textWidth, gridSide: 24)
    let grid = try CompressionGrid(gridSide: 24, tokens: 9)
    for kind in CompressorKind.allCases {
      var flops = 0
      let tokens = connector.visualTokens(Tiny.features(seed: 15), kind: kind, grid: grid,
                                          queryEmbedding: Tiny.vector(Tiny.textWidth, seed: 16), flops: &flops)
      #expect(tokens.rows == 9 && tokens.columns == Tiny.textWidth, "\(kind)")
      let projector = 2 * 9 * (Tiny.visionWidth * Tiny.textWidth + Tiny.textWidth * Tiny.textWidth)
      #expect(kind == .pool ? flops == projector : flops > projector, "\(kind)")
    }
  }
}
