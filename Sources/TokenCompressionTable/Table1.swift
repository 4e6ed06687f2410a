import ResultsStore
import ScalingLaw

/// Table 1 of the paper arranged as published: the uncompressed LLaVA-1.5 baseline, then one
/// block per token budget (36, 16, 4, 1) comparing the compressors at that budget.
///
/// Two methods are listed by the paper in a block whose budget is not their token count:
/// PruMerge adapts its count per image ("~32", stored as 32) and sits in the 36-token block, and
/// Matryoshka Query's smallest setting, 2 tokens, sits in the 1-token block. They are kept where
/// the paper put them (``placements``), so the comparisons are the paper's; Matryoshka Query
/// then competes at twice QueCC's tokens, which can only make QueCC's count smaller. Counts that
/// leave such rows out are available too (``Table1Block/bestCount(method:sameTokensOnly:)``).
public struct Table1: Sendable {
  /// The token budgets of the paper's blocks, in its order.
  public static let budgets = PaperSetup.table1Budgets
  /// Rows the paper lists in the block of another budget than their token count.
  public static let placements: [(method: String, tokens: Int, budget: Int)] = [
    ("PruMerge", 32, 36),
    ("Matryoshka Query", 2, 1),
  ]
  /// The compression method id of the uncompressed baseline row.
  public static let baselineMethod = "none"

  /// Benchmarks in the order of the paper's columns.
  public let benchmarks: [SuiteID]
  /// The uncompressed LLaVA-1.5 row (576 tokens): the reference, not part of any comparison.
  public let baseline: Table1Row?
  public let blocks: [Table1Block]

  /// Arranges `entries` in one block per budget of `budgets` (the paper's, or a comparison grid's
  /// own token counts, such as the miniature replication's 16, 4, 1).
  public init(_ entries: [Table1Entry], budgets: [Int] = Table1.budgets) throws {
    var benchmarks: [SuiteID] = []
    var rows: [Table1Row] = []
    for entry in entries {
      if !benchmarks.contains(entry.benchmark) { benchmarks.append(entry.benchmark) }
      if let index = rows.firstIndex(where: { $0.method == entry.method && $0.tokens == entry.tokens }) {
        rows[index].values[entry.benchmark] = entry.value
        rows[index].metrics[entry.benchmark] = entry.metric
      } else {
        rows.append(Table1Row(
          method: entry.method, tokens: entry.tokens, values: [entry.benchmark: entry.value],
          metrics: [entry.benchmark: entry.metric]))
      }
    }
    self.benchmarks = benchmarks
    baseline = rows.first { $0.method == Self.baselineMethod }
    let compared = rows.filter { $0.method != Self.baselineMethod }
    for row in compared where Self.budget(of: row, budgets: budgets) == nil {
      throw Table1Error.unplacedRow(method: row.method, tokens: row.tokens, budgets: budgets)
    }
    blocks = budgets.map { budget in
      Table1Block(budget: budget, benchmarks: benchmarks, rows: compared.filter { Self.budget(of: $0, budgets: budgets) == budget })
    }
  }

  /// The budget block the paper lists `row` in.
  static func budget(of row: Table1Row, budgets: [Int]) -> Int? {
    if budgets.contains(row.tokens) { return row.tokens }
    return placements.first { $0.method == row.method && $0.tokens == row.tokens }?.budget
  }

  /// The maximum MME score: Table 1's MME is the MME-Perception score, out of 2000, not a
  /// percentage (see ``ResultsStore/BenchmarkScale``).
  public static let mmeMaxScore = BenchmarkScale.mmePerceptionMaxScore

  /// `value` on a 0–100 scale: accuracies in % as they are, MME's score as score / 2000 · 100
  /// (the share of the maximum score), so it can be drawn beside the percentages.
  public static func percent(_ value: Double, metric: String) -> Double {
    metric == "score" ? value / mmeMaxScore * 100 : value
  }

  /// The paper's name for a method id (`none` is the LLaVA-1.5 row).
  public static func displayName(_ method: String) -> String {
    method == baselineMethod ? "LLaVA-1.5" : method
  }
}

/// One row of Table 1: a method at a token count, with its value per benchmark.
public struct Table1Row: Sendable, Equatable {
  public var method: String
  public var tokens: Int
  /// Benchmark → value as published (accuracy in %, MME-Perception score out of 2000); absent when the
  /// paper's cell is empty.
  public var values: [SuiteID: Double]
  /// Benchmark → metric of the value (`accuracy_percent` or `score`).
  public var metrics: [SuiteID: String]

  /// The value on a 0–100 scale (see ``Table1/percent(_:metric:)``).
  public func percent(_ benchmark: SuiteID) -> Double? {
    values[benchmark].map { Table1.percent($0, metric: metrics[benchmark] ?? "") }
  }
}

/// Why Table 1's rows could not be arranged as the paper does.
public enum Table1Error: Error, Equatable, CustomStringConvertible {
  case unplacedRow(method: String, tokens: Int, budgets: [Int])

  public var description: String {
    switch self {
    case .unplacedRow(let method, let tokens, let budgets):
      "Table 1 row \(method) at \(tokens) tokens belongs to none of the budgets "
        + "\(budgets.map(String.init).joined(separator: ", "))"
    }
  }
}
