import ScalingLawFit

/// One form fitted to one grid: parameters, fit quality and information criteria.
public struct FormFitResult: Codable, Sendable, Equatable {
  public var form: LawForm
  /// Fitted values in ``LawForm/parameterNames`` order.
  public var parameters: [Double]
  /// The box, `[lower, upper]` per parameter in the same order.
  public var bounds: [[Double]]
  public var parametersAtBounds: [String]
  public var observations: Int
  /// Sum of squared errors on Y, the objective of every form (the authors' objective).
  public var sse: Double
  /// √(SSE / n), in Y's units.
  public var rmse: Double
  /// 1 − SSE / Σ (y − ȳ)².
  public var rSquared: Double
  /// Akaike and Bayesian information criteria for Gaussian errors of unknown variance:
  /// n·ln(SSE/n) + 2k and n·ln(SSE/n) + k·ln n, with k = ``LawForm/parameterCount`` (the
  /// variance, common to every form, is left out: differences between forms are unchanged).
  /// `nil` for an exact fit (SSE = 0), where the log-likelihood is unbounded and no
  /// comparison by information criteria means anything.
  public var aic: Double?
  public var bic: Double?
  public var convergence: Convergence

  /// The parameters by name.
  public var named: [String: Double] {
    Dictionary(uniqueKeysWithValues: zip(form.parameterNames, parameters))
  }
}

/// Out-of-sample error of a form: refit with one group of the grid held out, predict it.
public struct CrossValidation: Codable, Sendable, Equatable {
  /// What one fold holds out: every configuration of one LLM size, or of one visual-token count.
  public enum Grouping: String, Codable, Sendable, CaseIterable {
    case leaveOneSizeOut = "leave-one-size-out"
    case leaveOneTokenCountOut = "leave-one-V-out"
  }

  /// One held-out group.
  public struct Fold: Codable, Sendable, Equatable {
    /// The held-out N (billions) or V.
    public var heldOut: Double
    public var observations: Int
    /// RMSE of the predictions on the held-out group, or `nil` when the refit failed.
    public var rmse: Double?
    /// Why the refit failed, in words (a fold is never dropped silently).
    public var failure: String?
  }

  public var grouping: Grouping
  public var folds: [Fold]
  /// RMSE over every held-out prediction of every fold; `nil` if a fold failed, since a
  /// comparison on fewer folds would not be a comparison.
  public var pooledRMSE: Double?
}

/// The fit on some LLM sizes predicting a larger one (the paper's Figure 2 test, per form).
public struct HoldoutPrediction: Codable, Sendable, Equatable {
  public var fitSizesBillion: [Double]
  public var predictedNBillion: Double
  /// max over V of |Ŷ − Y| / Y on the held-out size, and the V where it occurs.
  public var worstRelativeError: Double
  public var worstAtV: Double
  public var rmse: Double
}

/// The compute-optimal V across a range of budgets at one Q, under one fitted form.
public struct OptimalTokensAcrossBudgets: Codable, Sendable, Equatable {
  public var Q: Double
  /// Inference compute 2·N·(Q+V), GFLOP, log-spaced, ascending.
  public var budgetsGFLOP: [Double]
  /// V* at each budget, optimised over continuous V in the visual-token range.
  public var optimalV: [Double]
  /// The closed form, where the form has one (it does not depend on the budget).
  public var closedFormV: Double?

  /// V* at the smallest and the largest budget.
  public var atSmallestBudget: Double { optimalV.first! }
  public var atLargestBudget: Double { optimalV.last! }
}

/// Everything measured about one form on one grid.
public struct FormAssessment: Codable, Sendable, Equatable {
  public var form: LawForm
  public var formula: String
  public var fit: FormFitResult
  public var crossValidation: [CrossValidation]
  public var holdout: HoldoutPrediction?
  public var optimalTokens: [OptimalTokensAcrossBudgets]

  public func crossValidation(_ grouping: CrossValidation.Grouping) -> CrossValidation? {
    crossValidation.first { $0.grouping == grouping }
  }

  /// V* across budgets at `Q`, if it was computed.
  public func optimalTokens(Q: Double) -> OptimalTokensAcrossBudgets? {
    optimalTokens.first { $0.Q == Q }
  }
}

/// Every form on one grid, with which of them predict held-out sizes about as well as the best.
public struct SuiteFormComparison: Codable, Sendable, Equatable {
  public var suite: String
  public var assessments: [FormAssessment]

  public init(suite: String, assessments: [FormAssessment]) {
    self.suite = suite
    self.assessments = assessments
  }

  /// The smallest leave-one-size-out RMSE of any form.
  public var bestLeaveOneSizeOutRMSE: Double? {
    assessments.compactMap { $0.crossValidation(.leaveOneSizeOut)?.pooledRMSE }.min()
  }

  /// Forms whose leave-one-size-out RMSE is within ``RobustnessCheck/competitiveFactor`` of
  /// the best form's: the forms a reviewer could not reject on this data. A form whose
  /// cross-validation failed is not competitive (it could not be compared).
  public var competitiveForms: [LawForm] {
    guard let best = bestLeaveOneSizeOutRMSE else { return [] }
    return assessments.filter { assessment in
      guard let rmse = assessment.crossValidation(.leaveOneSizeOut)?.pooledRMSE else { return false }
      return rmse <= RobustnessCheck.competitiveFactor * best
    }.map(\.form)
  }

  public func assessment(_ form: LawForm) -> FormAssessment? {
    assessments.first { $0.form == form }
  }
}
