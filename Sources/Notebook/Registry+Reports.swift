import ResultsStore

extension Experiment {
  /// The reviewer report, built from every other experiment's outputs.
  static let reports: [Experiment] = []
}
