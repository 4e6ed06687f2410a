import ResultsStore

extension Experiment {
  /// Experiments that run the bundled Swift VLM/QueCC inference engine.
  static let engineExperiments: [Experiment] = []
}
