import Foundation

/// Configurations of nearly equal inference compute, and whether the one with the bigger LLM
/// (and so the fewer visual tokens) does best among them.
///
/// Within a group of ``IsoComputeGrouping`` a bigger N always comes with fewer V, so "does the
/// bigger-N / fewer-V configuration win" has one answer per group: ``biggerNWins`` is true when
/// the lowest-error member has the group's largest N. ``pairs`` and ``pairsWonByBiggerN`` count
/// every two members of different N, for a finer view of mixed groups.
public struct IsoComputeGroup: Sendable, Codable, Equatable {
  /// Text tokens the compute was counted with.
  public var Q: Double
  /// The members, by increasing N (and so decreasing V), then increasing V.
  public var members: [GridConfiguration]
  /// Geometric mean of the members' FLOPs: the group's compute, GFLOP.
  public var flops: Double
  /// Largest over smallest member FLOPs.
  public var flopsSpread: Double
  /// The member with the lowest error; on a tie the smaller N, so the bigger N must strictly win.
  public var winner: GridConfiguration
  public var biggerNWins: Bool
  /// Pairs of members with different N, and how many of them the bigger N wins (lower error).
  public var pairs: Int
  public var pairsWonByBiggerN: Int

  public init(members unordered: [GridConfiguration], Q: Double) {
    precondition(!unordered.isEmpty, "an iso-compute group has members")
    self.Q = Q
    members = unordered.sorted { ($0.N, $0.V) < ($1.N, $1.V) }
    let flops = members.map(\.flops)
    self.flops = Self.geometricMean(flops)
    flopsSpread = flops.max()! / flops.min()!
    winner = members.min { $0.error < $1.error }!
    biggerNWins = winner.N == members.last!.N
    var pairs = 0
    var won = 0
    for (i, small) in members.enumerated() {
      for big in members[(i + 1)...] where big.N > small.N {
        pairs += 1
        if big.error < small.error { won += 1 }
      }
    }
    self.pairs = pairs
    pairsWonByBiggerN = won
  }

  static func geometricMean(_ values: [Double]) -> Double {
    exp(values.map { log($0) }.reduce(0, +) / Double(values.count))
  }
}
