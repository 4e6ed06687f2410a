import ResultsStore

extension Experiment {
  /// Figures 2, 3a, 3b, 4 and Table 1.
  static let paperFigures: [Experiment] = []
}
