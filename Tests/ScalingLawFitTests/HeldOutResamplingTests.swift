import ScalingLaw
import SeededRandom
import Testing

@testable import ScalingLawFit

/// The bootstrap over held-out questions and seeds, on a synthetic grid whose answers are drawn
/// so each cell's accuracy is the paper grid's.
@Suite("Held-out resampling")
struct HeldOutResamplingTests {
  static let questions = 400

  /// The paper's visual-reasoning grid as answers: each cell's seeds answer questions correctly
  /// at random with the cell's accuracy, seed `s` of a corner cell shifted by `seedStep`·(s − 1)
  /// (so the corners' mean stays the cell's), and with `seedStep` 0 every seed a copy of the first.
  static func resampling(seedsPerCorner: Int = 3, seedStep: Double = 0.02) throws -> HeldOutResampling {
    var generator = SplitMix64(seed: 7)
    let grid = PaperGrids.observations(PaperGrids.visualReasoningAccuracy)
    let cells = grid.map { o in
      let corner = (o.N == 0.5 || o.N == 7) && (o.V == 1 || o.V == 576)
      let seeds = corner ? seedsPerCorner : 1
      let draws = (0..<questions).map { _ in generator.nextUnitDouble() }
      return HeldOutResampling.Cell(N: o.N, V: o.V, correct: (0..<seeds).map { s in
        let accuracy = 1 - o.Y + seedStep * Double(s - 1)
        return (0..<questions).filter { draws[$0] < accuracy }
      })
    }
    return try HeldOutResampling(questions: questions, cells: cells)
  }

  @Test("a resample draws questions, then cells, then each drawn cell's seeds")
  func resampleMatchesADirectCount() throws {
    let resampling = try Self.resampling()
    var generator = SplitMix64(seed: 3).derived(index: 5)
    var replay = generator
    let observations = resampling.observations(using: &generator)
    // The same draws, counted the plain way: questions first, then the cells, then each drawn
    // cell's seeds.
    let questions = (0..<Self.questions).map { _ in replay.nextIndex(below: Self.questions) }
    let cells = resampling.cells.indices.map { _ in resampling.cells[replay.nextIndex(below: resampling.cells.count)] }
    #expect(Set(cells.map { [$0.N, $0.V] }).count < cells.count, "cells are drawn with replacement")
    for (cell, observation) in zip(cells, observations) {
      let seeds = cell.correct.indices.map { _ in cell.correct[replay.nextIndex(below: cell.correct.count)] }
      let correct = seeds.map { seed in questions.filter { Set(seed).contains($0) }.count }
      let accuracy = Double(correct.reduce(0, +)) / Double(Self.questions * seeds.count)
      #expect(abs(observation.Y - (1 - accuracy)) < 1e-15)
      #expect((observation.N, observation.V) == (cell.N, cell.V))
    }
  }

  @Test("as measured, each cell's error is one minus its mean accuracy over seeds")
  func measuredObservations() throws {
    let resampling = try Self.resampling()
    for (cell, observation) in zip(resampling.cells, resampling.observations) {
      let mean = cell.correct.map { Double($0.count) / Double(Self.questions) }.reduce(0, +) / Double(cell.correct.count)
      #expect(observation.Y == 1 - mean)
    }
  }

  /// The corner cells' seeds agree (each seed a copy of the first) or disagree by ±10 points: the
  /// same cells and questions, so only the seed draw can spread a corner's resampled error.
  @Test("the bootstrap is seeded, and the seeds' disagreement reaches the resampled errors")
  func seededAndSeedNoiseCounts() throws {
    let agreeing = try Self.resampling(seedsPerCorner: 3, seedStep: 0)
    let first = Bootstrap(resamples: 40, seed: 1).run(agreeing, convention: .visual, fitter: LeastSquaresFit())
    let second = Bootstrap(resamples: 40, seed: 1).run(agreeing, convention: .visual, fitter: LeastSquaresFit())
    #expect(first == second)
    #expect(first.laws.count + first.failures == 40)
    let disagreeing = try Self.resampling(seedsPerCorner: 3, seedStep: 0.1)
    /// The standard deviation of the corner (0.5 B, V = 1)'s error over 400 resamples.
    func spread(_ resampling: HeldOutResampling) -> Double {
      let errors = (0..<400).flatMap { b in
        var generator = SplitMix64(seed: 9).derived(index: UInt64(b))
        return resampling.observations(using: &generator).filter { $0.N == 0.5 && $0.V == 1 }.map(\.Y)
      }
      let mean = errors.reduce(0, +) / Double(errors.count)
      return (errors.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(errors.count - 1)).squareRoot()
    }
    let (questionsOnly, withSeeds) = (spread(agreeing), spread(disagreeing))
    #expect(withSeeds > 1.5 * questionsOnly, "seed noise must reach the resampled errors: \(questionsOnly) → \(withSeeds)")
  }

  @Test("answers that are not a set of questions are refused")
  func invalidAnswersAreRefused() {
    #expect(throws: FitError.self) { try HeldOutResampling(questions: 0, cells: []) }
    #expect(throws: FitError.self) { try HeldOutResampling(questions: 4, cells: [.init(N: 1, V: 1, correct: [])]) }
    #expect(throws: FitError.self) { try HeldOutResampling(questions: 4, cells: [.init(N: 1, V: 1, correct: [[4]])]) }
    #expect(throws: FitError.self) { try HeldOutResampling(questions: 4, cells: [.init(N: 1, V: 1, correct: [[1, 1]])]) }
  }
}
