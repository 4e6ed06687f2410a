import ComputeFrontier
import ParallelMap
import RealModule
import ScalingLaw
import ScalingLawFit

/// The compute-optimal V of a fitted form at `Q` text tokens, for any budget.
///
/// A budget C = 2·N·(Q+V) fixes N once V is chosen, so the optimum is over V alone. The
/// alternative forms need not be unimodal in V, so the search is global: 1,025 log-spaced V
/// over the range, then golden-section search between the best node's neighbours, and the two
/// ends compared exactly. Where a form has a closed form it is reported beside (and tested
/// against) this search.
public struct FormFrontier: Sendable {
  public var form: LawForm
  public var parameters: [Double]
  public var Q: Double
  public var visualTokenRange: ClosedRange<Double>

  public init(form: LawForm, parameters: [Double], Q: Double, visualTokenRange: ClosedRange<Double> = PaperSetup.visualTokenRange) {
    self.form = form
    self.parameters = parameters
    self.Q = Q
    self.visualTokenRange = visualTokenRange
  }

  /// Predicted error when `budget` GFLOP are spent with `V` visual tokens.
  public func error(budget: Double, V: Double) -> Double {
    form.error(parameters, N: InferenceCompute.parametersBillion(forBudgetGFLOP: budget, Q: Q, V: V), V: V)
  }

  static let searchNodes = 1025

  public func optimalV(budget: Double) -> Double {
    let (low, high) = (Double.log(visualTokenRange.lowerBound), Double.log(visualTokenRange.upperBound))
    let nodes = ParameterGrid.linspace(low...high, Self.searchNodes)
    let values = nodes.map { error(budget: budget, V: Double.exp($0)) }
    let best = values.indices.min { (values[$0], $0) < (values[$1], $1) }!
    let bracket = nodes[max(best - 1, 0)]...nodes[min(best + 1, nodes.count - 1)]
    let logV = GoldenSection.minimize(bracket) { error(budget: budget, V: Double.exp($0)) }
    let candidates = [visualTokenRange.lowerBound, Double.exp(logV), visualTokenRange.upperBound]
    return candidates.min { error(budget: budget, V: $0) < error(budget: budget, V: $1) }!
  }

  /// V* at each budget, with the closed form where the form has one.
  public func optimalTokens(budgetsGFLOP: [Double]) -> OptimalTokensAcrossBudgets {
    OptimalTokensAcrossBudgets(
      Q: Q, budgetsGFLOP: budgetsGFLOP, optimalV: budgetsGFLOP.map(optimalV(budget:)),
      closedFormV: form.closedFormOptimalV(parameters, Q: Q, range: visualTokenRange))
  }
}

/// How a grid's forms are compared: the hold-out split, the text-token counts and budgets at
/// which V* is reported. The robustness experiment's registration holds one (its only home).
public struct FormComparisonPlan: Sendable, Hashable {
  public var forms: [LawForm]
  /// The sizes (billions) the hold-out fit uses, and the size it predicts.
  public var holdoutSizesBillion: [Double]
  public var holdoutPredictNBillion: Double
  /// Text tokens at which V* is computed.
  public var Q: [Double]
  /// Budgets per Q, log-spaced over the compute the grid's measurements span at that Q.
  public var budgetCount: Int

  public init(forms: [LawForm], holdoutSizesBillion: [Double], holdoutPredictNBillion: Double, Q: [Double], budgetCount: Int) {
    self.forms = forms
    self.holdoutSizesBillion = holdoutSizesBillion
    self.holdoutPredictNBillion = holdoutPredictNBillion
    self.Q = Q
    self.budgetCount = budgetCount
  }

  /// `budgetCount` budgets (GFLOP) from the cheapest to the most expensive measured
  /// configuration of `observations` at `Q`.
  public func budgets(_ observations: [Observation], Q: Double) -> [Double] {
    let costs = observations.map { InferenceCompute.gflops(NBillion: $0.N, Q: Q, V: $0.V) }
    return ComputeFrontier.logSpaced(costs.min()!...costs.max()!, count: budgetCount)
  }

  /// Fits every form to `observations` and measures it: the fit, both cross-validations, the
  /// hold-out and V* across budgets at every Q. A form whose full fit fails throws (the
  /// comparison would silently lose it); a failing cross-validation fold is recorded in its fold.
  public func compare(suite: String, _ observations: [Observation]) throws(FormFitError) -> SuiteFormComparison {
    let outcomes = parallelMap(forms.count) { index -> Result<FormAssessment, FormFitError> in
      Result { () throws(FormFitError) -> FormAssessment in try assess(forms[index], observations) }
    }
    var assessments: [FormAssessment] = []
    for outcome in outcomes {
      switch outcome {
      case .success(let assessment): assessments.append(assessment)
      case .failure(let error): throw error
      }
    }
    return SuiteFormComparison(suite: suite, assessments: assessments)
  }

  func assess(_ form: LawForm, _ observations: [Observation]) throws(FormFitError) -> FormAssessment {
    let fitter = FormFit(form: form)
    let fit = try fitter.fit(observations)
    return FormAssessment(
      form: form, formula: form.formula, fit: fit,
      crossValidation: CrossValidation.Grouping.allCases.map { Self.crossValidate(fitter, observations, by: $0) },
      holdout: try holdout(fitter, observations),
      optimalTokens: Q.map { Q in
        FormFrontier(form: form, parameters: fit.parameters, Q: Q).optimalTokens(budgetsGFLOP: budgets(observations, Q: Q))
      })
  }

  /// Refit without each group, predict the group.
  static func crossValidate(_ fitter: FormFit, _ observations: [Observation], by grouping: CrossValidation.Grouping) -> CrossValidation {
    let key: (Observation) -> Double = grouping == .leaveOneSizeOut ? { $0.N } : { $0.V }
    var squaredErrors: [Double] = []
    var failed = false
    let folds = Set(observations.map(key)).sorted().map { held -> CrossValidation.Fold in
      let (test, train) = (observations.filter { key($0) == held }, observations.filter { key($0) != held })
      do throws(FormFitError) {
        let fit = try fitter.fit(train)
        let errors = test.map { fitter.form.error(fit.parameters, N: $0.N, V: $0.V) - $0.Y }
        squaredErrors += errors.map { $0 * $0 }
        let rmse = (errors.reduce(0) { $0 + $1 * $1 } / Double(errors.count)).squareRoot()
        return CrossValidation.Fold(heldOut: held, observations: test.count, rmse: rmse, failure: nil)
      } catch {
        failed = true
        return CrossValidation.Fold(heldOut: held, observations: test.count, rmse: nil, failure: error.description)
      }
    }
    let pooled = failed ? nil : (squaredErrors.reduce(0, +) / Double(squaredErrors.count)).squareRoot()
    return CrossValidation(grouping: grouping, folds: folds, pooledRMSE: pooled)
  }

  /// The form fitted on the hold-out sizes predicting the held-out one; `nil` when the grid
  /// has no measurement at that size.
  func holdout(_ fitter: FormFit, _ observations: [Observation]) throws(FormFitError) -> HoldoutPrediction? {
    let held = observations.filter { $0.N == holdoutPredictNBillion }
    guard !held.isEmpty else { return nil }
    let fit = try fitter.fit(observations.filter { holdoutSizesBillion.contains($0.N) })
    let points = held.map { o in (V: o.V, error: fitter.form.error(fit.parameters, N: o.N, V: o.V) - o.Y, Y: o.Y) }
    let worst = points.max { (abs($0.error) / $0.Y, -$0.V) < (abs($1.error) / $1.Y, -$1.V) }!
    return HoldoutPrediction(
      fitSizesBillion: holdoutSizesBillion, predictedNBillion: holdoutPredictNBillion, worstRelativeError: abs(worst.error) / worst.Y,
      worstAtV: worst.V, rmse: (points.reduce(0) { $0 + $1.error * $1.error } / Double(points.count)).squareRoot())
  }
}
