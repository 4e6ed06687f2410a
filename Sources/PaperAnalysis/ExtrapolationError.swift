/// Why an extrapolation cannot be set up: it would fit on nothing or "predict" a fitted size.
public enum ExtrapolationError: Error, Equatable, CustomStringConvertible {
  case noFitSizes
  case missingFitSize(N: Double, available: [Double])
  case predictedSizeIsFitted(N: Double)
  case invalidPredictedSize(Double)

  public var description: String {
    switch self {
    case .noFitSizes:
      "an extrapolation needs at least one LLM size to fit on"
    case .missingFitSize(let N, let available):
      "no observations at N = \(N) B to fit on; the data has N = \(available.map { "\($0)" }.joined(separator: ", "))"
    case .predictedSizeIsFitted(let N):
      "N = \(N) B is among the fitted sizes, so predicting it would not be an extrapolation"
    case .invalidPredictedSize(let N):
      "the predicted LLM size must be a positive number of billions, got \(N)"
    }
  }
}
