import ResultsStore
import ScalingLaw
import ScalingLawFit

extension HeldOutResampling {
  /// What a bootstrap of `observations` resamples: with the held-out `answers` behind them (a
  /// miniature suite's), their cells, seeds and questions; without (`nil`), the cells alone. The
  /// one rule the figures, `repro fit`, `repro extrapolate` and the ledger's check all follow.
  public static func behind(_ observations: [Observation], answers: [HeldOutAnswers]) throws(FitError) -> HeldOutResampling? {
    answers.isEmpty ? nil : try HeldOutResampling(observations, answers: answers)
  }

  /// The held-out answers behind each of `observations` (a miniature suite's, from the results
  /// store), so a bootstrap resamples cells, seeds and questions: what the ledger, `repro fit` and
  /// `repro extrapolate --bootstrap` and Figure 2's band all use on a suite that has answers.
  ///
  /// Every observation needs its answers, and they must give its accuracy: the store checks both
  /// when it is built, so a mismatch means a grid and answers from different databases.
  public init(_ observations: [Observation], answers: [HeldOutAnswers]) throws(FitError) {
    guard let questions = answers.first?.seeds.first?.questions else {
      throw .invalidResampling("no held-out answers to resample")
    }
    let cells = try observations.map { observation throws(FitError) in
      let place = "the result at N = \(observation.N) B, V = \(observation.V)"
      guard let match = answers.first(where: { $0.N == observation.N && Double($0.V) == observation.V }) else {
        throw .invalidResampling("\(place) has no held-out answers; rebuild the database (./repro data rebuild)")
      }
      guard match.seeds.allSatisfy({ $0.questions == questions }) else {
        throw .invalidResampling(
          "\(place) has answers to another number of questions than \(questions); rebuild the database (./repro data rebuild)")
      }
      return Cell(N: observation.N, V: observation.V, correct: match.seeds.map { seed in (0..<seed.questions).filter { seed[$0] } })
    }
    try self.init(questions: questions, cells: cells)
    for (observation, measured) in zip(observations, self.observations) where abs(observation.Y - measured.Y) > 1e-12 {
      throw .invalidResampling(
        "the answers of the result at N = \(observation.N) B, V = \(observation.V) give error \(measured.Y), the result "
          + "\(observation.Y); rebuild the database (./repro data rebuild)")
    }
  }
}
