import ScalingLaw

/// The three ways this project fits the scaling law, named as on the command line.
public enum FitMethod: String, CaseIterable, Sendable, Codable, LosslessStringConvertible {
  /// The authors' objective and grid, searched exhaustively (not a random 20 %).
  case paperGrid = "paper-grid"
  /// Bounded non-linear least squares reaching the continuous optimum of the same objective.
  case leastSquares = "least-squares"
  /// Huber loss on log residuals from many starts (Chinchilla "approach 3", as replicated by Epoch AI).
  case robust

  public var description: String { rawValue }

  public init?(_ description: String) {
    self.init(rawValue: description)
  }
}

/// A fitted law with everything needed to judge it: objective value, convergence and bounds hit.
public struct FitResult: Sendable, Codable, Equatable {
  public var method: FitMethod
  public var law: ScalingLaw
  /// Sum of squared errors on Y over the fitted observations (comparable across methods).
  public var sse: Double
  /// The method's own objective at the optimum (SSE, or the Huber loss for `robust`).
  public var objective: Double
  public var observationCount: Int
  /// Σ (y − ȳ)² over the fitted observations: with `sse`, the share of the variation the law
  /// explains (``rSquared``).
  public var totalSumOfSquares: Double
  public var convention: TokenConvention
  /// Bounds the search was confined to (`nil` for the robust fit, which has no box: it keeps a
  /// and D positive by fitting their logarithms).
  public var bounds: ParameterBounds?
  /// Names of parameters that ended on a bound — a sign the bounds, not the data, decided them.
  /// For the robust fit, the bound is D's floor 0, reached as log D → −∞ (see
  /// ``RobustHuberFit/floorReached(_:_:)``).
  public var parametersAtBounds: [String]
  public var convergence: Convergence

  /// Root-mean-square error on Y: √(SSE / n), in Y's units (error as a fraction).
  public var rmse: Double { (sse / Double(observationCount)).squareRoot() }
  /// R² = 1 − SSE / Σ (y − ȳ)²: the share of the variation in Y the law explains.
  public var rSquared: Double { 1 - sse / totalSumOfSquares }

  /// Parameters sitting within a relative 1e-9 of a bound of `bounds`.
  static func parametersAtBounds(_ law: ScalingLaw, _ bounds: ParameterBounds) -> [String] {
    [("a", law.a, bounds.a), ("alpha", law.alpha, bounds.alpha), ("beta", law.beta, bounds.beta), ("D", law.D, bounds.D)]
      .filter { ParameterBounds.isOnBound($0.1, $0.2) }.map(\.0)
  }
}

/// How an iterative fit ended; `paper-grid` reports the number of grid points visited.
public struct Convergence: Sendable, Codable, Equatable {
  public var converged: Bool
  /// Iterations of the best start (grid points visited, for `paper-grid`).
  public var iterations: Int
  /// Starts tried and how many of them reached the best objective (relative 1e-6).
  public var starts: Int
  public var startsAgreeing: Int
  /// The stopping criterion that was met, in words.
  public var criterion: String

  public init(converged: Bool, iterations: Int, starts: Int, startsAgreeing: Int, criterion: String) {
    self.converged = converged
    self.iterations = iterations
    self.starts = starts
    self.startsAgreeing = startsAgreeing
    self.criterion = criterion
  }
}
