import ComputeFrontier
import ResultValues
import ResultsStore
import ScalingLaw
import ScalingLawFit

/// The scaling law fitted on some LLM sizes and asked to predict another size, V by V, beside
/// that size's measurements when the database has any (Figure 2, `repro extrapolate`).
///
/// The paper fits on 0.5–7 B and says the law predicts 14 B "with an error margin of less than
/// 2 %"; the 14 B measurements were not published, so this project also runs the analog the data
/// does allow: fit on 0.5–4 B, predict 7 B. Errors are on the law's own quantity, the average
/// downstream error Y = 1 − accuracy: ``ExtrapolationPoint/absoluteError`` is |Ŷ − Y| and
/// ``ExtrapolationPoint/relativeError`` is |Ŷ − Y| / Y. Predictions are made at every V of the
/// data (the fitted sizes' and the measured predicted size's), so a partial set of measurements
/// still gets a full predicted curve.
///
/// Summaries report it as ``ResultValues/ExtrapolationSummary`` (``summary(suite:)``).
public struct Extrapolation: Sendable {
  /// The LLM sizes (billions) the law was fitted on, ascending.
  public let fitSizes: [Double]
  /// The LLM size (billions) the law predicts.
  public let predictedN: Double
  /// The sizes in the data that were not fitted on (the predicted one, when measured).
  public let excludedSizes: [Double]
  /// The observations the law was fitted on.
  public let fitObservations: [Observation]
  /// The measurements of the predicted size; empty when the database has none.
  public let heldOut: [Observation]
  public let fit: FitResult
  /// One point per V, ascending.
  public let points: [ExtrapolationPoint]
  /// The spread of the predicted curve over bootstrap refits, when a bootstrap was asked for.
  public let band: PredictionBand?
  /// What the band's bootstrap resampled, in words (the fitted cells, or with held-out answers
  /// their cells, seeds and questions); `nil` without a bootstrap.
  public let bandResampled: String?
  /// The prediction "the predicted size errs as the largest fitted size does", for comparison;
  /// `nil` without measurements.
  public let naiveBaseline: NaiveBaseline?

  /// Fits `fitter` on the observations whose N is in `fitSizes` and predicts `predictedN`.
  ///
  /// With `bootstrap`, the fit is repeated on resamples of the fitted observations (with the
  /// held-out `answers` behind them, a miniature suite's, on resamples of their cells, seeds and
  /// questions, as the ledger resamples them) and ``band`` holds the central `level` interval of
  /// the predicted error at each V of the data and at `bandSamples` values log-spaced across the
  /// data's V range (a drawn band's resolution).
  public init(
    observations: [Observation], fitSizes: [Double], predictedN: Double, fitter: any ScalingLawFitter,
    bootstrap: Bootstrap? = nil, answers: [HeldOutAnswers] = [], level: Double = 0.95, bandSamples: Int = 49
  ) throws {
    let available = Set(observations.map(\.N))
    guard !fitSizes.isEmpty else { throw ExtrapolationError.noFitSizes }
    for N in fitSizes where !available.contains(N) {
      throw ExtrapolationError.missingFitSize(N: N, available: available.sorted())
    }
    guard !fitSizes.contains(predictedN) else { throw ExtrapolationError.predictedSizeIsFitted(N: predictedN) }
    guard predictedN.isFinite, predictedN > 0 else { throw ExtrapolationError.invalidPredictedSize(predictedN) }

    self.fitSizes = Set(fitSizes).sorted()
    self.predictedN = predictedN
    excludedSizes = available.subtracting(fitSizes).sorted()
    fitObservations = observations.filter { fitSizes.contains($0.N) }
    heldOut = observations.filter { $0.N == predictedN }.sorted { $0.V < $1.V }
    naiveBaseline = NaiveBaseline(observations: observations, fromN: self.fitSizes.last!, predictedN: predictedN)
    let problem = try FitProblem(fitObservations)
    fit = try fitter.fit(problem)

    let pointV = Set(fitObservations.map(\.V) + heldOut.map(\.V)).sorted()
    let bandV = pointV.count > 1 && bandSamples > 1
      ? ComputeFrontier.logSpaced(pointV.first!...pointV.last!, count: bandSamples) : []
    let resampling = try HeldOutResampling.behind(fitObservations, answers: answers)
    let refits = bootstrap.map { $0.run(problem, resampling: resampling, fitter: fitter) }
    let band = refits.map { PredictionBand($0, N: predictedN, V: Set(pointV + bandV).sorted(), level: level) }
    self.band = band
    bandResampled = refits?.resampled
    let law = fit.law
    let measured = Dictionary(heldOut.map { ($0.V, $0.Y) }, uniquingKeysWith: { first, _ in first })
    points = pointV.map { V in
      ExtrapolationPoint(
        V: V, predictedError: law.error(N: predictedN, T: V), measuredError: measured[V],
        band: band?.interval(V: V))
    }
  }

  /// True when the database has at least one measurement of the predicted size.
  public var hasMeasurements: Bool { !heldOut.isEmpty }

  /// The measured point the law misses by the largest relative error; nil without measurements.
  public var worstPoint: ExtrapolationPoint? {
    points.filter { $0.relativeError != nil }.max { $0.relativeError! < $1.relativeError! }
  }

  /// The largest |Ŷ − Y| / Y over the measured points; nil without measurements.
  public var maxRelativeError: Double? { worstPoint?.relativeError }

  /// The largest |Ŷ − Y| over the measured points; nil without measurements.
  public var maxAbsoluteError: Double? { points.compactMap(\.absoluteError).max() }

  /// The extrapolation as summaries report it, with its fit as `FitSummary` of `suite`, its
  /// optimum read at `question`.
  public func summary(suite: String, question: QuestionSetting) -> ExtrapolationSummary {
    ExtrapolationSummary(
      fitSizes: fitSizes, predictedN: predictedN, measurementsAvailable: hasMeasurements, points: points,
      maxRelativeError: maxRelativeError, maxRelativeErrorAtV: worstPoint?.V, maxAbsoluteError: maxAbsoluteError,
      band: band, fit: FitSummary(suite: suite, excludedSizes: excludedSizes, result: fit, question: question), naiveBaseline: naiveBaseline)
  }
}
