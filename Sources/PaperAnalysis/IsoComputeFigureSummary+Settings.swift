import ExperimentModel
import ResultsStore
import ScalingLaw

extension IsoComputeFigureSummary {
  /// The groups `settings` registers: each of its suites' grid (`observations(suite)`) at each
  /// of its Q, in that order. Figure 4 draws them, and the claims ledger counts them again
  /// through here to check the figure's.
  public init(_ settings: IsoComputeFigureSettings, observations: (SuiteID) throws -> [Observation]) rethrows {
    let grouping = IsoComputeGrouping(tolerance: settings.tolerance)
    let comparisons = try settings.suites.flatMap { suite in
      let grid = try observations(suite)
      return settings.Q.map { IsoComputeComparison(suite: suite, Q: $0, observations: grid, grouping: grouping) }
    }
    self.init(tolerance: settings.tolerance, comparisons: comparisons)
  }
}
