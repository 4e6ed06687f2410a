import ExperimentRegistry
import Foundation
import InferenceCost
import Testing

@testable import MiniReplication

/// The timing sweep of the trained models: what it times and what it refuses.
@Suite struct MiniCostSweepTests {
  @Test func theRegisteredSweepTimesTheReasoningSuitesGrid() throws {
    let settings = Experiment.miniCostSettings
    let grid = try MiniGrid.resolve(settings.grid)
    #expect(grid.name == MiniSuite.reasoning.grid.name, "mini-cost reads the suite whose cells it times")
    #expect(Experiment.miniCost.inputs == [.results(suite: MiniSuite.reasoning.id)])
    #expect((1...4_000).contains(settings.requests) && settings.repetitions >= 3)
  }

  @Test func aGridWithTwoCellsAtOneSizeAndVIsRefusedBeforeAnythingIsTimed() {
    let sweep = MiniCostSweep(layout: CommittedCheckpointTests.layout, grid: .reasoningSeeds, requests: 8, repetitions: 3)
    #expect(throws: MiniReplicationError.self) { try sweep.sweep(force: true) }
    do {
      _ = try sweep.sweep(force: true)
    } catch {
      #expect("\(error)".contains("reasoning-seeds") && "\(error)".contains("one cell per (LM size, V)"))
    }
  }

  @Test func tooFewTrainedCellsAreRefusedNamingTheTrainingCommand() {
    let empty = MiniLayout(root: FileManager.default.temporaryDirectory.appendingPathComponent("no-cells-\(UUID().uuidString)"))
    let sweep = MiniCostSweep(layout: empty, grid: .reasoningScaling, requests: 8, repetitions: 3)
    #expect(throws: MiniReplicationError.tooFewTimedCells(grid: "reasoning-scaling", trained: 0)) { try sweep.sweep(force: false) }
  }

  /// The plan key names every timed checkpoint, so a retrained cell is timed again.
  @Test func thePlanKeyNamesEveryCheckpoint() throws {
    let sweep = MiniCostSweep(layout: CommittedCheckpointTests.layout, grid: .reasoningScaling, requests: 8, repetitions: 3)
    let key = try sweep.planKey()
    for cell in sweep.trainedCells() { #expect(key.contains(cell.name + ":")) }
    #expect(key.contains("requests=8") && key.contains("repetitions=3"))
  }
}
