import PaperAnalysis
import ResultValues
import ResultsStore
import ScalingLaw
import ScalingLawFit
import Testing

@Suite("Extrapolation to an LLM size the law was not fitted on")
struct ExtrapolationTests {
  /// An independent computation of the 7 B hold-out: scipy 1.17 `optimize.least_squares`
  /// (trust-region reflective, the paper's bounds a ∈ [0.2, 0.7], α ∈ [0, 0.2], β ∈ [0, 0.05],
  /// D ∈ [0, 0.3], 300 starts, tolerances 1e-15) on the 21 points of 0.5, 1.8 and 4 B gave
  /// a = 0.589856737, α = 0.0707872144, β = 0.0146101192, D = 0 and these 7 B predictions of
  /// the error Y at V = 1, 4, 16, 36, 64, 144, 576.
  static let scipyPredictions7B = [
    0.5139541859431844, 0.5036493053628597, 0.49355103962619035, 0.48773805546234655,
    0.4836552460657012, 0.4779588133557847, 0.46837564694007316,
  ]
  /// The same fit on all 28 points (0.5–7 B), predicting 14 B.
  static let scipyPredictions14B = [
    0.48990949896700664, 0.47975971950770296, 0.46982021974962923, 0.4641017209392136,
    0.46008664318898884, 0.4544866183046481, 0.4450707181175248,
  ]

  @Test("the 7B hold-out matches scipy's fit, and its errors are |Ŷ − Y| and |Ŷ − Y| / Y")
  func holdout7B() throws {
    let e = try Extrapolation(observations: Grids.visualReasoning, fitSizes: [0.5, 1.8, 4], predictedN: 7, fitter: LeastSquaresFit())
    #expect(e.fitObservations.count == 21)
    #expect(e.points.map(\.V) == Grids.visualTokens)
    let measured = Grids.visualReasoning.filter { $0.N == 7 }.map(\.Y)
    for (index, point) in e.points.enumerated() {
      let expected = Self.scipyPredictions7B[index]
      #expect(abs(point.predictedError - expected) < 1e-8, "V = \(point.V)")
      #expect(point.measuredError == measured[index])
      #expect(abs(point.absoluteError! - abs(expected - measured[index])) < 1e-8)
      #expect(abs(point.relativeError! - abs(expected - measured[index]) / measured[index]) < 1e-7)
      #expect(point.difference! == point.predictedError - measured[index])
    }
    // scipy: max |Ŷ − Y| / Y = 0.009722185080569537 at V = 1.
    #expect(abs(e.maxRelativeError! - 0.009722185080569537) < 1e-7)
    #expect(e.worstPoint?.V == 1)
    #expect(abs(e.maxAbsoluteError! - 0.00504581405681559) < 1e-8)
    #expect(e.hasMeasurements && e.band == nil)
  }

  @Test("14B: predictions match scipy; without measurements there are no errors")
  func extrapolation14B() throws {
    let e = try Extrapolation(observations: Grids.visualReasoning, fitSizes: [0.5, 1.8, 4, 7], predictedN: 14, fitter: LeastSquaresFit())
    #expect(zip(e.points.map(\.predictedError), Self.scipyPredictions14B).allSatisfy { abs($0 - $1) < 1e-8 })
    #expect(!e.hasMeasurements)
    #expect(e.heldOut.isEmpty)
    #expect(e.points.allSatisfy { $0.measuredError == nil && $0.relativeError == nil && $0.absoluteError == nil })
    #expect(e.maxRelativeError == nil && e.worstPoint == nil && e.maxAbsoluteError == nil)
  }

  @Test("exact data from a law is extrapolated exactly, and its bootstrap band collapses onto the curve")
  func exactData() throws {
    let law = ScalingLaw(a: 0.55, alpha: 0.09, beta: 0.02, D: 0.05)
    let data = Grids.synthetic(law, sizes: [0.5, 1.8, 4, 7, 14])
    let e = try Extrapolation(
      observations: data, fitSizes: [0.5, 1.8, 4, 7], predictedN: 14, fitter: LeastSquaresFit(),
      bootstrap: Bootstrap(resamples: 20, seed: 5))
    #expect(e.maxRelativeError! < 1e-6)
    let band = try #require(e.band)
    #expect(band.N == 14 && band.level == 0.95 && band.resamples == 20 && band.seed == 5)
    #expect(band.points.count >= 49, "the data's V plus 49 log-spaced V for drawing")
    #expect(band.points.first?.V == 1 && band.points.last?.V == 576)
    for point in band.points {
      let truth = law.error(N: 14, T: point.V)
      #expect(abs(point.lower - truth) < 1e-5 && abs(point.upper - truth) < 1e-5)
    }
    #expect(e.points.allSatisfy { $0.bandLower != nil && $0.bandUpper != nil })
  }

  @Test("the band is the seeded percentile interval of the refitted predictions")
  func bandIsSeeded() throws {
    let make = { (seed: UInt64) in
      try Extrapolation(
        observations: Grids.visualReasoning, fitSizes: [0.5, 1.8, 4], predictedN: 7, fitter: LeastSquaresFit(),
        bootstrap: Bootstrap(resamples: 30, seed: seed), bandSamples: 5)
    }
    let (one, again, other) = (try make(1), try make(1), try make(2))
    #expect(one.band == again.band)
    #expect(one.band != other.band)
    let band = try #require(one.band)
    #expect(band.points.allSatisfy { $0.lower <= $0.upper })
    // Recompute one end independently: refit every resample, take numpy's linear-interpolated percentile.
    let problem = try FitProblem(one.fitObservations)
    let refits = Bootstrap(resamples: 30, seed: 1).run(problem, fitter: LeastSquaresFit())
    let predictions = refits.laws.map { $0.error(N: 7, T: 16) }.sorted()
    let h = Double(predictions.count - 1) * 0.025
    let low = Int(h)
    let expected = predictions[low] + (h - Double(low)) * (predictions[low + 1] - predictions[low])
    #expect(abs(band.interval(V: 16)!.lowerBound - expected) < 1e-12)
  }

  /// Issue 11, item 6: a measured error of 0 made the relative error ∞, which Figure 2 failed to
  /// encode and `repro verify` printed as "inf %".
  @Test("a relative error with nothing to divide by is undefined, never infinite")
  func relativeErrorOfAZeroError() {
    #expect(ExtrapolationPoint(V: 1, predictedError: 0.1, measuredError: 0).relativeError == nil)
    #expect(ExtrapolationPoint(V: 1, predictedError: 0.1, measuredError: 0).absoluteError == 0.1)
    #expect(ExtrapolationPoint(V: 1, predictedError: 0.1, measuredError: 0.2).relativeError == 0.5)
  }

  @Test("bad setups are refused with the reason")
  func refusals() {
    #expect(throws: ExtrapolationError.missingFitSize(N: 3, available: [0.5, 1.8, 4, 7])) {
      try Extrapolation(observations: Grids.visualReasoning, fitSizes: [0.5, 3], predictedN: 7, fitter: LeastSquaresFit())
    }
    #expect(throws: ExtrapolationError.predictedSizeIsFitted(N: 4)) {
      try Extrapolation(observations: Grids.visualReasoning, fitSizes: [0.5, 1.8, 4], predictedN: 4, fitter: LeastSquaresFit())
    }
    #expect(throws: ExtrapolationError.noFitSizes) {
      try Extrapolation(observations: Grids.visualReasoning, fitSizes: [], predictedN: 4, fitter: LeastSquaresFit())
    }
    #expect(ExtrapolationError.predictedSizeIsFitted(N: 4).description.contains("not be an extrapolation"))
  }
}

/// A miniature grid's band resamples its cells, seeds and held-out questions, as the ledger does.
@Suite("Extrapolation with held-out answers")
struct ExtrapolationAnswersTests {
  /// The visual-reasoning grid as answers to 10,000 questions (its accuracies are multiples of
  /// 1e-4), one seed per cell, the first questions correct.
  static let answers: [HeldOutAnswers] = Grids.visualReasoning.map { o in
    let correct = Int(((1 - o.Y) * 10_000).rounded())
    return HeldOutAnswers(N: o.N, V: Int(o.V), method: "TokenPacker", seeds: [CorrectAnswers((0..<10_000).map { $0 < correct })])
  }

  @Test("the band says what it resampled, and the answers change it")
  func bandResamplesTheAnswers() throws {
    let bootstrap = Bootstrap(resamples: 40, seed: 1)
    let overCells = try Extrapolation(
      observations: Grids.visualReasoning, fitSizes: [0.5, 1.8, 4], predictedN: 7, fitter: LeastSquaresFit(), bootstrap: bootstrap)
    let overAnswers = try Extrapolation(
      observations: Grids.visualReasoning, fitSizes: [0.5, 1.8, 4], predictedN: 7, fitter: LeastSquaresFit(), bootstrap: bootstrap,
      answers: Self.answers)
    #expect(overCells.bandResampled == "the cells")
    #expect(overAnswers.bandResampled == "the 21 cells, their seeds (1–1 per cell) and the 10000 held-out questions")
    #expect(overAnswers.fit.law == overCells.fit.law, "the point fit does not depend on the answers")
    #expect(overAnswers.band != overCells.band)
    // Answers that are not the grid's are an error, not a silently different band.
    var wrong = Self.answers
    wrong[0].seeds = [CorrectAnswers((0..<10_000).map { $0 < 10 })]
    #expect(throws: FitError.self) {
      try Extrapolation(
        observations: Grids.visualReasoning, fitSizes: [0.5, 1.8, 4], predictedN: 7, fitter: LeastSquaresFit(), bootstrap: bootstrap,
        answers: wrong)
    }
  }
}
