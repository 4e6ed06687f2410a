/// What Figure 4 computed: its grouping tolerance and, per suite and Q, the iso-compute groups
/// with their counts. The experiment writes it as `summary.json`; the claims ledger reads it
/// back with this type and refuses a figure whose groups are not the ones it counts.
public struct IsoComputeFigureSummary: Codable, Sendable, Equatable {
  public var tolerance: Double
  public var comparisons: [IsoComputeComparison]

  public init(tolerance: Double, comparisons: [IsoComputeComparison]) {
    self.tolerance = tolerance
    self.comparisons = comparisons
  }
}
