import Foundation
import Testing
import VLM

@testable import QueCC

@Suite("QueCC")
struct QueCCTests {
  let quecc: QueCC

  init() throws {
    quecc = try QueCC(
      Tiny.weights(QueCC.parameters(visionWidth: Tiny.visionWidth, textWidth: Tiny.textWidth, gridSide: Tiny.gridSide)),
      visionWidth: Tiny.visionWidth, textWidth: Tiny.textWidth, gridSide: Tiny.gridSide)
  }

  func compress(_ features: VisionFeatures, query: [Float]?, stride: Int) throws -> Matrix {
    var flops = 0
    let grid = try CompressionGrid(gridSide: Tiny.gridSide, tokens: (Tiny.gridSide / stride) * (Tiny.gridSide / stride))
    #expect(grid.stride == stride)
    return quecc(features, queryEmbedding: query, grid: grid, flops: &flops)
  }

  @Test(arguments: [(4, 36), (6, 16), (12, 4), (24, 1)])
  func yieldsOneTokenPerRegion(stride: Int, tokens: Int) throws {
    let out = try compress(Tiny.features(seed: 1), query: Tiny.vector(Tiny.textWidth, seed: 2), stride: stride)
    #expect(out.rows == tokens)
    #expect(out.columns == Tiny.visionWidth)
  }

  @Test func changingTheQuestionChangesEveryToken() throws {
    let features = Tiny.features(seed: 3)
    let a = try compress(features, query: Tiny.vector(Tiny.textWidth, seed: 4), stride: 6)
    let b = try compress(features, query: Tiny.vector(Tiny.textWidth, seed: 5), stride: 6)
    for token in 0..<a.rows {
      #expect(maxAbsoluteDifference(Array(a.row(token)), Array(b.row(token))) > 1e-4)
    }
    let same = try compress(features, query: Tiny.vector(Tiny.textWidth, seed: 4), stride: 6)
    #expect(same == a)
  }

  @Test(arguments: [4, 12])
  func tokensDependOnlyOnTheirOwnRegion(stride: Int) throws {
    let grid = try CompressionGrid(gridSide: Tiny.gridSide, tokens: (Tiny.gridSide / stride) * (Tiny.gridSide / stride))
    let region = 1
    let inside = Set(grid.patchIndices(region: region))
    let query = Tiny.vector(Tiny.textWidth, seed: 6)
    let original = Tiny.features(seed: 7)
    // Replace every patch outside the region, in both the features and the multi-level features.
    var outsideChanged = original
    let noise = Tiny.features(seed: 8)
    for patch in 0..<Tiny.patches where !inside.contains(patch) {
      for c in 0..<Tiny.visionWidth { outsideChanged.patches[patch, c] = noise.patches[patch, c] }
      for c in 0..<(4 * Tiny.visionWidth) { outsideChanged.multiLevel[patch, c] = noise.multiLevel[patch, c] }
    }
    let before = try compress(original, query: query, stride: stride)
    let after = try compress(outsideChanged, query: query, stride: stride)
    #expect(maxAbsoluteDifference(Array(before.row(region)), Array(after.row(region))) <= 1e-6)
    #expect(maxAbsoluteDifference(Array(before.row(0)), Array(after.row(0))) > 1e-4)

    // And one patch inside the region does move it.
    var insideChanged = original
    insideChanged.multiLevel[inside.min()!, 0] += 1
    let moved = try compress(insideChanged, query: query, stride: stride)
    #expect(maxAbsoluteDifference(Array(before.row(region)), Array(moved.row(region))) > 1e-5)
  }

  @Test func flopsEqualTheFormula() throws {
    let d = Tiny.visionWidth, P = Tiny.patches, text = Tiny.textWidth
    for stride in [1, 4, 24] {
      let R = (Tiny.gridSide / stride) * (Tiny.gridSide / stride)
      let grid = try CompressionGrid(gridSide: Tiny.gridSide, tokens: R)
      var flops = 0
      _ = quecc(Tiny.features(seed: 9), queryEmbedding: Tiny.vector(text, seed: 10), grid: grid, flops: &flops)
      let textProjection = 2 * text * d
      let queryMLP = 2 * P * (d * d + d * d)
      let convolution = 2 * P * d
      let keyValueMLPs = 2 * (2 * P * (4 * d * d + d * d))
      let attention = 2 * R * d * d + 2 * 2 * P * d * d + 4 * P * d + 2 * R * d * d
      #expect(flops == textProjection + queryMLP + convolution + keyValueMLPs + attention, "stride \(stride)")
      var withoutQuestion = 0
      _ = quecc(Tiny.features(seed: 9), queryEmbedding: nil, grid: grid, flops: &withoutQuestion)
      #expect(withoutQuestion == flops - textProjection)
    }
  }
}
