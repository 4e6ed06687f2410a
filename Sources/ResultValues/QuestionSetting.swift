import ComputeFrontier
import ScalingLaw

/// Where a fit summary reads the compute-optimal V: at a question of ``tokens`` text tokens, V
/// within the model's ``visualTokenRange``.
///
/// Why a setting and not the paper's numbers: a summary's "V* at the question's length" was
/// written for the paper's grids (Q = 50, V in 1…576), and a miniature suite read that way gave
/// V* for a question twelve times its own over tokens its model does not have. Each registered
/// fit carries its own (`LawFitSettings.question`), so a figure, `repro fit` and the report
/// read one number.
public struct QuestionSetting: Codable, Sendable, Hashable, CustomStringConvertible {
  /// The question's text tokens Q.
  public var tokens: Double
  /// The visual tokens the model can take, 1 up to its uncompressed count.
  public var visualTokenRange: ClosedRange<Double>

  public init(tokens: Double, visualTokenRange: ClosedRange<Double>) {
    self.tokens = tokens
    self.visualTokenRange = visualTokenRange
  }

  /// The paper's: Figure 1b's 50 text tokens, LLaVA's 576 visual tokens.
  public static let paper = QuestionSetting(tokens: PaperSetup.questionTextTokens, visualTokenRange: PaperSetup.visualTokenRange)

  /// V* = β·Q/(α−β) in closed form, clamped to ``visualTokenRange``.
  public func optimalV(_ law: ScalingLaw) -> Double {
    ComputeFrontier(law: law, Q: tokens, visualTokenRange: visualTokenRange).closedFormOptimalV
  }

  /// `Q = 50, V in 1…576`.
  public var description: String {
    "Q = \(DisplayNumber.text(tokens)), V in \(DisplayNumber.text(visualTokenRange.lowerBound))…\(DisplayNumber.text(visualTokenRange.upperBound))"
  }
}
