import RealModule
import ScalingLaw
import Testing

@testable import ScalingLawFit

@Suite("Fitting the scaling law")
struct FitMethodTests {
  let visualReasoning = try! FitProblem(PaperGrids.observations(PaperGrids.visualReasoningAccuracy))
  let ocr = try! FitProblem(PaperGrids.observations(PaperGrids.ocrAccuracy))

  @Test("linspace matches numpy's values")
  func linspaceMatchesNumpy() {
    let alpha = ParameterGrid.paper.alpha
    #expect(alpha.count == 100)
    #expect(alpha[1] == 0.00202020202020202)
    #expect(alpha[99] == 0.2)
    #expect(ParameterGrid.paper.a[1] == 0.21020408163265308)
    #expect(ParameterGrid.paper.size == 5_000_000)
  }

  @Test("least squares recovers a known law from exact synthetic data")
  func leastSquaresRecoversKnownLaw() throws {
    let truth = ScalingLaw(a: 0.61, alpha: 0.083, beta: 0.021, D: 0.047)
    let result = try LeastSquaresFit().fit(FitProblem(PaperGrids.synthetic(truth)))
    #expect(result.law.a.isApproximatelyEqual(to: truth.a, relativeTolerance: 1e-6))
    #expect(result.law.alpha.isApproximatelyEqual(to: truth.alpha, relativeTolerance: 1e-6))
    #expect(result.law.beta.isApproximatelyEqual(to: truth.beta, relativeTolerance: 1e-6))
    #expect(result.law.D.isApproximatelyEqual(to: truth.D, relativeTolerance: 1e-5))
    #expect(result.sse < 1e-20)
    #expect(result.convergence.converged)
  }

  @Test("robust fit recovers a known law from exact synthetic data")
  func robustRecoversKnownLaw() throws {
    let truth = ScalingLaw(a: 0.52, alpha: 0.07, beta: 0.018, D: 0.1)
    let result = try RobustHuberFit().fit(FitProblem(PaperGrids.synthetic(truth)))
    #expect(result.law.alpha.isApproximatelyEqual(to: truth.alpha, relativeTolerance: 1e-3))
    #expect(result.law.beta.isApproximatelyEqual(to: truth.beta, relativeTolerance: 1e-3))
    #expect(result.law.D.isApproximatelyEqual(to: truth.D, relativeTolerance: 1e-3))
    #expect(result.bounds == nil)
  }

  @Test("paper grid recovers a law that sits on grid nodes")
  func paperGridRecoversGridLaw() throws {
    let grid = ParameterGrid(bounds: .paper, counts: [11, 21, 11, 7])
    let truth = ScalingLaw(a: grid.a[6], alpha: grid.alpha[8], beta: grid.beta[3], D: grid.D[2])
    let result = try PaperGridSearch(grid: grid).fit(FitProblem(PaperGrids.synthetic(truth)))
    #expect(result.law == truth)
  }

  @Test("paper grid equals an independent brute force on a small grid", arguments: [false, true])
  func paperGridEqualsBruteForce(useOCR: Bool) throws {
    let problem = useOCR ? ocr : visualReasoning
    let grid = ParameterGrid(bounds: .paper, counts: [9, 13, 11, 6])
    var best = (sse: Double.infinity, law: ScalingLaw(a: 0, alpha: 0, beta: 0, D: 0))
    for a in grid.a {
      for alpha in grid.alpha {
        for beta in grid.beta {
          for D in grid.D {
            let law = ScalingLaw(a: a, alpha: alpha, beta: beta, D: D)
            var sse = 0.0
            for o in problem.observations {
              let r = law.error(N: o.N, T: o.V) - o.Y
              sse += r * r
            }
            if sse < best.sse { best = (sse, law) }
          }
        }
      }
    }
    let result = try PaperGridSearch(grid: grid).fit(problem)
    #expect(result.law == best.law)
    #expect(result.sse.isApproximatelyEqual(to: best.sse, relativeTolerance: 1e-12))
  }

  /// The search screens points by the (a, D) quadratic and sums only the ones it cannot tell
  /// from the best. With exact ties (x = 1 at α = β = 0, Y constant: every a + D = Y fits
  /// perfectly up to rounding) it must still pick the point the plain summed search picks,
  /// smallest index first.
  @Test("the screened paper grid picks what the plain summed search picks, ties included")
  func screenedGridKeepsTheSummedSearchsAnswer() throws {
    let bounds = ParameterBounds(a: 0...1, alpha: 0...0.2, beta: 0...0.05, D: 0...1)
    let grid = ParameterGrid(bounds: bounds, counts: [11, 3, 3, 11])
    let observations = [0.5, 1, 4, 7].flatMap { n in [1.0, 16, 144].map { v in Observation(N: n, V: v, Y: 0.5) } }
    let problem = try FitProblem(observations)
    #expect(try PaperGridSearch(grid: grid).fit(problem).law == Self.summedSearch(problem, grid))
  }

  /// A D range of zero width (every D the same) must not break the screen's step arithmetic.
  @Test("a zero-width D range is searched like any other")
  func zeroWidthRange() throws {
    let grid = ParameterGrid(bounds: ParameterBounds(a: 0.2...0.7, alpha: 0...0.2, beta: 0...0.05, D: 0.1...0.1), counts: [9, 7, 7, 4])
    #expect(try PaperGridSearch(grid: grid).fit(visualReasoning).law == Self.summedSearch(visualReasoning, grid))
  }

  /// The plain exhaustive search, summed per point as the search sums, smallest index first.
  static func summedSearch(_ problem: FitProblem, _ grid: ParameterGrid) -> ScalingLaw {
    var best = (sse: Double.infinity, law: ScalingLaw(a: 0, alpha: 0, beta: 0, D: 0))
    for a in grid.a {
      for alpha in grid.alpha {
        for beta in grid.beta {
          for D in grid.D {
            var sse = 0.0
            for k in problem.Y.indices {
              let r = a * (Double.pow(problem.N[k], -alpha) * Double.pow(problem.T[k], -beta)) + (D - problem.Y[k])
              sse += r * r
            }
            if sse < best.sse { best = (sse, ScalingLaw(a: a, alpha: alpha, beta: beta, D: D)) }
          }
        }
      }
    }
    return best.law
  }

  /// Issue 14: goodness of fit is shown wherever a fit is (RMSE and R², from the fitted points).
  @Test("RMSE and R² follow their definitions on the fitted points")
  func goodnessOfFit() throws {
    let fit = try LeastSquaresFit().fit(visualReasoning)
    let residuals = visualReasoning.observations.map { fit.law.error(N: $0.N, T: $0.V) - $0.Y }
    let mean = visualReasoning.Y.reduce(0, +) / Double(visualReasoning.count)
    let total = visualReasoning.Y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    let sse = residuals.reduce(0) { $0 + $1 * $1 }
    #expect(fit.rmse.isApproximatelyEqual(to: (sse / Double(residuals.count)).squareRoot(), relativeTolerance: 1e-12))
    #expect(fit.rSquared.isApproximatelyEqual(to: 1 - sse / total, relativeTolerance: 1e-12))
    #expect((0.99...1).contains(fit.rSquared), "the paper's visual-reasoning law explains over 99 % of the variation")
    let exact = try LeastSquaresFit().fit(FitProblem(PaperGrids.synthetic(ScalingLaw(a: 0.6, alpha: 0.07, beta: 0.015, D: 0.01))))
    #expect(exact.rSquared > 1 - 1e-9)
  }

  @Test("least squares never ends above the paper grid", arguments: [false, true])
  func leastSquaresBeatsGrid(useOCR: Bool) throws {
    let problem = useOCR ? ocr : visualReasoning
    let grid = try PaperGridSearch().fit(problem)
    let continuous = try LeastSquaresFit().fit(problem)
    #expect(continuous.sse <= grid.sse)
    #expect(continuous.convergence.converged)
    for (value, range) in zip([continuous.law.a, continuous.law.alpha, continuous.law.beta, continuous.law.D], ParameterBounds.paper.ranges) {
      #expect(range.contains(value))
    }
  }

  @Test("a fit stopped before convergence throws instead of returning a number")
  func unconvergedFitThrows() throws {
    let coarse = LeastSquaresFit(lattice: (3, 3), maxStarts: 1, maxIterations: 0)
    #expect(throws: FitError.self) { try coarse.fit(visualReasoning) }
    do {
      _ = try coarse.fit(visualReasoning)
    } catch {
      guard case .notConverged(let method, let detail) = error else { Issue.record("unexpected \(error)"); return }
      #expect(method == .leastSquares && detail.hasPrefix("iteration limit 0 reached"))
      #expect(error.description.hasPrefix("the least-squares fit did not converge"))
    }
  }

  @Test("the exhaustive paper grid on the visual-reasoning data")
  func exhaustivePaperGridOptimum() throws {
    // Independently computed with numpy over the full 5,000,000-point grid.
    let result = try PaperGridSearch().fit(visualReasoning)
    #expect(result.law.a == ParameterGrid.paper.a[35])
    #expect(result.law.alpha == ParameterGrid.paper.alpha[37])
    #expect(result.law.beta == ParameterGrid.paper.beta[32])
    #expect(result.law.D == ParameterGrid.paper.D[1])
    #expect(result.sse.isApproximatelyEqual(to: 0.0003963129734360939, relativeTolerance: 1e-9))
  }

  @Test("OCR exponents hit the paper's β bound; wider bounds contain the optimum")
  func ocrBounds() throws {
    let paperBounds = try LeastSquaresFit().fit(ocr)
    #expect(paperBounds.parametersAtBounds.contains("beta"))
    let wide = ParameterBounds(a: 0...5, alpha: 0...1, beta: 0...1, D: 0...1)
    let wideFit = try LeastSquaresFit(bounds: wide).fit(ocr)
    #expect(!wideFit.parametersAtBounds.contains("beta"))
    #expect(wideFit.law.beta > wideFit.law.alpha)
    #expect(wideFit.sse < paperBounds.sse)
  }

  @Test("a fit that cannot converge fails loudly")
  func nonConvergenceThrows() {
    #expect(throws: FitError.self) { try LeastSquaresFit(maxIterations: 1).fit(visualReasoning) }
    #expect(throws: FitError.self) { try RobustHuberFit(maxIterations: 2).fit(visualReasoning) }
  }

  @Test("bad observations are rejected with the offending point named")
  func badInput() {
    var points = PaperGrids.observations(PaperGrids.visualReasoningAccuracy)
    points[3].Y = .nan
    let nanError = #expect(throws: FitError.self) { try FitProblem(points) }
    #expect(nanError?.description.contains("#4") == true)
    #expect(nanError?.description.contains("NaN") == true)
    points[3].Y = 0.5
    points[5].V = 0
    #expect(throws: FitError.self) { try FitProblem(points) }
    #expect(throws: FitError.tooFewObservations(3)) { try FitProblem(Array(points.prefix(3))) }
    let message = FitError.invalidObservation(index: 5, points[5], reason: "V must be > 0").description
    #expect(message.contains("#6") && message.contains("V must be > 0"))
  }

  /// Issue 11, item 12: a fit on one LLM size reported α as "converged, 8/8 starts agree".
  @Test("a single LLM size or token count is refused: the exponent could not be identified")
  func unidentifiableExponents() {
    let points = PaperGrids.observations(PaperGrids.visualReasoningAccuracy)
    let oneSize = #expect(throws: FitError.self) { try FitProblem(points.filter { $0.N == 7 }) }
    #expect(oneSize?.description.contains("alpha cannot be fitted") == true)
    let oneV = #expect(throws: FitError.self) { try FitProblem(points.filter { $0.V == 16 }) }
    #expect(oneV?.description.contains("beta cannot be fitted") == true)
    #expect(throws: Never.self) { try FitProblem(points.filter { $0.N == 7 || $0.N == 4 }) }
  }
}

/// Issue 14, item 8: the robust fit has no box, but D's floor 0 is a bound it can end on.
@Suite("the robust fit's floor")
struct RobustFloorTests {
  let visualReasoning = try! FitProblem(PaperGrids.observations(PaperGrids.visualReasoningAccuracy))

  @Test("D below rounding of every prediction is on its floor; a D the predictions feel is not")
  func floor() {
    let law = { (D: Double) in ScalingLaw(a: 0.59, alpha: 0.071, beta: 0.016, D: D) }
    #expect(RobustHuberFit.floorReached(law(3.2e-16), visualReasoning))
    #expect(RobustHuberFit.floorReached(law(0), visualReasoning))
    #expect(!RobustHuberFit.floorReached(law(1e-6), visualReasoning))
  }

  @Test("on both published grids the robust fit ends on D's floor and says so; data with a floor of 0.2 find it")
  func bundled() throws {
    let reasoning = try RobustHuberFit().fit(visualReasoning)
    #expect(reasoning.law.D < 1e-12 && reasoning.parametersAtBounds == ["D"])
    let ocr = try RobustHuberFit().fit(try FitProblem(PaperGrids.observations(PaperGrids.ocrAccuracy)))
    #expect(ocr.law.D < 1e-12 && ocr.parametersAtBounds == ["D"])
    let truth = ScalingLaw(a: 0.4, alpha: 0.07, beta: 0.015, D: 0.2)
    let exact = try FitProblem(PaperGrids.observations(PaperGrids.visualReasoningAccuracy).map {
      Observation(N: $0.N, V: $0.V, Y: truth.error(N: $0.N, T: $0.V))
    })
    let floored = try RobustHuberFit().fit(exact)
    #expect(abs(floored.law.D - 0.2) < 1e-3 && floored.parametersAtBounds.isEmpty, "\(floored.law)")
  }
}
