/// The parts of one VLM query whose FLOPs and time are accounted separately.
///
/// The paper's cost model `2·N·(Q+V)` covers only `prefill`; the others are what it leaves out.
public enum InferenceComponent: String, Sendable, CaseIterable, Codable, Comparable {
  /// The ViT over the 576 patches (independent of N, V and Q).
  case visionEncoder = "vision-encoder"
  /// QueCC's extra LLM pass over the question to get its query embedding (`2·N·Q`-ish).
  case questionPass = "question-pass"
  /// The compressor and its projector.
  case compressor
  /// The LLM over the `V + Q` prompt tokens, up to the first generated token.
  case prefill
  /// Each further generated token, one cached step at a time.
  case decode

  public static func < (lhs: Self, rhs: Self) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}

/// FLOPs counted and wall time spent in one component.
public struct ComponentCost: Sendable, Equatable, Codable {
  public var flops: Int
  public var seconds: Double

  public init(flops: Int, seconds: Double) {
    self.flops = flops
    self.seconds = seconds
  }
}

extension Duration {
  /// The duration in seconds, as timings are stored and printed.
  public var inSeconds: Double {
    Double(components.seconds) + Double(components.attoseconds) * 1e-18
  }
}
