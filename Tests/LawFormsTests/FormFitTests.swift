import ComputeFrontier
import Foundation
@testable import LawForms
import ResultsStore
import ScalingLaw
import ScalingLawFit
import Testing

/// The paper's grids from the results store, at the paper's fit sizes.
func paperGrid(_ suite: SuiteID) throws -> [Observation] {
  let database = try ResultsDatabase.openReadOnly(try ProjectLayout.locate(from: URL(fileURLWithPath: #filePath)))
  return try database.observations(suite: suite).filter { [0.5, 1.8, 4, 7].contains($0.N) }
}

@Suite("Fitting a functional form")
struct FormFitTests {
  @Test("the multiplicative form in a law's box is that box's least-squares fit", arguments: [
    (SuiteID.visualReasoning, ParameterBounds.paper),
    (SuiteID.ocr, ParameterBounds(a: 0...5, alpha: 0...1, beta: 0...1, D: 0...1)),
  ])
  func multiplicativeIsThePaperLaw(suite: SuiteID, bounds: ParameterBounds) throws {
    let observations = try paperGrid(suite)
    let paper = try LeastSquaresFit(bounds: bounds).fit(FitProblem(observations))
    let form = try FormFit(form: .multiplicative, bounds: bounds.ranges).fit(observations)
    for (mine, theirs) in zip(form.parameters, [paper.law.a, paper.law.alpha, paper.law.beta, paper.law.D]) {
      #expect(abs(mine - theirs) <= 1e-6 * max(abs(theirs), 1e-3), "\(suite): \(form.parameters) vs \(paper.law)")
    }
    #expect(abs(form.sse / paper.sse - 1) < 1e-9)
    #expect(abs(form.rSquared - paper.rSquared) < 1e-9)
  }

  static let truths: [(LawForm, [Double])] = [
    (.multiplicative, [0.6, 0.08, 0.02, 0.1]),
    (.multiplicativeTextPlusVisual, [0.7, 0.1, 0.05, 0.05]),
    (.additive, [0.1, 0.3, 0.2, 0.2, 0.1]),
    (.interaction, [0.6, 0.07, 0.02, 0.01, 0.1]),
  ]

  @Test("each form recovers its own parameters from exact data", arguments: truths)
  func recovers(form: LawForm, truth: [Double]) throws {
    let observations = [0.5, 1.8, 4, 7, 14].flatMap { N in
      PaperSetup.gridVisualTokens.map { V in Observation(N: N, V: V, Y: form.error(truth, N: N, V: V)) }
    }
    let fit = try FormFit(form: form).fit(observations)
    for (name, (mine, theirs)) in zip(form.parameterNames, zip(fit.parameters, truth)) {
      #expect(abs(mine - theirs) <= 1e-5 * max(abs(theirs), 1e-2), "\(form) \(name): \(mine) vs \(theirs)")
    }
    #expect(fit.sse < 1e-20)
    #expect(fit.parametersAtBounds.isEmpty)
    // Exact data: the information criteria are undefined, not −∞ (which JSON cannot carry).
    if fit.sse == 0 { #expect(fit.aic == nil && fit.bic == nil) } else { #expect(fit.aic!.isFinite) }
  }

  @Test("AIC and BIC follow their definitions, with k the form's parameter count")
  func informationCriteria() throws {
    let observations = try paperGrid(.visualReasoning)
    for form in LawForm.allCases {
      let fit = try FormFit(form: form).fit(observations)
      let (n, k) = (Double(observations.count), Double(form.parameterCount))
      #expect(abs(fit.aic! - (n * log(fit.sse / n) + 2 * k)) < 1e-9)
      #expect(abs(fit.bic! - (n * log(fit.sse / n) + k * log(n))) < 1e-9)
      #expect(abs(fit.rmse - (fit.sse / n).squareRoot()) < 1e-15)
    }
  }

  @Test("a fit with no more observations than parameters is refused")
  func tooFew() {
    let observations = [(0.5, 1.0), (0.5, 4.0), (1.8, 1.0), (1.8, 4.0), (4, 16.0)].map { Observation(N: $0.0, V: $0.1, Y: 0.4) }
    #expect(throws: FormFitError.tooFewObservations(form: .additive, observations: 5)) {
      try FormFit(form: .additive).fit(observations)
    }
    #expect(throws: FormFitError.invalidBounds(form: .additive, "need 5 finite ranges (E, A, alpha, B, beta)")) {
      try FormFit(form: .additive, bounds: [0...1]).fit(observations + observations)
    }
  }

  @Test("bad data is refused with the observation named")
  func badData() {
    var observations = PaperSetup.gridVisualTokens.flatMap { V in [0.5, 4].map { Observation(N: $0, V: V, Y: 0.4) } }
    observations[3].Y = .nan
    #expect(throws: FormFitError.self) { try FormFit(form: .interaction).fit(observations) }
  }
}

@Suite("The compute-optimal V of a form")
struct FormFrontierTests {
  @Test("the multiplicative forms' closed forms agree with the search, and T = V agrees with ComputeFrontier", arguments: [0.0, 10, 50, 200])
  func closedForms(Q: Double) {
    for (form, p) in [(LawForm.multiplicative, [0.59, 0.071, 0.015, 0.0]), (.multiplicativeTextPlusVisual, [0.66, 0.071, 0.034, 0.0]),
                      (.multiplicative, [0.9, 0.028, 0.039, 0.0])] {
      let frontier = FormFrontier(form: form, parameters: p, Q: Q)
      for budget in [10.0, 1000] {
        let closed = form.closedFormOptimalV(p, Q: Q, range: PaperSetup.visualTokenRange)!
        #expect(abs(frontier.optimalV(budget: budget) / closed - 1) < 1e-6, "\(form) \(p) at Q = \(Q)")
        if form == .multiplicative {
          let law = ScalingLaw(a: p[0], alpha: p[1], beta: p[2], D: p[3])
          #expect(abs(frontier.optimalV(budget: budget) / ComputeFrontier(law: law, Q: Q).optimum(budget: budget).V - 1) < 1e-6)
        }
      }
    }
  }

  @Test("the additive form's optimum sets the marginal gains of N and V equal")
  func additiveOptimum() {
    // E + A·N^-α + B·V^-β with N = C/(2V) at Q = 0: V* = (β·B/(α·A))^(1/(α+β)) · (C/2)^(α/(α+β)).
    let p = [0.0, 0.4, 0.1, 0.19, 0.05]
    for budget in [10.0, 100, 1000] {
      let expected = pow(p[4] * p[3] / (p[2] * p[1]), 1 / (p[2] + p[4])) * pow(budget / 2, p[2] / (p[2] + p[4]))
      let found = FormFrontier(form: .additive, parameters: p, Q: 0).optimalV(budget: budget)
      #expect(abs(found / min(max(expected, 1), 576) - 1) < 1e-6, "budget \(budget): \(found) vs \(expected)")
    }
  }
}

@Suite("Cross-validation and the robustness checks")
struct RobustnessTests {
  let plan = FormComparisonPlan(forms: LawForm.allCases, holdoutSizesBillion: [0.5, 1.8, 4], holdoutPredictNBillion: 7, Q: [0, 50], budgetCount: 9)

  @Test("one fold per LLM size and per V, each predicting what it held out")
  func folds() throws {
    let comparison = try plan.compare(suite: "visual-reasoning", paperGrid(.visualReasoning))
    for assessment in comparison.assessments {
      #expect(assessment.crossValidation(.leaveOneSizeOut)!.folds.map(\.heldOut) == [0.5, 1.8, 4, 7])
      #expect(assessment.crossValidation(.leaveOneTokenCountOut)!.folds.map(\.heldOut) == PaperSetup.gridVisualTokens)
      #expect(assessment.crossValidation.allSatisfy { $0.pooledRMSE != nil && $0.folds.allSatisfy { $0.failure == nil } })
      // Held out is harder than fitted.
      #expect(assessment.crossValidation(.leaveOneSizeOut)!.pooledRMSE! > assessment.fit.rmse)
      #expect(assessment.holdout?.predictedNBillion == 7)
      #expect(assessment.optimalTokens.map(\.Q) == [0, 50])
    }
    #expect(comparison.competitiveForms.contains(.multiplicative))
  }

  @Test("a fold that cannot be fitted is recorded, and its form is not competitive")
  func failingFold() throws {
    // Two visual-token counts: leaving one out leaves a single V, where β is unidentifiable.
    let observations = [0.5, 1.8, 4, 7].flatMap { N in [1.0, 576].map { V in Observation(N: N, V: V, Y: 0.6 * pow(N, -0.07) * pow(V, -0.015)) } }
    let comparison = try FormComparisonPlan(forms: [.multiplicative], holdoutSizesBillion: [0.5, 1.8, 4], holdoutPredictNBillion: 7, Q: [0], budgetCount: 3)
      .compare(suite: "tiny", observations)
    let validation = comparison.assessments[0].crossValidation(.leaveOneTokenCountOut)!
    #expect(validation.pooledRMSE == nil)
    #expect(validation.folds.allSatisfy { $0.failure?.contains("beta cannot be fitted") == true })
  }

  /// A comparison of two forms with given leave-one-size-out RMSEs and V* at Q = 0 and 50.
  func comparison(_ forms: [(LawForm, rmse: Double, q0: [Double], q50: [Double])]) -> SuiteFormComparison {
    SuiteFormComparison(suite: "synthetic", assessments: forms.map { form, rmse, q0, q50 in
      FormAssessment(
        form: form, formula: form.formula,
        fit: FormFitResult(form: form, parameters: [], bounds: [], parametersAtBounds: [], observations: 28, sse: 0, rmse: 0, rSquared: 1,
                           aic: 0, bic: 0, convergence: Convergence(converged: true, iterations: 1, starts: 1, startsAgreeing: 1, criterion: "")),
        crossValidation: [CrossValidation(grouping: .leaveOneSizeOut, folds: [], pooledRMSE: rmse)], holdout: nil,
        optimalTokens: [OptimalTokensAcrossBudgets(Q: 0, budgetsGFLOP: [1, 10], optimalV: q0, closedFormV: nil),
                        OptimalTokensAcrossBudgets(Q: PaperSetup.questionTextTokens, budgetsGFLOP: [1, 10], optimalV: q50, closedFormV: nil)])
    })
  }

  @Test("a check looks only at competitive forms, fails on one that disagrees, and is undecided without data")
  func verdicts() {
    let check = RobustnessCheck.oneTokenAtQ0
    let ocr = comparison([(.multiplicative, 0.01, [576, 576], [576, 576])])
    // The additive form disagrees but is rejected (3× the best): the check holds.
    let rejected = comparison([(.multiplicative, 0.01, [1, 1], [13, 13]), (.additive, 0.03, [2, 5], [20, 30])])
    #expect(check.verdict(reasoning: rejected, ocr: ocr).holds == true)
    #expect(rejected.competitiveForms == [.multiplicative])
    // Within 2× it counts, and its V* = 2 fails the check.
    let competitive = comparison([(.multiplicative, 0.01, [1, 1], [13, 13]), (.additive, 0.019, [1, 2], [20, 30])])
    #expect(check.verdict(reasoning: competitive, ocr: ocr).holds == false)
    #expect(RobustnessCheck.fewTokensAtQ50.verdict(reasoning: competitive, ocr: ocr).holds == true)
    #expect(RobustnessCheck.manyTokensForOCR.verdict(reasoning: competitive, ocr: ocr).holds == true)
    #expect(RobustnessCheck.manyTokensForOCR.verdict(reasoning: competitive, ocr: nil).holds == nil)
    #expect(RobustnessCheck.paperFormCompetitive.verdict(reasoning: competitive, ocr: ocr).holds == true)
    let paperRejected = comparison([(.multiplicative, 0.05, [1, 1], [13, 13]), (.additive, 0.01, [1, 1], [20, 30])])
    #expect(RobustnessCheck.paperFormCompetitive.verdict(reasoning: paperRejected, ocr: ocr).holds == false)
  }
}
