import Testing
import VLM

@Suite("Qwen-style language model")
struct LanguageModelTests {
  let config = Tiny.language

  func model() throws -> LanguageModel {
    try LanguageModel(Tiny.weights(LanguageModel.parameters(config)), config: config)
  }

  @Test func parameterCountMatchesTheArchitecture() {
    let d = config.width, f = config.mlpWidth
    let perLayer = 4 * d * d + 3 * d + 3 * d * f + 2 * d
    #expect(config.parameterCount == config.layers * perLayer + 2 * config.vocabularySize * d + d)
  }

  @Test func prefillFLOPsEqualTheFormula() throws {
    let model = try model()
    let d = config.width, f = config.mlpWidth, T = 9
    var cache = model.makeCache(capacity: 16)
    var flops = 0
    _ = model.prefill(Tiny.matrix(rows: T, columns: d, seed: 7), cache: &cache, flops: &flops)
    let perLayer = 2 * T * (4 * d * d + 3 * d * f) + 4 * T * T * d
    #expect(flops == config.layers * perLayer + 2 * d * config.vocabularySize)

    var step = 0
    _ = model.decodeStep(65, cache: &cache, flops: &step)
    let context = T + 1
    #expect(step == config.layers * (2 * (4 * d * d + 3 * d * f) + 4 * context * d) + 2 * d * config.vocabularySize)
    #expect(cache.count == context)
  }

  @Test func kvCacheDecodingEqualsFullRecomputation() throws {
    let model = try model()
    let prompt = Tiny.matrix(rows: 6, columns: config.width, seed: 8)
    var cache = model.makeCache(capacity: 12)
    var flops = 0
    var logits = model.prefill(prompt, cache: &cache, flops: &flops)
    var generated: [Int] = []
    for _ in 0..<5 {
      generated.append(LanguageModel.argmax(logits))
      logits = model.decodeStep(generated.last!, cache: &cache, flops: &flops)
      // The same sequence from scratch, no cache reuse.
      var fresh = model.makeCache(capacity: 12)
      let full = model.hiddenStates(Matrix.stacking([prompt, model.embed(generated)]), cache: &fresh, flops: &flops)
      let recomputed = model.logits(full, row: full.rows - 1, flops: &flops)
      #expect(maxAbsoluteDifference(logits, recomputed) < 1e-4)
    }
    #expect(Set(generated).count > 1, "greedy decoding should not be stuck on one token for these weights")
  }

  @Test func promptOrderMatters() throws {
    let model = try model()
    let a = model.embed(ByteTokenizer.encode("ab"))
    let b = model.embed(ByteTokenizer.encode("ba"))
    var flops = 0
    var cacheA = model.makeCache(capacity: 2)
    var cacheB = model.makeCache(capacity: 2)
    #expect(maxAbsoluteDifference(model.prefill(a, cache: &cacheA, flops: &flops), model.prefill(b, cache: &cacheB, flops: &flops)) > 1e-4)
  }
}
