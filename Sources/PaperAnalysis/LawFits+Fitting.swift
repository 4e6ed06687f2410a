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
      bootstrap: bootstrap.run(problem, resampling: try .behind(observations, answers: answers), fitter: fit.fitter),
      variants: try variants.compactMap { variant in
        try Self.fit(variant, of: fit, observations, dataIssues: dataIssues)
      })
  }

  /// `variant` of `fit` fitted on its `observations`; `nil` where it would change nothing.
  static func fit(
    _ variant: FitVariant, of fit: LawFitSettings, _ observations: [Observation], dataIssues: [DataIssue]
  ) throws -> Variant? {
    guard let problem = variant.problem(of: fit, rows: observations, dataIssues: dataIssues) else { return nil }
    return Variant(
      variant: variant, label: problem.label,
      result: try problem.method.fitter(bounds: problem.bounds).fit(FitProblem(problem.rows)))
  }
}

extension FitVariant {
  /// What fitting this variant of `fit` on its `rows` means: a label, the rows fitted, the
  /// method and its box; `nil` where it would change nothing (the authors' box when the fit is
  /// already in it; no row named by `dataIssues`). The figures fit it, and the claims ledger
  /// checks a recorded variant against it.
  public func problem(
    of fit: LawFitSettings, rows: [Observation], dataIssues: [DataIssue]
  ) -> (label: String, rows: [Observation], method: FitMethod, bounds: ParameterBounds)? {
    let method = fit.method
    switch self {
    case .authorsBox:
      guard fit.bounds != .paper else { return nil }
      return ("\(method), the authors' box", rows, method, .paper)
    case .withoutFlaggedConfigurations:
      let flagged = dataIssues.filter { $0.suite == fit.suite }.compactMap { issue in issue.N.flatMap { N in issue.V.map { (N, Double($0)) } } }
      let clean = rows.filter { o in !flagged.contains { $0 == (o.N, o.V) } }
      guard clean.count < rows.count else { return nil }
      return ("\(method), without the \(rows.count - clean.count) configurations named by data issues", clean, method, fit.bounds)
    case .fixedExponents(let alpha, let beta):
      var bounds = fit.bounds
      bounds.alpha = alpha...alpha
      bounds.beta = beta...beta
      return ("\(FitMethod.leastSquares), α = \(alpha) and β = \(beta) fixed", rows, .leastSquares, bounds)
    }
  }
}
