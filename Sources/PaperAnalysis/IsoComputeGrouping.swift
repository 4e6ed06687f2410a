import ComputeFrontier
import Foundation
import ScalingLaw

/// Groups a grid's configurations into sets of nearly equal inference compute, so that within a
/// set the only choice left is how to split it between LLM size N and visual tokens V (Figure 4).
///
/// Tolerance: a group is a run of configurations, in order of increasing FLOPs 2·N·(Q+V), whose
/// every member lies within ±`tolerance` of the group's geometric-mean FLOPs. Figure 4's
/// registration sets ±25 %, chosen once, from the grid rather than from the results: a group then spans at most a
/// factor 1.25 / 0.75 ≈ 1.67 in compute, which is less than the smallest step between the paper's
/// LLM sizes (7 B / 4 B = 1.75). So two members of different N can never have the bigger model
/// also see at least as many tokens (that would cost at least 1.75× more): every cross-N
/// comparison inside a group is a genuine trade of parameters for visual tokens. Yet it is wide
/// enough to gather the near-ties of the grid (e.g. 7 B@1, 1.8 B@4 and 0.5 B@16 at Q = 0).
///
/// The sweep is greedy and deterministic: start a group at the cheapest configuration not yet
/// grouped, add the next cheapest while the whole group stays within the tolerance, else start a
/// new group. Groups whose members all have the same N compare nothing and are left out.
public struct IsoComputeGrouping: Sendable {
  /// Allowed relative distance of each member from the group's geometric-mean FLOPs.
  public var tolerance: Double

  public init(tolerance: Double) {
    self.tolerance = tolerance
  }

  /// The iso-compute groups of `observations` at `Q` text tokens, cheapest first.
  public func groups(_ observations: [Observation], Q: Double) -> [IsoComputeGroup] {
    let configurations = observations.map { GridConfiguration($0, Q: Q) }
      .sorted { ($0.flops, $0.N) < ($1.flops, $1.N) }
    var groups: [[GridConfiguration]] = []
    var current: [GridConfiguration] = []
    for configuration in configurations {
      if current.isEmpty || fits(current + [configuration]) {
        current.append(configuration)
      } else {
        groups.append(current)
        current = [configuration]
      }
    }
    if !current.isEmpty { groups.append(current) }
    return groups.filter { Set($0.map(\.N)).count > 1 }.map { IsoComputeGroup(members: $0, Q: Q) }
  }

  /// Whether every member of `members` is within the tolerance of their geometric-mean FLOPs.
  func fits(_ members: [GridConfiguration]) -> Bool {
    let center = IsoComputeGroup.geometricMean(members.map(\.flops))
    return members.allSatisfy { abs($0.flops - center) <= tolerance * center }
  }
}

/// One measured configuration of a grid with its inference compute at a given Q.
public struct GridConfiguration: Sendable, Codable, Equatable {
  /// LLM size, billions of parameters.
  public var N: Double
  /// Visual tokens.
  public var V: Double
  /// Inference compute 2·N·(Q+V), GFLOP.
  public var flops: Double
  /// Average downstream error Y.
  public var error: Double
  /// Average accuracy 1 − Y.
  public var accuracy: Double

  public init(_ observation: Observation, Q: Double) {
    N = observation.N
    V = observation.V
    flops = InferenceCompute.gflops(NBillion: observation.N, Q: Q, V: observation.V)
    error = observation.Y
    accuracy = 1 - observation.Y
  }
}
