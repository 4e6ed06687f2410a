import InferenceEngine
import QueCC

/// What the inference-cost sweep measures: every model of a family × every `V` × every `Q`,
/// each configuration run `repetitions` times (medians are kept).
///
/// The experiment's plan is built from its registration (`Experiment.inferenceCost`'s settings:
/// the paper's V grid, Q = 0 and 50, QueCC). The full plan takes about a minute of CPU time per repetition on 2 cores; three interleaved
/// repetitions keep it under 5 minutes even with other processes competing for the cores, and
/// let a median discard one repetition hit by a burst of load. The tiny plan runs the whole
/// sweep machinery on the miniature family in a fraction of a second, for tests.
public struct SweepPlan: Sendable, Equatable {
  public var family: ModelFamily
  /// `V` values, visual tokens after compression.
  public var visualTokens: [Int]
  /// `Q` values, question tokens.
  public var textTokens: [Int]
  public var repetitions: Int
  /// Tokens generated per run: one from prefill, the rest decoded.
  public var newTokens: Int
  public var compressor: CompressorKind
  public var imageSeed: UInt64

  public init(family: ModelFamily, visualTokens: [Int], textTokens: [Int], repetitions: Int, newTokens: Int,
              compressor: CompressorKind, imageSeed: UInt64 = 7) {
    self.family = family
    self.visualTokens = visualTokens
    self.textTokens = textTokens
    self.repetitions = repetitions
    self.newTokens = newTokens
    self.compressor = compressor
    self.imageSeed = imageSeed
  }

  /// The experiment's kind of plan: the bundled family compressed by QueCC, at the V, Q,
  /// repetitions and generated tokens the registration sets.
  public static func bundledQueCC(visualTokens: [Int], textTokens: [Int], repetitions: Int, newTokens: Int) -> SweepPlan {
    SweepPlan(
      family: .bundled, visualTokens: visualTokens, textTokens: textTokens, repetitions: repetitions, newTokens: newTokens,
      compressor: .quecc)
  }

  /// The test variant.
  public static let tiny = SweepPlan(
    family: .tiny, visualTokens: [1, 4, 16], textTokens: [0, 5], repetitions: 2, newTokens: 2, compressor: .quecc)

  /// A canonical description: two plans measure the same thing exactly when their keys match.
  public var key: String {
    [
      "family=\(family.name)",
      "models=" + family.models.map(\.name).joined(separator: ","),
      "V=" + visualTokens.map(String.init).joined(separator: ","),
      "Q=" + textTokens.map(String.init).joined(separator: ","),
      "repetitions=\(repetitions)",
      "new-tokens=\(newTokens)",
      "compressor=\(compressor.rawValue)",
      "image-seed=\(imageSeed)",
    ].joined(separator: " ")
  }

  /// A plain-ASCII question of exactly `Q` byte tokens.
  public static func question(tokens Q: Int) -> String {
    let sentence = "What is the person on the left holding, and what colour is it? "
    return String(String(repeating: sentence, count: Q / sentence.count + 1).prefix(Q))
  }
}
