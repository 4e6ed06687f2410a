import Notebook
import ResultsStore
import ScalingLaw
import ScalingLawFit

/// One grid, restricted to some LLM sizes, fitted by every method, with a seeded bootstrap of
/// the primary method: what every fit-dependent claim is evaluated on.
public struct SuiteFits: Sendable {
  public let suite: SuiteID
  /// The LLM sizes fitted on; the grid's other sizes are held out.
  public let sizes: [Double]
  public let observations: [Observation]
  /// One fit per method of ``LedgerSettings/methods``, in that order.
  public let results: [FitResult]
  /// The fit of ``LedgerSettings/method``: the one verdicts are decided on.
  public let primary: FitResult
  /// Refits of the primary method on seeded resamples of ``observations``.
  public let bootstrap: BootstrapResult
  /// The sizes of the grid left out of the fit (for ``FitSummary``).
  public let excludedSizes: [Double]

  /// Fits `grid`'s observations at `sizes` with every method of `settings` inside `bounds`.
  public init(grid: Grid, sizes: [Double], bounds: ParameterBounds, settings: LedgerSettings) throws {
    let available = Set(grid.observations.map(\.N))
    for N in sizes where !available.contains(N) {
      throw LedgerError.missingFitSize(suite: grid.suite.rawValue, N: N, available: available.sorted())
    }
    suite = grid.suite
    self.sizes = sizes
    observations = grid.observations(sizes: sizes)
    excludedSizes = available.subtracting(sizes).sorted()
    let problem = try FitProblem(observations)
    results = try settings.methods.map { try $0.fitter(bounds: bounds).fit(problem) }
    primary = results.first { $0.method == settings.method }!
    bootstrap = Bootstrap(resamples: settings.resamples, seed: settings.seed)
      .run(problem, fitter: settings.method.fitter(bounds: bounds))
  }

  /// The fits as `repro fit --json` reports them, the primary one with its bootstrap intervals.
  public var summaries: [FitSummary] {
    results.map { result in
      FitSummary(
        suite: suite, excludedSizes: excludedSizes, result: result,
        bootstrap: result.method == primary.method ? bootstrap : nil)
    }
  }
}
