import Testing
import VLM

@Suite("CLIP-style vision encoder")
struct VisionEncoderTests {
  let config = Tiny.vision

  @Test func featureShapesAndLayersFollowLLaVA() throws {
    #expect(VisionConfig(imageSide: 336, patchSide: 14, width: 1024, heads: 16, depth: 24, mlpWidth: 4096).multiLevelLayers == [12, 16, 22, 23])
    let encoder = try VisionEncoder(Tiny.weights(VisionEncoder.parameters(config)), config: config)
    var flops = 0
    let features = encoder(Image.synthetic(side: config.imageSide, seed: 3), flops: &flops)
    #expect(features.patches.rows == 64 && features.patches.columns == config.width)
    #expect(features.multiLevel.rows == 64 && features.multiLevel.columns == 4 * config.width)
    // The penultimate hidden state is both the feature map and the last multi-level slice.
    #expect(features.patches.row(5) == features.multiLevel.row(5).suffix(config.width))
  }

  @Test func flopsAndParametersEqualTheFormulas() throws {
    let encoder = try VisionEncoder(Tiny.weights(VisionEncoder.parameters(config)), config: config)
    var flops = 0
    _ = encoder(Image.synthetic(side: config.imageSide, seed: 4), flops: &flops)
    let w = config.width, m = config.mlpWidth, P = 64, T = 65, blocks = config.depth - 1
    #expect(flops == 2 * P * 12 * w + blocks * (2 * T * (4 * w * w + 2 * w * m) + 4 * T * T * w))
    let perBlock = 4 * (w * w + w) + 2 * (w * m) + m + w + 4 * w
    #expect(VisionEncoder.parameters(config).parameterCount == w * 12 + w + T * w + 2 * w + blocks * perBlock)
  }
}
