import ResultsStore
import ScalingLaw

/// Figure 4's question for one suite at one Q: over the iso-compute groups of its grid, how often
/// does the bigger-N / fewer-V configuration win?
public struct IsoComputeComparison: Sendable, Codable, Equatable {
  public var suite: String
  public var Q: Double
  /// The grouping's tolerance (see ``IsoComputeGrouping``).
  public var tolerance: Double
  public var groups: [IsoComputeGroup]
  /// Groups whose lowest-error member has the group's largest N.
  public var groupsWonByBiggerN: Int
  /// Over all groups: pairs of members with different N, and how many the bigger N wins.
  public var pairs: Int
  public var pairsWonByBiggerN: Int

  public init(suite: SuiteID, Q: Double, observations: [Observation], grouping: IsoComputeGrouping) {
    self.suite = suite.rawValue
    self.Q = Q
    tolerance = grouping.tolerance
    groups = grouping.groups(observations, Q: Q)
    groupsWonByBiggerN = groups.filter(\.biggerNWins).count
    pairs = groups.map(\.pairs).reduce(0, +)
    pairsWonByBiggerN = groups.map(\.pairsWonByBiggerN).reduce(0, +)
  }

  /// The share of groups the bigger N wins (Figure 4's reading); `nil` when there is no group.
  public var groupShareWonByBiggerN: Double? {
    groups.isEmpty ? nil : Double(groupsWonByBiggerN) / Double(groups.count)
  }

  /// The share of cross-N pairs the bigger N wins (a finer reading); `nil` when there is no pair.
  public var pairShareWonByBiggerN: Double? {
    pairs == 0 ? nil : Double(pairsWonByBiggerN) / Double(pairs)
  }
}
