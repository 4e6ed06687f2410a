import ResultsStore

/// The rows of Table 1 at one token budget, and which of them is best on each benchmark.
///
/// Best means the highest value in the column within the block (every benchmark here is
/// higher-is-better); tied rows are all best. A column with a single value has that value as its
/// best, but it is not a comparison, so it does not count in ``bestCount(method:sameTokensOnly:)``.
public struct Table1Block: Sendable, Equatable {
  public var budget: Int
  public var benchmarks: [SuiteID]
  /// The block's rows in the paper's order.
  public var rows: [Table1Row]

  /// The best value of `benchmark` among `rows`; nil when no row has one.
  public func best(_ benchmark: SuiteID, among rows: [Table1Row]? = nil) -> Double? {
    (rows ?? self.rows).compactMap { $0.values[benchmark] }.max()
  }

  /// Whether `row` has the best value of `benchmark` in this block (ties included).
  public func isBest(_ row: Table1Row, _ benchmark: SuiteID) -> Bool {
    guard let value = row.values[benchmark] else { return false }
    return value == best(benchmark)
  }

  /// On how many benchmarks `method` is best (or tied best) in this block.
  ///
  /// Only benchmarks where `method` and at least one other row have a value count as compared.
  /// With `sameTokensOnly`, rows the paper placed here at another token count (Matryoshka
  /// Query's 2 tokens in the 1-token block, PruMerge's ~32 in the 36-token block) are left out.
  public func bestCount(method: String, sameTokensOnly: Bool = false) -> MethodBestCount {
    let candidates = rows.filter { !sameTokensOnly || $0.tokens == budget }
    guard let row = candidates.first(where: { $0.method == method }) else {
      return MethodBestCount(method: method, budget: budget, sameTokensOnly: sameTokensOnly, compared: [], best: [])
    }
    let compared = benchmarks.filter { benchmark in
      row.values[benchmark] != nil && candidates.contains { $0 != row && $0.values[benchmark] != nil }
    }
    let best = compared.filter { row.values[$0] == self.best($0, among: candidates) }
    return MethodBestCount(
      method: method, budget: budget, sameTokensOnly: sameTokensOnly,
      compared: compared.map(\.rawValue), best: best.map(\.rawValue))
  }
}

/// On which benchmarks one method is best within one budget block of Table 1.
public struct MethodBestCount: Sendable, Codable, Equatable {
  public var method: String
  public var budget: Int
  /// True when rows listed at another token count than the budget were left out.
  public var sameTokensOnly: Bool
  /// Benchmarks where the method and at least one competitor have a value.
  public var compared: [String]
  /// Benchmarks (of `compared`) where the method is best or tied best.
  public var best: [String]
  /// How many benchmarks the method is best on: `best.count`, stored so summaries show it.
  public var count: Int

  public init(method: String, budget: Int, sameTokensOnly: Bool, compared: [String], best: [String]) {
    self.method = method
    self.budget = budget
    self.sameTokensOnly = sameTokensOnly
    self.compared = compared
    self.best = best
    count = best.count
  }
}
