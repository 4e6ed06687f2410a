import ScalingLaw

/// Anything that turns a ``FitProblem`` into a ``FitResult``; the bootstrap refits through it.
public protocol ScalingLawFitter: Sendable {
  func fit(_ problem: FitProblem) throws(FitError) -> FitResult
}

extension PaperGridSearch: ScalingLawFitter {}
extension LeastSquaresFit: ScalingLawFitter {}
extension RobustHuberFit: ScalingLawFitter {}

extension FitMethod {
  /// The fitter for this method. `bounds` confine `paper-grid` and `least-squares` (the robust
  /// fit is unbounded by design, as in the Chinchilla protocol, and ignores them).
  public func fitter(bounds: ParameterBounds = .paper) -> any ScalingLawFitter {
    switch self {
    case .paperGrid: PaperGridSearch(grid: ParameterGrid(bounds: bounds, counts: ParameterGrid.paper.counts))
    case .leastSquares: LeastSquaresFit(bounds: bounds)
    case .robust: RobustHuberFit()
    }
  }
}
