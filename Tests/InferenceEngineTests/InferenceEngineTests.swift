import Foundation
import QueCC
import Testing
import VLM

@testable import InferenceEngine

/// A fresh checkpoint directory per test, removed afterwards.
private func withStore<T>(_ body: (CheckpointStore) throws -> T) throws -> T {
  let directory = FileManager.default.temporaryDirectory.appendingPathComponent("checkpoints-\(UUID())")
  defer { try? FileManager.default.removeItem(at: directory) }
  return try body(CheckpointStore(directory: directory))
}

@Suite("VLM pipeline on the tiny family")
struct PipelineTests {
  let family = ModelFamily.tiny

  func request(_ question: String, V: Int, compressor: CompressorKind = .quecc, newTokens: Int = 3) -> InferenceRequest {
    InferenceRequest(image: Image.synthetic(side: family.models[0].vision.imageSide, seed: 5), question: question,
                     visualTokens: V, compressor: compressor, newTokens: newTokens)
  }

  @Test func componentFLOPsEqualTheFormulas() throws {
    try withStore { store in
      let configuration = family.models[1]
      let model = try store.load(configuration, family: family)
      let result = try model.run(request("what?", V: 16))
      let l = configuration.language
      let d = l.width, f = l.mlpWidth, Q = 5, V = 16
      func decoderFLOPs(tokens T: Int, context: Int) -> Int { l.layers * (2 * T * (4 * d * d + 3 * d * f) + 4 * T * context * d) }
      let head = 2 * d * l.vocabularySize
      #expect(result.questionTokens == Q)
      #expect(result.costs[.questionPass]?.flops == decoderFLOPs(tokens: Q, context: Q))
      #expect(result.costs[.prefill]?.flops == decoderFLOPs(tokens: V + Q, context: V + Q) + head)
      #expect(result.costs[.decode]?.flops == decoderFLOPs(tokens: 1, context: V + Q + 1) + decoderFLOPs(tokens: 1, context: V + Q + 2) + 2 * head)
      #expect(result.generatedTokens.count == 3)
      #expect(result.visualTokens.rows == V && result.visualTokens.columns == d)
      // Prefill is the paper's 2·N·(Q+V) up to embeddings, attention and the single LM-head row.
      let paper = 2 * configuration.parameterCount * (Q + V)
      let embeddings = 2 * 2 * l.vocabularySize * d * (Q + V)
      let attention = l.layers * 4 * (V + Q) * (V + Q) * d
      let norms = 2 * (2 * l.layers + 1) * d * (Q + V)
      let biases = 2 * 3 * d * l.layers * (Q + V)
      #expect(result.costs[.prefill]!.flops == paper - embeddings - norms - biases + attention + head)
    }
  }

  @Test func theQuestionReachesTheVisualTokensOnlyThroughQueCC() throws {
    try withStore { store in
      let model = try store.load(family.models[0], family: family)
      let a = try model.run(request("is it a cat?", V: 4))
      let b = try model.run(request("how many dogs?", V: 4))
      #expect(maxDifference(a.visualTokens.values, b.visualTokens.values) > 1e-4)
      let packedA = try model.run(request("is it a cat?", V: 4, compressor: .tokenpacker))
      let packedB = try model.run(request("how many dogs?", V: 4, compressor: .tokenpacker))
      #expect(packedA.visualTokens == packedB.visualTokens)
      #expect(packedA.costs[.questionPass]?.flops == 0)
      #expect(a.costs[.questionPass]!.flops > 0)
    }
  }

  @Test func badRequestsAreRejectedWithReasons() throws {
    try withStore { store in
      let model = try store.load(family.models[0], family: family)
      #expect(throws: CompressionError.self) { try model.run(request("q", V: 5)) }
      #expect(throws: InferenceError.noTokensToGenerate(0)) { try model.run(request("q", V: 4, newTokens: 0)) }
      var wrongImage = request("q", V: 4)
      wrongImage.image = Image.synthetic(side: 12, seed: 1)
      #expect(throws: InferenceError.wrongImageSize(12, expected: 8)) { try model.run(wrongImage) }
    }
  }

  @Test func reportListsEveryComponent() throws {
    try withStore { store in
      let configuration = family.models[0]
      let request = request("why?", V: 1, compressor: .pool)
      let result = try store.load(configuration, family: family).run(request)
      let text = InferenceReport(model: configuration, request: request, result: result).text
      for component in InferenceComponent.allCases { #expect(text.contains(component.rawValue)) }
      #expect(text.contains("V = 1 visual tokens, Q = 4 question tokens"))
    }
  }
}

@Suite("Checkpoints and the bundled family")
struct CheckpointTests {
  @Test func checkpointsAreDeterministicReusedAndRegeneratedWhenStale() throws {
    let family = ModelFamily.tiny
    let model = family.models[0]
    try withStore { first in
      _ = try first.load(model, family: family)
      let url = first.url(for: model, family: family)
      let bytes = try Data(contentsOf: url)
      try withStore { second in
        _ = try second.load(model, family: family)
        #expect(try Data(contentsOf: second.url(for: model, family: family)) == bytes)
      }
      // Reused: a second load does not rewrite the file.
      let written = try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date
      Thread.sleep(forTimeInterval: 0.01)
      _ = try first.load(model, family: family)
      #expect(try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date == written)
      // Stale: another seed regenerates it.
      var reseeded = first
      reseeded.seed += 1
      _ = try reseeded.load(model, family: family)
      #expect(try Data(contentsOf: url) != bytes)
    }
  }

  @Test func bundledFamilySpansThirtyTimesAndIsNamedBySize() throws {
    let counts = ModelFamily.bundled.models.map(\.parameterCount)
    #expect(counts == counts.sorted())
    #expect(Double(counts.last!) / Double(counts.first!) >= 30)
    for model in ModelFamily.bundled.models {
      #expect(model.name == "\(Int((Double(model.parameterCount) / 1e6).rounded()))m")
      #expect(model.language.width % model.language.heads == 0 && model.vision.width % QueCC.heads == 0)
    }
    #expect(ModelFamily.bundled.models[0].vision.patchCount == 576)
    #expect(try ModelFamily.bundled.model(named: "qwen-5M").name == "5m")
    #expect(throws: ModelFamilyError.unknownModel("7b", available: ["1m", "5m", "15m", "32m", "61m"])) {
      try ModelFamily.bundled.model(named: "7b")
    }
  }
}

private func maxDifference(_ a: [Float], _ b: [Float]) -> Float {
  zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
}
