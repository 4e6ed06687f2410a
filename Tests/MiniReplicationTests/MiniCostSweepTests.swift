import ExperimentRegistry
import Foundation
import InferenceCost
import Testing

@testable import MiniReplication

/// The timing sweep of the trained models: what it times and what it refuses.
@Suite struct MiniCostSweepTests {
  /// Both families (the twin's criterion), each grid with the suite that holds its rows.
  @Test func theRegisteredSweepTimesBothFamiliesScalingGridsAndReadsTheirSuites() throws {
    let settings = Experiment.miniCostSettings
    #expect(settings.grids.map(\.grid) == [MiniSuite.reasoning.grid.name, MiniSuite.ocr.grid.name])
    for timed in settings.grids {
      let suite = try #require(MiniSuite.all.first { $0.id == timed.suite })
      #expect(suite.grid.name == timed.grid, "mini-cost reads the suite whose cells it times")
    }
    #expect(Set(try settings.grids.map { try MiniGrid.resolve($0.grid).cells.map(\.family) }.joined()) == [.reasoning, .ocr])
    #expect(Experiment.miniCost.inputs == settings.grids.map { .results(suite: $0.suite) })
    #expect((1...4_000).contains(settings.requests) && settings.repetitions >= 3)
  }

  /// One model per LM size and family: the OCR cells do not collide with the reasoning cells.
  @Test func cellsOfTwoFamiliesAreDifferentModels() throws {
    let reasoning = try #require(MiniGrid.reasoningScaling.cells.first)
    let ocr = try #require(MiniGrid.ocrScaling.cells.first { $0.language == reasoning.language && $0.visualTokens == reasoning.visualTokens })
    #expect(MiniCostSweep.modelName(reasoning) == reasoning.language.name)
    #expect(MiniCostSweep.modelName(ocr) == reasoning.language.name + " OCR")
  }

  /// Two grids of one family would time two cells as one configuration: refused.
  @Test func twoGridsOfOneFamilyAreRefused() {
    let sweep = MiniCostSweep(
      layout: CommittedCheckpointTests.layout, grids: [.reasoningScaling, .reasoningPruMerge], requests: 8, repetitions: 3)
    #expect(throws: MiniReplicationError.self) { try sweep.sweep(force: true) }
  }

  @Test func aGridWithTwoCellsAtOneSizeAndVIsRefusedBeforeAnythingIsTimed() {
    let sweep = MiniCostSweep(layout: CommittedCheckpointTests.layout, grids: [.reasoningSeeds], requests: 8, repetitions: 3)
    #expect(throws: MiniReplicationError.self) { try sweep.sweep(force: true) }
    do {
      _ = try sweep.sweep(force: true)
    } catch {
      #expect("\(error)".contains("reasoning-seeds") && "\(error)".contains("one cell per (LM size, family, V)"))
    }
  }

  @Test func tooFewTrainedCellsAreRefusedNamingTheTrainingCommand() {
    let empty = MiniLayout(root: FileManager.default.temporaryDirectory.appendingPathComponent("no-cells-\(UUID().uuidString)"))
    let sweep = MiniCostSweep(layout: empty, grids: [.reasoningScaling], requests: 8, repetitions: 3)
    #expect(throws: MiniReplicationError.tooFewTimedCells(grid: "reasoning-scaling", trained: 0)) { try sweep.sweep(force: false) }
  }

  /// The plan key names every timed checkpoint, so a retrained cell is timed again.
  @Test func thePlanKeyNamesEveryCheckpoint() throws {
    let sweep = MiniCostSweep(layout: CommittedCheckpointTests.layout, grids: [.reasoningScaling, .ocrScaling], requests: 8, repetitions: 3)
    let key = try sweep.planKey()
    for cell in sweep.trainedCells() { #expect(key.contains(cell.name + ":")) }
    #expect(key.contains("requests=8") && key.contains("repetitions=3"))
  }
}
