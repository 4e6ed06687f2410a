import Foundation

/// The human-readable account of one query that `repro infer` prints: shapes, FLOPs and time per
/// component, and the paper's `2·N·(Q+V)` next to what was actually counted.
public struct InferenceReport: Sendable {
  public var model: VLMConfiguration
  public var request: InferenceRequest
  public var result: InferenceResult

  public init(model: VLMConfiguration, request: InferenceRequest, result: InferenceResult) {
    self.model = model
    self.request = request
    self.result = result
  }

  public var text: String {
    let N = model.parameterCount
    let Q = result.questionTokens
    let V = request.visualTokens
    var lines = [
      "model \(model.name): N = \(N) LLM parameters (width \(model.language.width), \(model.language.layers) layers); "
        + "vision tower width \(model.vision.width), \(model.vision.computedBlocks) blocks",
      "compressor \(request.compressor.rawValue), V = \(V) visual tokens, Q = \(Q) question tokens, "
        + "\(request.newTokens) generated",
      "",
      "shapes:",
    ]
    for shape in result.shapes {
      lines.append("  " + pad(shape.name, 32) + "\(shape.rows) × \(shape.columns)")
    }
    lines += ["", pad("component", 16) + lpad("GFLOP", 10) + lpad("ms", 10) + lpad("time share", 12)]
    let costs = InferenceComponent.allCases.map { result.costs[$0] ?? ComponentCost(flops: 0, seconds: 0) }
    let totalSeconds = costs.reduce(0) { $0 + $1.seconds }
    let totalFLOPs = costs.reduce(0) { $0 + $1.flops }
    for (component, cost) in zip(InferenceComponent.allCases, costs) {
      lines.append(pad(component.rawValue, 16) + lpad(format(Double(cost.flops) / 1e9, 4), 10)
        + lpad(format(cost.seconds * 1e3, 2), 10) + lpad(format(100 * cost.seconds / max(totalSeconds, 1e-12), 1) + " %", 12))
    }
    lines.append(pad("total", 16) + lpad(format(Double(totalFLOPs) / 1e9, 4), 10) + lpad(format(totalSeconds * 1e3, 2), 10))
    let paper = 2 * Double(N) * Double(Q + V)
    lines += [
      "",
      "paper's cost model 2·N·(Q+V) = \(format(paper / 1e9, 4)) GFLOP; prefill counted "
        + "\(format(Double(result.costs[.prefill]?.flops ?? 0) / 1e9, 4)) GFLOP (attention and the LM head included, "
        + "embedding lookups not)",
      "generated token ids \(result.generatedTokens) (untrained weights: the text is meaningless)",
    ]
    return lines.joined(separator: "\n")
  }

  private func pad(_ s: String, _ width: Int) -> String { s.padding(toLength: max(width, s.count), withPad: " ", startingAt: 0) }
  private func lpad(_ s: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - s.count)) + s }
  private func format(_ value: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", value) }
}
