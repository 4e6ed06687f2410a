import ExperimentModel
import ResultValues
import ResultsStore
import ScalingLaw
import ScalingLawFit

extension LawFits {
  /// Fits `grid`'s rows at `fit`'s sizes as `fit` registers them (method, box), every other
  /// method of `robustness` in the same box, `fit`'s method again on `robustness`'s bootstrap,
  /// and each of `variants`: what a figure whose fit decides claims computes and writes.
  ///
  /// With the held-out `answers` behind the grid (a miniature suite's), the bootstrap resamples
  /// its cells, seeds and questions instead of the cells alone; they must then be the answers of
  /// every fitted row. `dataIssues` are the grid's recorded defects, for
  /// ``ResultValues/FitVariant/withoutFlaggedConfigurations``.
  public init(
    fitting grid: [Observation], as fit: LawFitSettings, robustness: RobustnessSettings, variants: [FitVariant] = [],
    dataIssues: [DataIssue] = [], answers: [HeldOutAnswers] = []
  ) throws {
    let observations = try fit.observations(from: grid)
    let problem = try FitProblem(observations)
    let methods = FitMethod.allCases.filter { $0 == fit.method || robustness.comparedMethods.contains($0) }
    let bootstrap = robustness.bootstrap.bootstrap
    self.init(
      suite: fit.suite.rawValue, sizesBillion: fit.sizesBillion, excludedSizes: fit.excludedSizes(of: grid),
      question: fit.question, observations: observations, method: fit.method,
      results: try methods.map { try $0.fitter(bounds: fit.bounds).fit(problem) },
      bootstrap: answers.isEmpty
        ? bootstrap.run(problem, fitter: fit.fitter)
        : bootstrap.run(try HeldOutResampling(observations, answers: answers), convention: problem.convention, fitter: fit.fitter),
      variants: try variants.compactMap { variant in
        try Self.fit(variant, of: fit, observations, dataIssues: dataIssues.filter { $0.suite == fit.suite })
      })
  }

  /// `variant` of `fit` on its `observations`; `nil` where it would change nothing (the authors'
  /// box when the fit is in it, no configuration flagged).
  static func fit(
    _ variant: FitVariant, of fit: LawFitSettings, _ observations: [Observation], dataIssues: [DataIssue]
  ) throws -> Variant? {
    let method = fit.method
    switch variant {
    case .authorsBox:
      guard fit.bounds != .paper else { return nil }
      return Variant(
        variant: variant, label: "\(method), the authors' box",
        result: try method.fitter(bounds: .paper).fit(FitProblem(observations)))
    case .withoutFlaggedConfigurations:
      let flagged = dataIssues.compactMap { issue in issue.N.flatMap { N in issue.V.map { (N, Double($0)) } } }
      let clean = observations.filter { o in !flagged.contains { $0 == (o.N, o.V) } }
      guard clean.count < observations.count else { return nil }
      return Variant(
        variant: variant, label: "\(method), without the \(observations.count - clean.count) configurations named by data issues",
        result: try fit.fitter.fit(FitProblem(clean)))
    case .fixedExponents(let alpha, let beta):
      var bounds = fit.bounds
      bounds.alpha = alpha...alpha
      bounds.beta = beta...beta
      return Variant(
        variant: variant, label: "\(FitMethod.leastSquares), α = \(alpha) and β = \(beta) fixed",
        result: try LeastSquaresFit(bounds: bounds).fit(FitProblem(observations)))
    }
  }
}
