import Safetensors
import Testing
import VLM

@Suite("Weights and synthesis")
struct WeightsTests {
  @Test func synthesisIsDeterministicAndIndependentOfOtherTensors() {
    let a = ParameterSpec(name: "a.weight", shape: [3, 4], initialization: .uniform(bound: 0.5))
    let b = ParameterSpec(name: "b.weight", shape: [2], initialization: .uniform(bound: 0.5))
    let alone = WeightSynthesis.entries([a], seed: 9, dtype: .f32)
    let together = WeightSynthesis.entries([b, a], seed: 9, dtype: .f32)
    #expect(alone[0].values == together[1].values)
    #expect(alone[0].values.allSatisfy { abs($0) <= 0.5 })
    #expect(alone[0].values != WeightSynthesis.entries([a], seed: 10, dtype: .f32)[0].values)
    #expect(WeightSynthesis.values(for: b, seed: 9) != WeightSynthesis.values(for: .init(name: "c", shape: [2], initialization: .uniform(bound: 0.5)), seed: 9))
  }

  @Test func loadingReportsMissingAndMisshapenTensors() throws {
    let weights = try Tiny.weights([ParameterSpec(name: "layer.weight", shape: [2, 3], initialization: .constant(1))])
    #expect(throws: WeightsError.shapeMismatch(name: "layer.weight", expected: [3, 2], found: [2, 3])) {
      try Linear(weights.scoped("layer"), inputs: 2, outputs: 3, bias: false)
    }
    #expect(throws: WeightsError.missing(name: "layer.bias")) {
      try Linear(weights.scoped("layer"), inputs: 3, outputs: 2, bias: true)
    }
    #expect(WeightsError.missing(name: "x").description.contains("different model configuration"))
  }
}
