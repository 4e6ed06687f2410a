import RealModule
import ScalingLaw
import Testing

@Suite("The scaling law")
struct ScalingLawTests {
  @Test("evaluates a·N^-α·T^-β + D")
  func evaluates() {
    let law = ScalingLaw(a: 0.5, alpha: 0.1, beta: 0.02, D: 0.05)
    let expected = 0.5 * Double.pow(4, -0.1) * Double.pow(16, -0.02) + 0.05
    #expect(law.error(N: 4, T: 16).isApproximatelyEqual(to: expected, relativeTolerance: 1e-15))
    #expect(law.error(N: 1, T: 1) == 0.55)
  }

  @Test("the token convention decides T")
  func tokenConvention() {
    let law = ScalingLaw(a: 0.5, alpha: 0.1, beta: 0.02, D: 0)
    #expect(law.error(N: 2, V: 14, Q: 50) == law.error(N: 2, T: 14))
    #expect(law.error(N: 2, V: 14, Q: 50, convention: .textPlusVisual(Q: 50)) == law.error(N: 2, T: 64))
  }

  @Test("error is 1 − accuracy")
  func errorFromAccuracy() {
    #expect(Observation(N: 7, V: 576, accuracy: 0.5354).Y == 1 - 0.5354)
  }
}
