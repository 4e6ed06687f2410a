import Foundation
import Testing

@testable import MiniReplication

/// The README's tables of the replication, printed from the training records alone.
@Suite struct CellTableTests {
  static func scratch(records: [MiniCell: Double]) throws -> MiniLayout {
    let layout = MiniLayout(root: FileManager.default.temporaryDirectory.appendingPathComponent("cell-table-\(UUID().uuidString)"))
    try FileManager.default.createDirectory(at: layout.cellsDirectory, withIntermediateDirectories: true)
    for (cell, accuracy) in records {
      try TrainingRecord.write(
        ["eval": ["accuracy": accuracy, "mean_cross_entropy": 0.5], "examples_per_second": 1234.4,
         "parity": ["identical": 4000, "questions": 4000]], to: layout.record(cell))
    }
    return layout
  }

  @Test func everyCellHasARowAndAnUntrainedOneSaysSo() throws {
    let grid = MiniGrid.reasoningScaling
    let layout = try Self.scratch(records: [grid.cells[0]: 0.6177])
    defer { try? FileManager.default.removeItem(at: layout.root) }
    let lines = try CellTable.markdown(grid, layout: layout).split(separator: "\n")
    #expect(lines.count == 2 + grid.cells.count)
    #expect(lines[2] == "| `reasoning-tokenpacker-d32l2-v1-s0` | 25,440 | 1 | 61.8 % | 0.500 | 4000/4000 | 1,234 |")
    #expect(lines[3].hasSuffix("| not trained | | | |"))
  }

  @Test func theSeedSpreadPoolsSeedsFromEveryGridWithTheSampleDeviation() throws {
    let corner = MiniGrid.reasoningScaling.cells[0]
    var seed1 = corner, seed2 = corner
    seed1.seed = 1
    seed2.seed = 2
    let layout = try Self.scratch(records: [corner: 0.60, seed1: 0.62, seed2: 0.64])
    defer { try? FileManager.default.removeItem(at: layout.root) }
    let lines = try CellTable.seedSpread(MiniGrid.reasoningSeeds, layout: layout).split(separator: "\n")
    #expect(lines.count == 3, "one configuration has several trained seeds")
    #expect(lines[2] == "| `reasoning-tokenpacker-d32l2-v1` | 25,440 | 1 | 0, 1, 2 | 60.0 %, 62.0 %, 64.0 % | 62.0 % | 2.0 points |")
  }
}
