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
  /// at random with the cell's accuracy (seed `s` of a corner cell shifted by 2 points per seed).
  static func resampling(seedsPerCorner: Int = 3) throws -> HeldOutResampling {
    var generator = SplitMix64(seed: 7)
    let grid = PaperGrids.observations(PaperGrids.visualReasoningAccuracy)
    let cells = grid.map { o in
      let corner = (o.N == 0.5 || o.N == 7) && (o.V == 1 || o.V == 576)
      let seeds = corner ? seedsPerCorner : 1
      return HeldOutResampling.Cell(N: o.N, V: o.V, correct: (0..<seeds).map { s in
        let accuracy = 1 - o.Y + 0.02 * Double(s)
        return (0..<questions).filter { _ in generator.nextUnitDouble() < accuracy }
      })
    }
    return try HeldOutResampling(questions: questions, cells: cells)
  }

  @Test("a resample is the mean over drawn seeds of the drawn questions' accuracy")
  func resampleMatchesADirectCount() throws {
    let resampling = try Self.resampling()
    var generator = SplitMix64(seed: 3).derived(index: 5)
    var replay = generator
    let observations = resampling.observations(using: &generator)
    // The same draws, counted the plain way: questions first, then each cell's seeds.
    let drawn = (0..<Self.questions).map { _ in replay.nextIndex(below: Self.questions) }
    for (cell, observation) in zip(resampling.cells, observations) {
      let seeds = cell.correct.indices.map { _ in cell.correct[replay.nextIndex(below: cell.correct.count)] }
      let correct = seeds.map { seed in drawn.filter { Set(seed).contains($0) }.count }
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

  @Test("the bootstrap is seeded, and its intervals narrow with more questions")
  func seededAndNarrowing() throws {
    let resampling = try Self.resampling()
    let first = Bootstrap(resamples: 40, seed: 1).run(resampling, fitter: LeastSquaresFit())
    let second = Bootstrap(resamples: 40, seed: 1).run(resampling, fitter: LeastSquaresFit())
    #expect(first == second)
    #expect(first.laws.count + first.failures == 40)
    // The same answers repeated 16 times: 16× the questions, a quarter of the spread in each
    // cell's accuracy, so a narrower α interval (not exactly a quarter: the fit is nonlinear).
    let repeated = try HeldOutResampling(questions: 16 * Self.questions, cells: resampling.cells.map { cell in
      HeldOutResampling.Cell(N: cell.N, V: cell.V, correct: cell.correct.map { seed in
        (0..<16).flatMap { copy in seed.map { $0 + copy * Self.questions } }
      })
    })
    let narrow = Bootstrap(resamples: 40, seed: 1).run(repeated, fitter: LeastSquaresFit())
    let wide = try #require(first.interval(of: \.alpha))
    let tight = try #require(narrow.interval(of: \.alpha))
    #expect(tight.upperBound - tight.lowerBound < 0.6 * (wide.upperBound - wide.lowerBound), "\(wide) → \(tight)")
  }

  @Test("answers that are not a set of questions are refused")
  func invalidAnswersAreRefused() {
    #expect(throws: FitError.self) { try HeldOutResampling(questions: 0, cells: []) }
    #expect(throws: FitError.self) { try HeldOutResampling(questions: 4, cells: [.init(N: 1, V: 1, correct: [])]) }
    #expect(throws: FitError.self) { try HeldOutResampling(questions: 4, cells: [.init(N: 1, V: 1, correct: [[4]])]) }
    #expect(throws: FitError.self) { try HeldOutResampling(questions: 4, cells: [.init(N: 1, V: 1, correct: [[1, 1]])]) }
  }
}
