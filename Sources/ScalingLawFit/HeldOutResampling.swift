import ScalingLaw
import SeededRandom

/// The measurement behind a grid of trained models, for a bootstrap over every level of it: the
/// grid's cells, each cell's training seeds, and the held-out questions, which every cell
/// answered.
///
/// Why all three: a cell's accuracy is an estimate from a few thousand questions and one to
/// three seeds. Resampling only the questions and the seeds leaves out the seed noise of every
/// cell trained once (up to 19 points here) and the law's lack of fit, and gave intervals ten
/// times narrower than the data support; resampling only the cells ignores the nesting. So a
/// resample draws the cells with replacement (their residual scatter holds the seed noise of the
/// cells trained once), then each drawn cell's seeds, and the questions once for all cells (every
/// cell answered the same questions, so their errors are correlated through them). A cell's
/// error is one minus the mean, over its drawn seeds, of the share of the drawn questions it
/// answered correctly. Measurement noise is counted in the cells' scatter and again in the
/// question draw; at 4,000 questions it is under a point, a small overstatement.
public struct HeldOutResampling: Sendable {
  /// One cell: its configuration and, per training seed, the questions its model answered correctly.
  public struct Cell: Sendable, Equatable {
    public var N: Double
    public var V: Double
    /// Per seed, the indices (in 0..<questions) of the questions answered correctly.
    public var correct: [[Int]]

    public init(N: Double, V: Double, correct: [[Int]]) {
      (self.N, self.V, self.correct) = (N, V, correct)
    }
  }

  /// How many held-out questions every cell was evaluated on.
  public let questions: Int
  public let cells: [Cell]

  /// Checks that every cell has at least one seed and that each index names a question once.
  public init(questions: Int, cells: [Cell]) throws(FitError) {
    guard questions > 0 else { throw .invalidResampling("a held-out set has at least one question, got \(questions)") }
    for cell in cells {
      guard !cell.correct.isEmpty else { throw .invalidResampling("the cell at N = \(cell.N), V = \(cell.V) has no seed") }
      for seed in cell.correct {
        guard seed.allSatisfy({ (0..<questions).contains($0) }), Set(seed).count == seed.count else {
          throw .invalidResampling("the cell at N = \(cell.N), V = \(cell.V) names a question twice or one outside 0..<\(questions)")
        }
      }
    }
    self.questions = questions
    self.cells = cells
  }

  /// What a resample draws, in words (reports and intervals say it).
  public var description: String {
    let seeds = cells.map(\.correct.count)
    return "the \(cells.count) cells, their seeds (\(seeds.min() ?? 0)–\(seeds.max() ?? 0) per cell) and the \(questions) held-out questions"
  }

  /// The cells' observations as measured: each cell's error over all questions and seeds.
  public var observations: [Observation] {
    cells.map { cell in
      let accuracies = cell.correct.map { Double($0.count) / Double(questions) }
      return Observation(N: cell.N, V: cell.V, accuracy: accuracies.reduce(0, +) / Double(accuracies.count))
    }
  }

  /// One resample's observations, drawn from `generator`: the questions first, then the cells,
  /// then each drawn cell's seeds.
  public func observations(using generator: inout SplitMix64) -> [Observation] {
    var multiplicity = [Int32](repeating: 0, count: questions)
    for _ in 0..<questions { multiplicity[generator.nextIndex(below: questions)] += 1 }
    let drawn = cells.indices.map { _ in cells[generator.nextIndex(below: cells.count)] }
    return drawn.map { cell in
      var correct = 0
      for _ in cell.correct.indices {
        let seed = cell.correct[generator.nextIndex(below: cell.correct.count)]
        correct += seed.reduce(0) { $0 + Int(multiplicity[$1]) }
      }
      let accuracy = Double(correct) / Double(questions * cell.correct.count)
      return Observation(N: cell.N, V: cell.V, accuracy: accuracy)
    }
  }
}
