import MiniTasks
import MiniVLM

/// One model of the miniature grid: a task family, a compressor, an LLM size, a visual-token
/// count and a training seed. Its name is its identity everywhere (checkpoint, record, command
/// line): `reasoning-tokenpacker-d32l2-v16-s0`.
public struct MiniCell: Hashable, Codable, Sendable, Comparable {
  public var family: TaskFamily
  public var compressor: MiniCompressorKind
  public var language: LanguageModelShape
  /// `V`, the visual tokens after compression (one of the 12×12 patch grid's square region counts).
  public var visualTokens: Int
  public var seed: Int

  public init(family: TaskFamily, compressor: MiniCompressorKind, language: LanguageModelShape, visualTokens: Int, seed: Int) {
    self.family = family
    self.compressor = compressor
    self.language = language
    self.visualTokens = visualTokens
    self.seed = seed
  }

  public var name: String {
    "\(family.rawValue)-\(compressor.rawValue)-\(language.name)-v\(visualTokens)-s\(seed)"
  }

  public static func < (lhs: MiniCell, rhs: MiniCell) -> Bool { lhs.name < rhs.name }
}
