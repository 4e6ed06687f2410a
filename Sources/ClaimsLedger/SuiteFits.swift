import PaperAnalysis
import ResultsStore
import ScalingLaw
import ScalingLawFit
import ExperimentRegistry
import ResultValues

/// One grid, restricted to some LLM sizes, fitted by every method, with a seeded bootstrap of
/// the primary method: what every fit-dependent claim is evaluated on.
public struct SuiteFits: Sendable {
  public let suite: SuiteID
  /// The registered fit these are: its sizes, method, box and question.
  public let fit: LawFitSettings
  /// The LLM sizes fitted on; the grid's other sizes are held out.
  public let sizes: [Double]
  public let observations: [Observation]
  /// One fit per method of ``LedgerSettings/methods``, in that order.
  public let results: [FitResult]
  /// The fit of ``LedgerSettings/method``: the one verdicts are decided on.
  public let primary: FitResult
  /// Refits of the primary method on seeded resamples of ``observations``, or of the held-out
  /// answers behind them where the store has those (``resampled`` says which).
  public let bootstrap: BootstrapResult
  /// The sizes of the grid left out of the fit (for ``FitSummary``).
  public let excludedSizes: [Double]

  /// Fits `grid`'s observations as the registered `fit` says (its sizes, box and method, the
  /// primary one), and with every other method of `settings` in the same box. With the held-out
  /// `answers` behind the grid (a miniature suite's), the bootstrap resamples those questions and
  /// seeds instead of the cells; they must then be the answers of every fitted observation.
  public init(grid: Grid, fit: LawFitSettings, settings: LedgerSettings, answers: [HeldOutAnswers] = []) throws {
    suite = grid.suite
    self.fit = fit
    sizes = fit.sizesBillion
    observations = try fit.observations(from: grid.observations)
    excludedSizes = fit.excludedSizes(of: grid.observations)
    let problem = try FitProblem(observations)
    let methods = FitMethod.allCases.filter { $0 == fit.method || settings.report.comparedMethods.contains($0) }
    results = try methods.map { try $0.fitter(bounds: fit.bounds).fit(problem) }
    primary = results.first { $0.method == fit.method }!
    let bootstrap = settings.report.bootstrap.bootstrap
    self.bootstrap = answers.isEmpty
      ? bootstrap.run(problem, fitter: fit.fitter)
      : bootstrap.run(try HeldOutResampling(observations, answers: answers), convention: problem.convention, fitter: fit.fitter)
  }

  /// What ``bootstrap`` resampled, in words.
  public var resampled: String { bootstrap.resampled }

  /// The fits as `repro fit --json` reports them, the primary one with its bootstrap intervals.
  public var summaries: [FitSummary] {
    results.map { result in
      fit.summary(of: result, excludedSizes: excludedSizes, bootstrap: result.method == primary.method ? bootstrap : nil)
    }
  }
}
