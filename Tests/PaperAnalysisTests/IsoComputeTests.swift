import Foundation
import PaperAnalysis
import ResultsStore
import ScalingLaw
import Testing

@Suite("Iso-compute groups")
struct IsoComputeTests {
  /// A hand-made grid at Q = 0 (FLOPs = 2·N·V) with known groups:
  /// - 20 GFLOP: 1B@10 and 2B@5 (an exact tie); the bigger N wins.
  /// - 80 and 88: 1B@40 and 4B@11; the bigger N loses.
  /// - 200 and 320: too far apart (320 is 26 % above their geometric mean), two singletons, dropped.
  /// - 640 and 720: 8B@40 and 8B@45, the same N: compares nothing, dropped.
  /// - 1920, 2000, 2080: 4B@240, 1B@1000, 2B@520; 4B wins the group, 2B loses to 1B.
  static let grid = [
    Observation(N: 1, V: 10, Y: 0.5), Observation(N: 2, V: 5, Y: 0.4),
    Observation(N: 1, V: 40, Y: 0.3), Observation(N: 4, V: 11, Y: 0.35),
    Observation(N: 1, V: 100, Y: 0.3), Observation(N: 8, V: 20, Y: 0.2),
    Observation(N: 8, V: 40, Y: 0.2), Observation(N: 8, V: 45, Y: 0.19),
    Observation(N: 1, V: 1000, Y: 0.22), Observation(N: 2, V: 520, Y: 0.25), Observation(N: 4, V: 240, Y: 0.2),
  ]

  @Test("the hand-made grid gives exactly the expected groups and verdicts")
  func handMadeGrid() {
    let groups = IsoComputeGrouping(tolerance: 0.25).groups(Self.grid.shuffled(), Q: 0)
    #expect(groups.map { $0.members.map { "\(Int($0.N))@\(Int($0.V))" } } == [["1@10", "2@5"], ["1@40", "4@11"], ["1@1000", "2@520", "4@240"]])
    #expect(groups.map(\.biggerNWins) == [true, false, true])
    #expect(groups.map(\.winner.N) == [2, 1, 4])
    #expect(groups.map(\.pairs) == [1, 1, 3])
    #expect(groups.map(\.pairsWonByBiggerN) == [1, 0, 2])
    #expect(abs(groups[0].flops - 20) < 1e-12 && groups[0].flopsSpread == 1)
    #expect(abs(groups[1].flops - (80.0 * 88).squareRoot()) < 1e-12)
    #expect(abs(groups[2].flopsSpread - 2080.0 / 1920) < 1e-12)
    #expect(groups[1].members.map(\.accuracy) == [0.7, 0.65])
  }

  @Test("the tolerance is relative to the group's geometric mean")
  func tolerance() {
    let pair = { (ratio: Double) in
      IsoComputeGrouping(tolerance: 0.25).groups([Observation(N: 1, V: 100, Y: 0.5), Observation(N: 2, V: 50 * ratio, Y: 0.4)], Q: 0).count
    }
    // Two members x and r·x stay within ±25 % of their geometric mean x·√r while √r ≤ 1.25.
    #expect(pair(1.55) == 1)
    #expect(pair(1.57) == 0)
    #expect(IsoComputeGrouping(tolerance: 0.3).groups([Observation(N: 1, V: 100, Y: 0.5), Observation(N: 2, V: 78.5, Y: 0.4)], Q: 0).count == 1)
  }

  @Test("Q counts in the compute: 2·N·(Q+V)")
  func textTokens() {
    let groups = IsoComputeGrouping(tolerance: 0.25).groups([Observation(N: 1, V: 10, Y: 0.5), Observation(N: 2, V: 5, Y: 0.4)], Q: 50)
    // 2·1·60 = 120 and 2·2·55 = 220: 220 is 35 % above their geometric mean, no group.
    #expect(groups.isEmpty)
    let configuration = GridConfiguration(Observation(N: 2, V: 5, Y: 0.4), Q: 50)
    #expect(configuration.flops == 220 && configuration.accuracy == 0.6)
  }

  @Test("a tie in error is not a win for the bigger N")
  func ties() {
    let group = IsoComputeGroup(members: [
      GridConfiguration(Observation(N: 4, V: 10, Y: 0.3), Q: 0), GridConfiguration(Observation(N: 2, V: 20, Y: 0.3), Q: 0),
    ], Q: 0)
    #expect(group.winner.N == 2 && !group.biggerNWins && group.pairsWonByBiggerN == 0)
  }

  @Test("the paper's grids: bigger N wins every group on visual reasoning, none on OCR")
  func paperGrids() throws {
    let database = try ResultsDatabase.openReadOnly(try ProjectLayout.locate(from: URL(fileURLWithPath: #filePath)))
    for (suite, wins) in [(SuiteID.visualReasoning, true), (.ocr, false)] {
      for Q in [0.0, 50] {
        let comparison = IsoComputeComparison(
          suite: suite, Q: Q, observations: try database.observations(suite: suite), grouping: IsoComputeGrouping(tolerance: 0.25))
        #expect(comparison.groups.count == (Q == 0 ? 9 : 6))
        #expect(comparison.groupsWonByBiggerN == (wins ? comparison.groups.count : 0), "\(suite) at Q = \(Q)")
        #expect(comparison.groups.allSatisfy { $0.flopsSpread <= 1.25 / 0.75 })
        // Within a group a bigger N always sees fewer visual tokens.
        for group in comparison.groups {
          for (small, big) in zip(group.members, group.members.dropFirst()) where big.N > small.N {
            #expect(big.V < small.V)
          }
        }
      }
    }
  }
}
