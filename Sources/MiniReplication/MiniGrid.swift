import MiniTasks
import MiniVLM

/// A named set of cells trained with one recipe — the same training budget for every cell, as in
/// the paper's grid — so that differences in error come from `N`, `V` and the compressor only.
public struct MiniGrid: Sendable {
  public var name: String
  public var cells: [MiniCell]
  public var recipe: TrainingRecipe

  public init(name: String, cells: [MiniCell], recipe: TrainingRecipe) {
    self.name = name
    self.cells = cells
    self.recipe = recipe
  }

  /// The cell called `name`, if this grid has it.
  public func cell(named name: String) -> MiniCell? { cells.first { $0.name == name } }

  /// Every registered grid, by name.
  public static let all: [MiniGrid] = [smoke]

  public static func named(_ name: String) -> MiniGrid? { all.first { $0.name == name } }

  /// The LLM sizes the grids draw from, smallest first (non-embedding N from 26 k to 0.8 M).
  public static let sizes: [LanguageModelShape] = [
    LanguageModelShape(width: 32, layers: 2, heads: 2, mlpWidth: 88),
    LanguageModelShape(width: 48, layers: 3, heads: 3, mlpWidth: 128),
    LanguageModelShape(width: 64, layers: 4, heads: 4, mlpWidth: 176),
    LanguageModelShape(width: 128, layers: 4, heads: 8, mlpWidth: 344),
  ]

  /// The smoke grid: 2 LLM sizes × 2 token counts on the reasoning family with the
  /// TokenPacker-style compressor of the paper's grid, trained briefly. It proves the whole path
  /// (generator → trainer → checkpoint → Swift engine with parity) on a CPU in minutes; it is not
  /// the replication.
  public static let smoke = MiniGrid(
    name: "smoke",
    cells: [sizes[0], sizes[2]].flatMap { language in
      [1, 16].map { MiniCell(family: .reasoning, compressor: .tokenpacker, language: language, visualTokens: $0, seed: 0) }
    },
    recipe: TrainingRecipe(examples: 30_000, batchSize: 128, learningRate: 3e-3, weightDecay: 0.01))
}
